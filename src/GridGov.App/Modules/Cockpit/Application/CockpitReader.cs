using System.Text;
using System.Text.Json;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Tallies;
using GridGov.Kernel.Time;
using GridGov.Modules.Cockpit.Contracts;
using GridGov.Modules.Incidents.Contracts;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.Territory.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Modules.Cockpit.Application;

public sealed record CockpitPlace(string? Code, string Name, string Path);

/// <summary>A place one level down, its counts, and the lists and cockpit its numbers open.</summary>
public sealed record RankRow(string Code, string Name, LoopCounts Counts, string CockpitLink, string ReportedLink, string ClosedLink, string OnTimeLink);

/// <summary>A drawn grid's value for the figure the map is coloured by.</summary>
public sealed record MapValue(string Code, string Name, int Value, string Link);

/// <summary>The grids drawn (a GeoJSON FeatureCollection named by grid code), their values, and the incidents placed on them.</summary>
public sealed record CockpitMap(int Level, string Figure, string FeaturesJson, int Drawn, int GridsInScope, IReadOnlyList<MapValue> Values,
    IReadOnlyList<IncidentMarker> Markers);

public sealed record CockpitView(CockpitPlace Place, PeriodPreset Period, DateOnly From, DateOnly To, FigureReading Figures,
    IReadOnlyList<TrendPoint> Days, IReadOnlyList<TrendPoint> Months, IReadOnlyList<RankRow> Ranking, IReadOnlyList<IncidentLine> Overdue,
    IReadOnlyList<IncidentLine> Escalated, CockpitMap Map, CoverageStatus? Coverage = null, IReadOnlyList<TagLine>? Tags = null);

/// <summary>Residents carrying a tag today under the place, and the people list it opens.</summary>
public sealed record TagLine(string Code, string Label, int Residents, string Link);

/// <summary>
/// The cockpit of one place in the reader's view: every number read from the tallies through the
/// modules' contracts, every number with the list it counts.
/// </summary>
/// <remarks>The reads are independent; each runs in a scope of its own (<see cref="UserScopes"/>), all at once.</remarks>
public sealed class CockpitReader(CurrentUser user, UserScopes scopes, FigureBoard figures, ITerritoryDirectory territory,
    ITerritoryMap map, TimeProvider clock)
{
    public const int TrendDays = 30;
    public const int TrendMonths = 12;
    public const int ListLength = 8;
    public const int MaxMarkers = 300;
    public static readonly string[] MapFigures = ["households", "residents"];

    public static readonly string[] FigureKeys =
    [
        "incidents.reported", "incidents.closed", "incidents.closure_rate", "incidents.on_time_rate", "incidents.overdue", "incidents.escalated",
        "people.households", "people.residents",
    ];

    public async Task<CockpitView> ReadAsync(string? areaCode, PeriodPreset period, string? mapFigure, CancellationToken ct)
    {
        user.Require(CockpitPermissions.View);
        var place = await PlaceAsync(areaCode, ct);
        var today = clock.Today();
        var (from, to) = period.Range(today);
        var readable = figures.Catalogue().Select(f => f.Key).ToHashSet();
        var keys = FigureKeys.Where(readable.Contains).ToList();
        var path = place.Path;
        var reading = scopes.ReadAsync<FigureBoard, FigureReading>(f => f.ReadAsync(keys, place.Code, from, to, ct));
        var days = scopes.ReadAsync<IIncidentOverview, IReadOnlyList<TrendPoint>>(o => o.ByDayAsync(path, today.AddDays(1 - TrendDays), today, ct));
        var months = scopes.ReadAsync<IIncidentOverview, IReadOnlyList<TrendPoint>>(o => o.ByMonthAsync(path, today.AddMonths(1 - TrendMonths), today, ct));
        var ranking = scopes.ReadAsync<IServiceProvider, IReadOnlyList<RankRow>>(s => RankingAsync(s, path, from, to, ct));
        var overdue = scopes.ReadAsync<IIncidentOverview, IReadOnlyList<IncidentLine>>(o => o.OverdueAsync(path, ListLength, ct));
        var escalated = scopes.ReadAsync<IIncidentOverview, IReadOnlyList<IncidentLine>>(o => o.EscalatedAsync(path, ListLength, ct));
        var figure = MapFigures.Contains(mapFigure) ? mapFigure! : MapFigures[0];
        var shapes = scopes.ReadAsync<IServiceProvider, CockpitMap>(s => MapAsync(s, path, figure, ct));
        var markers = scopes.ReadAsync<IIncidentOverview, IReadOnlyList<IncidentMarker>>(o => o.MarkersAsync(path, from, to, MaxMarkers, ct));
        var coverage = place.Code is { } code
            ? scopes.ReadAsync<ICoverageStatus, CoverageStatus?>(c => c.LatestAsync(code, ct))
            : Task.FromResult<CoverageStatus?>(null);
        var tags = scopes.ReadAsync<ITagDirectory, IReadOnlyList<TagCount>>(t => t.CountUnderAsync(path, ct));
        await Task.WhenAll(reading, days, months, ranking, overdue, escalated, shapes, markers, coverage, tags);
        return new CockpitView(place, period, from, to, reading.Result, days.Result, months.Result, ranking.Result, overdue.Result, escalated.Result,
            shapes.Result with { Markers = markers.Result }, coverage.Result, tags.Result.Select(t => new TagLine(t.Code, t.Label, t.Residents, PeopleLink(place, t.Code))).ToList());
    }

    private static string PeopleLink(CockpitPlace place, string tag) =>
        place.Code is { } code ? $"/people?area={Uri.EscapeDataString(code)}&tag={Uri.EscapeDataString(tag)}" : $"/people?tag={Uri.EscapeDataString(tag)}";

    private async Task<CockpitPlace> PlaceAsync(string? areaCode, CancellationToken ct)
    {
        var path = string.IsNullOrWhiteSpace(areaCode) ? user.ViewPath
            : await territory.PathOfAsync(areaCode.Trim(), ct) ?? throw new ValidationException("area", "unknown_node");
        if (path is null || !user.CanView(path)) throw new ValidationException("area", "unknown_node");
        if (path.Length == 0) return new CockpitPlace(null, "", "");
        var names = await map.NamesAsync([path], ct);
        var (code, name) = names.GetValueOrDefault(path, (TreePath.Codes(path)[^1], TreePath.Codes(path)[^1]));
        return new CockpitPlace(code, name, path);
    }

    private static async Task<IReadOnlyList<RankRow>> RankingAsync(IServiceProvider services, string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var incidents = services.GetRequiredService<IIncidentOverview>();
        var places = await incidents.ByPlaceAsync(path, from, to, ct);
        var names = await services.GetRequiredService<ITerritoryMap>().NamesAsync(places.Select(p => p.Path).ToList(), ct);
        return places.Where(p => names.ContainsKey(p.Path)).Select(p =>
        {
            var (code, name) = names[p.Path];
            return new RankRow(code, name, p.Counts, $"/cockpit?area={code}",
                incidents.ListLink(code, "Reported", from, to), incidents.ListLink(code, "Closed", from, to), incidents.ListLink(code, "ClosedOnTime", from, to));
        }).OrderByDescending(r => r.Counts.OnTimeRate ?? -1).ThenByDescending(r => r.Counts.Reported).ToList();
    }

    /// <summary>The level drawn: level-1 grids for a county or more, level 2 for a township, level 3 for a community.</summary>
    public static int MapLevelOf(string path)
    {
        if (TreePath.GridDepth(path) is > 0 and var depth) return Math.Min(depth + 1, 3);
        var areas = TreePath.Codes(path).Length;
        return areas <= 3 ? 1 : areas == 4 ? 2 : 3;
    }

    private static async Task<CockpitMap> MapAsync(IServiceProvider services, string path, string figure, CancellationToken ct)
    {
        var map = services.GetRequiredService<ITerritoryMap>();
        var population = services.GetRequiredService<IPopulationStatistics>();
        var level = MapLevelOf(path);
        var shapes = await map.GridShapesAsync(path, level, ct);
        // Level-1 grids are read from their rollups: a city's map adds thousands of rows, not every level-3 grid's.
        var counts = level == 1 ? new Dictionary<string, PopulationCount>(await population.CountByLevelOneGridAsync(path, ct)) : [];
        if (level != 1)
            foreach (var length in shapes.Select(s => s.Path.Length).Distinct())
                foreach (var (key, count) in await population.CountByPathPrefixAsync(path, length, ct)) counts[key] = count;
        var values = shapes.Select(s =>
        {
            var c = counts.GetValueOrDefault(s.Path, PopulationCount.Zero);
            return new MapValue(s.Code, s.Name, figure == "residents" ? c.Residents : c.Households, $"/territory/{s.Code}");
        }).ToList();
        return new CockpitMap(level, figure, FeatureCollection(shapes), shapes.Count, await map.GridCountAsync(path, level, ct), values, []);
    }

    private static string FeatureCollection(IReadOnlyList<GridShape> shapes) =>
        Kernel.Geo.GeoFeatures.Collection(shapes.Select(s => new Kernel.Geo.MapFeature(s.Code, s.Name, s.BoundaryGeoJson)));
}
