using GridGov.Kernel.Geo;
using GridGov.Kernel.Hosting;
using Microsoft.Extensions.Configuration;

namespace GridGov.UnitTests;

public class MapTilesTests
{
    private static MapTiles Of(string? url) =>
        MapTiles.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Map:TileUrl"] = url }).Build());

    [Fact]
    public void A_tile_server_is_allowed_to_serve_images_to_the_pages_and_nothing_else()
    {
        var tianditu = Of("https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=KEY");
        Assert.Equal("https://*.tianditu.gov.cn", tianditu.Origin);
        var policy = SecurityHeaders.PagePolicyWith(tianditu.Origin);
        Assert.Contains("img-src 'self' data: blob: https://*.tianditu.gov.cn;", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("connect-src 'self';", policy);

        Assert.Equal("http://10.1.2.3:8080", Of("http://10.1.2.3:8080/tiles/{z}/{x}/{y}.png").Origin);
        // Tiles the app serves itself need no other origin; none configured, the policy is as it was.
        Assert.Null(Of("/tiles/{z}/{x}/{y}.png").Origin);
        Assert.Null(Of(null).Origin);
        Assert.Equal(SecurityHeaders.PagePolicy, SecurityHeaders.PagePolicyWith(null));
    }

    [Fact]
    public void A_template_without_its_placeholders_stops_the_start_with_a_reason()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Of("https://tiles.example.org/map.png"));
        Assert.Contains("{z}", e.Message);
    }
}
