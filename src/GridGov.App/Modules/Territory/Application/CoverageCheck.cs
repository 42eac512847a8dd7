using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace GridGov.Modules.Territory.Application;

/// <summary>
/// "Moderate size, clear boundaries, seamless coverage": every violation under an area. Counts
/// come grouped from the database; only grid rows (not households) are held in memory, and
/// located households are streamed through prepared grid boundaries.
/// </summary>
public sealed class CoverageCheck(GridGovDbContext db, CurrentUser user, IPopulationStatistics population, TimeProvider clock)
{
    /// <summary>Overlaps and gaps smaller than this share of the smaller shape are drawing noise.</summary>
    private const double AreaTolerance = 1e-4;
    private const int ListLimit = 500;

    private sealed record GridRow(int Id, string Code, string Name, int Level, int AreaId, int? ParentGridId, string Path, bool Retired, string? Boundary);

    private sealed record AreaRow(int Id, string Code, string Name, AreaLevel Level, string Path, string? Boundary);

    public async Task<CoverageReport> RunAsync(string areaCode, CancellationToken ct)
    {
        user.Require(Permission.CoverageView);
        var root = await db.Set<AdminArea>().Where(a => a.Code == areaCode)
            .Select(a => new AreaRow(a.Id, a.Code, a.Name, a.Level, a.Path, a.BoundaryGeoJson)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("area_not_found", areaCode);

        var areas = await db.Set<AdminArea>().Where(a => a.Path.StartsWith(root.Path))
            .Select(a => new AreaRow(a.Id, a.Code, a.Name, a.Level, a.Path, a.BoundaryGeoJson)).ToDictionaryAsync(a => a.Id, ct);
        var grids = await db.Set<Grid>().Where(g => g.Path.StartsWith(root.Path))
            .Select(g => new GridRow(g.Id, g.Code, g.Name, g.Level, g.AreaId, g.ParentGridId, g.Path, g.ClosedOn != null, g.BoundaryGeoJson))
            .ToDictionaryAsync(g => g.Id, ct);
        var rules = await RulesAsync(root, areas.Values, ct);
        var occupancy = await population.OccupancyByGridAsync(root.Path, ct);

        var found = new List<Violation>();
        var totals = Enum.GetValues<ViolationKind>().ToDictionary(k => k, _ => 0);
        void Report(ViolationKind kind, string code, string name, string link, params object[] values)
        {
            totals[kind]++;
            if (found.Count < ListLimit) found.Add(new Violation(kind, code, name, link, values));
        }

        CheckNesting(grids, areas, Report);
        var households = CheckOccupancy(grids, occupancy, Report);
        CheckSizes(grids, occupancy, rules, Report);
        foreach (var item in await population.UnplacedAsync(root.Path, ListLimit, ct))
            Report(item.Kind == "Building" ? ViolationKind.BuildingWithoutGrid : ViolationKind.HouseholdWithoutGrid,
                item.Id.ToString(), item.Label, item.Kind == "Building" ? $"/territory/{AreaCodeOf(item.Path)}" : $"/households/{item.Id}");
        CorrectUnplacedTotals(occupancy, totals);
        CheckBoundaries(grids, areas, Report);
        await CheckLocatedHouseholdsAsync(root.Path, grids, Report, ct);

        return new CoverageReport(root.Code, root.Name, clock.GetUtcNow().UtcDateTime, grids.Count, households, found, totals);
    }

    private static string AreaCodeOf(string path) => TreePath.Codes(path)[^1];

    private static void CorrectUnplacedTotals(IReadOnlyList<GridOccupancy> occupancy, Dictionary<ViolationKind, int> totals)
    {
        var unplaced = occupancy.FirstOrDefault(o => o.GridId is null);
        totals[ViolationKind.HouseholdWithoutGrid] = unplaced?.Households ?? 0;
        totals[ViolationKind.BuildingWithoutGrid] = unplaced?.Buildings ?? 0;
    }

    private async Task<Dictionary<string, (int Min, int Max)[]>> RulesAsync(AreaRow root, IEnumerable<AreaRow> areas, CancellationToken ct)
    {
        // A rule is county policy; staff below the county still check against it, so it is read past the scope filter.
        var countyPaths = areas.Where(a => a.Level == AreaLevel.County).Select(a => a.Path).ToList();
        if (root.Level > AreaLevel.County) countyPaths.Add(CountyPathOf(root.Path));
        var stored = await db.Set<GridSizeRule>().IgnoreQueryFilters().Where(r => countyPaths.Contains(r.Path))
            .Select(r => new { r.Path, r.Level, r.MinHouseholds, r.MaxHouseholds }).ToListAsync(ct);
        return countyPaths.Distinct().ToDictionary(path => path, path => Enumerable.Range(1, Grid.MaxLevel)
            .Select(level => stored.FirstOrDefault(r => r.Path == path && r.Level == level) is { } r
                ? (r.MinHouseholds, r.MaxHouseholds)
                : GridSizeRule.Defaults[level])
            .ToArray());
    }

    private static string CountyPathOf(string path) => string.Concat(TreePath.Codes(path).Take(3).Select(c => c + "/"));

    private static (int Min, int Max) RuleFor(Dictionary<string, (int Min, int Max)[]> rules, string gridPath, int level) =>
        rules.TryGetValue(CountyPathOf(gridPath), out var r) ? r[level - 1] : GridSizeRule.Defaults[level];

    private static void CheckNesting(Dictionary<int, GridRow> grids, Dictionary<int, AreaRow> areas, Action<ViolationKind, string, string, string, object[]> report)
    {
        foreach (var g in grids.Values)
        {
            var link = $"/territory/{g.Code}";
            string? parentPath;
            if (g.ParentGridId is { } pid)
            {
                var parent = grids.GetValueOrDefault(pid);
                parentPath = parent?.Path;
                if (parent is null || parent.Level != g.Level - 1)
                    report(ViolationKind.WrongNesting, g.Code, g.Name, link, [g.Level, parent?.Code ?? "?", parent?.Level ?? 0]);
                else if (parent.Retired && !g.Retired)
                    report(ViolationKind.ActiveUnderRetired, g.Code, g.Name, link, [parent.Code]);
            }
            else
            {
                var area = areas.GetValueOrDefault(g.AreaId);
                parentPath = area?.Path;
                if (g.Level != 1 || area is null || area.Level < AreaLevel.Township)
                    report(ViolationKind.WrongNesting, g.Code, g.Name, link, [g.Level, area?.Code ?? "?", 0]);
            }
            if (parentPath is not null && g.Path != TreePath.Child(parentPath, g.Code))
                report(ViolationKind.WrongNesting, g.Code, g.Name, link, [g.Level, TreePath.Codes(parentPath)[^1], -1]);
        }
    }

    private static int CheckOccupancy(Dictionary<int, GridRow> grids, IReadOnlyList<GridOccupancy> occupancy,
        Action<ViolationKind, string, string, string, object[]> report)
    {
        var households = 0;
        foreach (var o in occupancy)
        {
            households += o.Households;
            if (o.GridId is null) continue;
            var count = o.Households + o.Buildings;
            if (!grids.TryGetValue(o.GridId.Value, out var g))
                report(ViolationKind.PeopleOnUnknownGrid, o.GridId.Value.ToString(), "", "/territory", [count]);
            else if (g.Retired)
                report(ViolationKind.PeopleOnRetiredGrid, g.Code, g.Name, $"/territory/{g.Code}", [count]);
            else if (g.Level != Grid.MaxLevel)
                report(ViolationKind.PeopleOnUpperLevelGrid, g.Code, g.Name, $"/territory/{g.Code}", [count]);
        }
        return households;
    }

    private static void CheckSizes(Dictionary<int, GridRow> grids, IReadOnlyList<GridOccupancy> occupancy,
        Dictionary<string, (int Min, int Max)[]> rules, Action<ViolationKind, string, string, string, object[]> report)
    {
        var totals = occupancy.Where(o => o.GridId is not null).ToDictionary(o => o.GridId!.Value, o => o.Households);
        foreach (var g in grids.Values.OrderByDescending(g => g.Level))
        {
            if (g.Retired || g.ParentGridId is not { } pid || !grids.ContainsKey(pid)) continue;
            totals[pid] = totals.GetValueOrDefault(pid) + totals.GetValueOrDefault(g.Id);
        }
        foreach (var g in grids.Values.Where(g => !g.Retired && g.Level is >= 1 and <= Grid.MaxLevel))
        {
            var (min, max) = RuleFor(rules, g.Path, g.Level);
            var n = totals.GetValueOrDefault(g.Id);
            if (n < min) report(ViolationKind.GridTooSmall, g.Code, g.Name, $"/territory/{g.Code}", [n, min, max]);
            else if (n > max) report(ViolationKind.GridTooLarge, g.Code, g.Name, $"/territory/{g.Code}", [n, min, max]);
        }
    }

    private static void CheckBoundaries(Dictionary<int, GridRow> grids, Dictionary<int, AreaRow> areas,
        Action<ViolationKind, string, string, string, object[]> report)
    {
        var active = grids.Values.Where(g => !g.Retired && g.Boundary is not null).ToList();
        var shapes = active.ToDictionary(g => g.Id, g => GeoJson.Read(g.Boundary));
        var families = active.GroupBy(g => g.ParentGridId is { } pid ? $"G{pid}" : $"A{g.AreaId}");
        foreach (var family in families)
        {
            var members = family.Where(g => shapes[g.Id] is not null).ToList();
            Geometry? parentShape = family.Key[0] == 'G'
                ? grids.GetValueOrDefault(int.Parse(family.Key[1..])) is { Boundary: { } b } ? GeoJson.Read(b) : null
                : areas.GetValueOrDefault(int.Parse(family.Key[1..])) is { Boundary: { } ab } ? GeoJson.Read(ab) : null;

            var index = new STRtree<GridRow>();
            foreach (var g in members) index.Insert(shapes[g.Id]!.EnvelopeInternal, g);
            foreach (var g in members)
            {
                var shape = shapes[g.Id]!;
                foreach (var other in index.Query(shape.EnvelopeInternal).Where(o => string.CompareOrdinal(o.Code, g.Code) > 0))
                {
                    var otherShape = shapes[other.Id]!;
                    var overlap = shape.Intersection(otherShape).Area;
                    if (overlap > AreaTolerance * Math.Min(shape.Area, otherShape.Area))
                        report(ViolationKind.SiblingsOverlap, g.Code, g.Name, $"/territory/{g.Code}", [other.Code, other.Name]);
                }
                if (parentShape is not null && shape.Difference(parentShape).Area > AreaTolerance * shape.Area)
                    report(ViolationKind.OutsideParent, g.Code, g.Name, $"/territory/{g.Code}", []);
            }
            if (parentShape is null || members.Count == 0) continue;
            var union = NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(members.Select(g => shapes[g.Id]!).ToArray());
            var gap = parentShape.Difference(union).Area;
            if (gap > AreaTolerance * parentShape.Area)
            {
                var (code, name) = family.Key[0] == 'G'
                    ? (grids[int.Parse(family.Key[1..])].Code, grids[int.Parse(family.Key[1..])].Name)
                    : (areas[int.Parse(family.Key[1..])].Code, areas[int.Parse(family.Key[1..])].Name);
                report(ViolationKind.GapInParent, code, name, $"/territory/{code}", [Math.Round(100 * gap / parentShape.Area, 2)]);
            }
        }
    }

    private async Task CheckLocatedHouseholdsAsync(string rootPath, Dictionary<int, GridRow> grids,
        Action<ViolationKind, string, string, string, object[]> report, CancellationToken ct)
    {
        var prepared = new Dictionary<int, IPreparedGeometry?>();
        var factory = new GeometryFactory();
        await foreach (var h in population.LocatedHouseholdsAsync(rootPath, ct))
        {
            if (!grids.TryGetValue(h.GridId, out var g) || g.Boundary is null) continue;
            if (!prepared.TryGetValue(g.Id, out var shape))
                prepared[g.Id] = shape = GeoJson.Read(g.Boundary) is { } geometry ? PreparedGeometryFactory.Prepare(geometry) : null;
            if (shape is not null && !shape.Covers(factory.CreatePoint(new Coordinate(h.Longitude, h.Latitude))))
                report(ViolationKind.HouseholdOutsideGrid, h.Id.ToString(), h.Number, $"/households/{h.Id}", [g.Code, g.Name]);
        }
    }
}
