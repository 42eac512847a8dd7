using System.Text;
using System.Text.Json;

namespace GridGov.Kernel.Geo;

/// <summary>One shape for a map: its code and name, and its stored GeoJSON geometry.</summary>
public sealed record MapFeature(string Code, string Name, string GeometryJson);

/// <summary>Shapes as a GeoJSON FeatureCollection whose features carry <c>code</c> and <c>name</c>, as the maps draw them.</summary>
public static class GeoFeatures
{
    public const string Empty = """{"type":"FeatureCollection","features":[]}""";

    /// <summary>The stored geometry is copied as it is: it was validated when it was saved.</summary>
    public static string Collection(IEnumerable<MapFeature> features)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var f in features)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteStartObject("properties");
                json.WriteString("code", f.Code);
                json.WriteString("name", f.Name);
                json.WriteEndObject();
                json.WritePropertyName("geometry");
                json.WriteRawValue(f.GeometryJson);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
