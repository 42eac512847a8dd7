using System.Text.Json;
using GridGov.Kernel.Errors;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace GridGov.Modules.Territory.Application;

/// <summary>Boundaries are stored as GeoJSON geometry text (WGS 84 longitude/latitude).</summary>
public static class GeoJson
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    public static Geometry? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<Geometry>(json, Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    public static string Write(Geometry geometry) => JsonSerializer.Serialize(geometry, Options);

    /// <summary>Accepts an empty value or a valid Polygon / MultiPolygon; anything else is a field error.</summary>
    public static string? Validate(string field, string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        var geometry = Read(json);
        if (geometry is not (Polygon or MultiPolygon) || !geometry.IsValid) throw new ValidationException(field, "bad_polygon");
        return Write(geometry);
    }
}
