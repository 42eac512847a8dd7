using Microsoft.Extensions.Configuration;

namespace GridGov.Kernel.Geo;

/// <summary>
/// A base layer of map tiles under the grids, where a county has a tile server (its 天地图 key, or
/// intranet tiles): <c>Map:TileUrl</c> is an XYZ template with <c>{z}</c>, <c>{x}</c>, <c>{y}</c> and
/// optionally <c>{s}</c>, <c>Map:TileAttribution</c> the credit the provider asks for. Without it
/// the maps draw the grids' own shapes alone.
/// </summary>
public sealed class MapTiles
{
    public string? Url { get; init; }
    public string? Attribution { get; init; }
    public int MaxZoom { get; init; } = 18;

    public bool Configured => !string.IsNullOrWhiteSpace(Url);

    /// <summary>
    /// The tile server's origin, for the pages' image policy: only an absolute http(s) template has
    /// one; a subdomain placeholder (t{s}.tianditu.gov.cn) allows every subdomain of the host.
    /// </summary>
    public string? Origin
    {
        get
        {
            if (!Configured) return null;
            const string Sub = "ggsub";
            var probe = Url!.Replace("{s}", Sub).Replace("{z}", "0").Replace("{x}", "0").Replace("{y}", "0");
            if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")) return null;
            var host = uri.Host.Contains(Sub, StringComparison.Ordinal) ? "*" + uri.Host[uri.Host.IndexOf('.')..] : uri.Host;
            return $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}";
        }
    }

    public static MapTiles From(IConfiguration config)
    {
        var section = config.GetSection("Map");
        var url = section["TileUrl"];
        if (!string.IsNullOrWhiteSpace(url) && !(url.Contains("{z}") && url.Contains("{x}") && url.Contains("{y}")))
            throw new InvalidOperationException("Map:TileUrl must be a tile template holding {z}, {x} and {y}");
        return new MapTiles { Url = url, Attribution = section["TileAttribution"], MaxZoom = section.GetValue("TileMaxZoom", 18) };
    }
}
