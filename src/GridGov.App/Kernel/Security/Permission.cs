using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridGov.Kernel.Security;

/// <summary>
/// Something a role may do. Each module declares its own (in its Contracts) with the roles that
/// hold them in its manifest; the name is what the API and the audit records show.
/// </summary>
[JsonConverter(typeof(PermissionJson))]
public readonly record struct Permission(string Name)
{
    public override string ToString() => Name;

    private sealed class PermissionJson : JsonConverter<Permission>
    {
        public override Permission Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString() ?? "");
        public override void Write(Utf8JsonWriter writer, Permission value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
    }
}

/// <summary>Permissions over the platform itself, held by no module.</summary>
public static class PlatformPermissions
{
    /// <summary>Deployment settings such as the working-day calendar.</summary>
    public static readonly Permission SystemSettings = new("SystemSettings");

    /// <summary>
    /// Change reference data every county shares (the incident category catalogue, the tag
    /// catalogue): only the role that owns it, never one county for all thirteen.
    /// </summary>
    public static readonly Permission SharedReferenceData = new("SharedReferenceData");

    internal static IEnumerable<Modules.PermissionGrant> Grants =>
    [
        new(SystemSettings, Roles.SystemAdmin),
        new(SharedReferenceData, Roles.SystemAdmin),
    ];
}
