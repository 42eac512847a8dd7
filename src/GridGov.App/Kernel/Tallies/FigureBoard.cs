using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;

namespace GridGov.Kernel.Tallies;

public sealed record FigureValue(string Key, string LabelKey, FigureKind Kind, double? Value, string? ListLink);

public sealed record FigureReading(string Path, DateOnly? From, DateOnly? To, IReadOnlyList<FigureValue> Values);

/// <summary>
/// The read contract for figures: any module's counts for any place and period, by key, so that
/// bulletins, dashboards and role homes read figures without knowing whose they are. A place
/// outside the reader's view reads as unknown, the same as one that does not exist.
/// </summary>
public sealed class FigureBoard(IEnumerable<IFigureSource> sources, IPlaceDirectory places, CurrentUser user)
{
    public const int MaxKeys = 40;

    public IReadOnlyList<FigureDefinition> Catalogue() =>
        sources.Where(s => s.MayRead(user)).SelectMany(s => s.Figures).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();

    public async Task<FigureReading> ReadAsync(IReadOnlyCollection<string> keys, string? placeCode, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (keys.Count == 0) throw new ValidationException("key", "required");
        if (keys.Count > MaxKeys) throw new ValidationException("key", "out_of_range");
        if (from is { } f && to is { } t && f > t) throw new ValidationException("to", "before_start");
        var path = string.IsNullOrEmpty(placeCode) ? user.ViewPath
            : await places.PathOfAsync(placeCode, ct) ?? throw new ValidationException("area", "unknown_node");
        if (path is null || !user.CanView(path)) throw new ValidationException("area", "unknown_node");

        var readable = sources.Where(s => s.MayRead(user)).ToList();
        var owner = new Dictionary<string, (IFigureSource Source, FigureDefinition Figure)>();
        foreach (var key in keys.Distinct())
            owner[key] = readable.SelectMany(s => s.Figures.Select(d => (Source: s, Figure: d))).FirstOrDefault(x => x.Figure.Key == key) is { Source: not null } found
                ? found : throw new ValidationException("key", "unknown");
        var query = new FigureQuery(path, from, to);
        var values = new Dictionary<string, double?>();
        foreach (var group in owner.GroupBy(o => o.Value.Source))
            foreach (var (key, value) in await group.Key.ReadAsync(query, group.Select(g => g.Key).ToList(), ct)) values[key] = value;
        return new FigureReading(path, from, to, keys.Distinct().Select(k =>
        {
            var d = owner[k].Figure;
            return new FigureValue(k, d.LabelKey, d.Kind, values.GetValueOrDefault(k), Link(d.ListLink, placeCode, from, to));
        }).ToList());
    }

    /// <summary>
    /// The values of figures at many places (paths the reader may view) for one period: what a
    /// bulletin reads for each unit it ranks. Each source reads each place once; a source that
    /// fails fails the whole read, so that no caller goes on with figures missing.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, double?>>> ReadAtAsync(IReadOnlyCollection<string> keys,
        IReadOnlyCollection<string> paths, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (paths.Any(p => !user.CanView(p))) throw new ValidationException("area", "unknown_node");
        var readable = sources.Where(s => s.MayRead(user)).ToList();
        var owners = keys.Distinct().Select(key => (Key: key, Source: readable.FirstOrDefault(s => s.Figures.Any(f => f.Key == key))
            ?? throw new ValidationException("key", "unknown"))).GroupBy(o => o.Source).ToList();
        var result = new Dictionary<string, IReadOnlyDictionary<string, double?>>();
        foreach (var path in paths.Distinct())
        {
            var values = new Dictionary<string, double?>();
            foreach (var group in owners)
                foreach (var (key, value) in await group.Key.ReadAsync(new FigureQuery(path, from, to), group.Select(g => g.Key).ToList(), ct)) values[key] = value;
            result[path] = values;
        }
        return result;
    }

    /// <summary>A figure's list of records for a place and period: its template with the place and the days filled in.</summary>
    public static string? Link(string? template, string? placeCode, DateOnly? from, DateOnly? to) => template?
        .Replace("{area}", Uri.EscapeDataString(placeCode ?? ""))
        .Replace("{from}", from?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "")
        .Replace("{to}", to?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "");
}
