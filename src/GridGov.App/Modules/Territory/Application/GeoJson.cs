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

    /// <summary>
    /// Accepts an empty value or a valid Polygon / MultiPolygon in longitude and latitude, given as a
    /// geometry, a Feature, or a FeatureCollection of polygons (what GIS tools export from a
    /// Shapefile), whose parts are joined into one shape; anything else is a field error.
    /// </summary>
    public static string? Validate(string field, string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        var geometry = Shape(json);
        if (geometry is not (Polygon or MultiPolygon) || !geometry.IsValid) throw new ValidationException(field, "bad_polygon");
        if (!LonLat.Contains(geometry.EnvelopeInternal)) throw new ValidationException(field, "not_lon_lat");
        return Write(geometry);
    }

    private static readonly Envelope LonLat = new(-180, 180, -90, 90);

    private static Geometry? Shape(string json)
    {
        string? type;
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
            type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) ? t.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
        var parts = type switch
        {
            "FeatureCollection" when root.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array =>
                features.EnumerateArray().Select(GeometryOf).ToList(),
            "Feature" => [GeometryOf(root)],
            _ => [Read(json)],
        };
        if (parts.Count == 0 || parts.Any(p => p is not (Polygon or MultiPolygon))) return null;
        return parts.Count == 1 ? parts[0] : NetTopologySuite.Operation.Union.UnaryUnionOp.Union(parts!);
    }

    private static Geometry? GeometryOf(JsonElement feature) =>
        feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object
            ? Read(g.GetRawText())
            : null;
}
