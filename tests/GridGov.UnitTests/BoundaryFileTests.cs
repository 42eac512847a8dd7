using GridGov.Kernel.Errors;
using GridGov.Modules.Territory.Application;

namespace GridGov.UnitTests;

/// <summary>A boundary comes as a geometry, a Feature or a FeatureCollection, as GIS tools export a Shapefile; it must be a polygon in longitude and latitude.</summary>
public class BoundaryFileTests
{
    private static string Square(double w, double s, double size) =>
        $$"""{"type":"Polygon","coordinates":[[[{{w}},{{s}}],[{{w + size}},{{s}}],[{{w + size}},{{s + size}}],[{{w}},{{s + size}}],[{{w}},{{s}}]]]}""";

    private static string Code(string json) => Assert.Throws<ValidationException>(() => GeoJson.Validate("boundary", json)).Fields["boundary"];

    [Fact]
    public void A_feature_collection_of_touching_polygons_becomes_one_shape()
    {
        var file = """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4326"}},"features":["""
            + """{"type":"Feature","properties":{"NAME":"一"},"geometry":""" + Square(111.5, 38.3, 0.01) + "},"
            + """{"type":"Feature","properties":{"NAME":"二"},"geometry":""" + Square(111.51, 38.3, 0.01) + "}]}";
        var shape = GeoJson.Read(GeoJson.Validate("boundary", file))!;
        Assert.Equal("Polygon", shape.GeometryType);
        Assert.Equal(0.0002, shape.Area, 6);
    }

    [Fact]
    public void A_single_feature_and_a_bare_geometry_are_taken_as_they_are()
    {
        Assert.Equal("Polygon", GeoJson.Read(GeoJson.Validate("boundary", """{"type":"Feature","properties":{},"geometry":""" + Square(111.5, 38.3, 0.01) + "}"))!.GeometryType);
        Assert.Equal("Polygon", GeoJson.Read(GeoJson.Validate("boundary", Square(111.5, 38.3, 0.01)))!.GeometryType);
        Assert.Null(GeoJson.Validate("boundary", "  "));
    }

    [Fact]
    public void Projected_coordinates_lines_points_empty_collections_and_broken_text_are_refused_with_a_reason()
    {
        // Gauss–Krüger metres, as a Shapefile in CGCS2000 / 3-degree zones carries them.
        Assert.Equal("not_lon_lat", Code(Square(37_500_000, 4_240_000, 500)));
        Assert.Equal("bad_polygon", Code("""{"type":"LineString","coordinates":[[111.5,38.3],[111.6,38.4]]}"""));
        Assert.Equal("bad_polygon", Code("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[111.5,38.3]}}]}"""));
        Assert.Equal("bad_polygon", Code("""{"type":"FeatureCollection","features":[]}"""));
        Assert.Equal("bad_polygon", Code("""{"type":"Polygon","coordinates":[[[111.5,38.3],[111.6"""));
        // A figure eight is not a boundary.
        Assert.Equal("bad_polygon", Code("""{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}"""));
    }
}
