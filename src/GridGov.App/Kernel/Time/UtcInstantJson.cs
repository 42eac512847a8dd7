using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridGov.Kernel.Time;

/// <summary>
/// Every instant the API writes carries its offset: stored instants are UTC, and the database
/// hands them back without a kind, so they are written as UTC with a Z, as the schema's
/// date-time promises. An instant read without an offset is county time (<see cref="ChinaTime.ReadInstant"/>).
/// </summary>
public sealed class UtcInstantJson : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ChinaTime.ReadInstant(reader.GetString()) ?? throw new JsonException("not an instant");

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture));
}
