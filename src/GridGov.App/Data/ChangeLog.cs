using System.Text.Json;
using System.Text.Json.Nodes;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Privacy;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Data;

public sealed record ChangeView(long Id, DateTime At, string UserName, string EntityType, string EntityId, string Action,
    string? Before, string? After, string? Note);

/// <summary>
/// The one reader of the change log. Whatever a row holds, declared personal fields leave it masked:
/// the log is written masked, and rows written before a field was declared are masked here.
/// </summary>
public sealed class ChangeLog(GridGovDbContext db)
{
    public async Task<Page<ChangeView>> PageAsync(IQueryable<ChangeRecord> query, PageRequest page, CancellationToken ct)
    {
        return await query.OrderByDescending(c => c.Id).AsNoTracking().ToPageAsync(page, View, ct);
    }

    public ChangeView View(ChangeRecord c)
    {
        var type = ClrTypeOf(c.EntityType);
        return new ChangeView(c.Id, c.At, c.UserName, c.EntityType, c.EntityId, c.Action, Masked(type, c.Before), Masked(type, c.After), c.Note);
    }

    /// <summary>A change-log image with every declared personal field of <paramref name="type"/> masked.</summary>
    public static string? Masked(Type? type, string? json)
    {
        if (type is null || string.IsNullOrEmpty(json)) return json;
        var personal = PersonalData.Of(type);
        if (personal.Count == 0 || JsonNode.Parse(json) is not JsonObject image) return json;
        foreach (var (field, kind) in personal)
            if (image[field] is JsonValue value && value.TryGetValue<string>(out var text)) image[field] = PersonalData.Masked(kind, text);
        return image.ToJsonString(Json);
    }

    private Type? ClrTypeOf(string entityType) =>
        db.Model.GetEntityTypes().FirstOrDefault(e => e.ClrType.Name == entityType)?.ClrType;

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
