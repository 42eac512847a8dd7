using GridGov.Modules.Territory.Contracts;
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
        user.Require(TerritoryPermissions.CoverageView);
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

        CheckAreasHaveGrids(root, areas, grids, Report);
        CheckNesting(grids, areas, Report);
        var households = CheckOccupancy(grids, occupancy, Report);
        CheckSizes(grids, occupancy, rules, Report);
        foreach (var item in await population.UnplacedAsync(root.Path, ListLimit, ct))
            Report(item.Kind == "Building" ? ViolationKind.BuildingWithoutGrid : ViolationKind.HouseholdWithoutGrid,
                item.Id.ToString(), item.Label, item.Kind == "Building" ? $"/territory/{AreaCodeOf(item.Path)}" : $"/households/{item.Id}");
        CorrectUnplacedTotals(occupancy, totals);
        var shapes = Shapes(grids);
        CheckBoundaries(grids, areas, shapes, Report);
        await CheckLocatedHouseholdsAsync(root.Path, grids, shapes, Report, ct);

        var report = new CoverageReport(root.Code, root.Name, clock.GetUtcNow().UtcDateTime, grids.Count, households, found, totals);
        await RecordAsync(report, root.Path, ct);
        return report;
    }

    /// <summary>Keeps the check as the area's latest run, in place of the one before, for the cockpits.</summary>
    private async Task RecordAsync(CoverageReport report, string path, CancellationToken ct)
    {
        await db.Set<CoverageRun>().Where(r => r.AreaCode == report.AreaCode).ExecuteDeleteAsync(ct);
        var run = db.Add(CoverageRun.Of(report.AreaCode, report.AreaName, path, report.GeneratedAt, report.GridsChecked, report.HouseholdsChecked,
            report.Totals.ToDictionary(t => t.Key.ToString(), t => t.Value)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A check of the same area finished at the same moment and was kept: either is the latest.
            run.State = EntityState.Detached;
        }
    }

    private static string AreaCodeOf(string path) => TreePath.Codes(path)[^1];

    /// <summary>
    /// Every area below the county must lie under some open grid. Only the highest such area is
    /// named: a township with no grid anywhere is one line, not one line per village as well.
    /// </summary>
    private static void CheckAreasHaveGrids(AreaRow root, Dictionary<int, AreaRow> areas, Dictionary<int, GridRow> grids,
        Action<ViolationKind, string, string, string, object[]> report)
    {
        var covered = grids.Values.Where(g => !g.Retired).Select(g => g.AreaId).ToHashSet();
        var withGrid = new HashSet<string>();
        foreach (var area in areas.Values.Where(a => covered.Contains(a.Id)))
            for (var path = area.Path; path is not null && path.Length > 0; path = TreePath.Parent(path)) withGrid.Add(path);
        var bare = areas.Values.Where(a => a.Level > AreaLevel.County && !withGrid.Contains(a.Path)).ToList();
        var barePaths = bare.Select(a => a.Path).ToHashSet();
        foreach (var area in bare.OrderBy(a => a.Path, StringComparer.Ordinal))
            if (area.Path == root.Path || TreePath.Parent(area.Path) is not { } parent || !barePaths.Contains(parent))
                report(ViolationKind.AreaWithoutGrid, area.Code, area.Name, $"/territory/{area.Code}", []);
    }

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
        var stored = await db.Set<GridSizeRule>().OutsideScope("a county's size rules apply to every grid under it").Where(r => countyPaths.Contains(r.Path))
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

    /// <summary>
    /// Sibling overlaps, children outside their parent and gaps inside it. Exact shortcuts keep the
    /// costly overlay operations to the families that need them: shapes whose envelopes only touch
    /// cannot overlap; a child the prepared parent covers is not outside it; and when the children
    /// are disjoint and inside the parent, the gap is the parent's area less the children's.
    /// </summary>
    private static void CheckBoundaries(Dictionary<int, GridRow> grids, Dictionary<int, AreaRow> areas, Dictionary<int, Geometry> shapes,
        Action<ViolationKind, string, string, string, object[]> report)
    {
        var families = grids.Values.Where(g => !g.Retired && shapes.ContainsKey(g.Id))
            .GroupBy(g => g.ParentGridId is { } pid ? (Grid: true, Id: pid) : (Grid: false, Id: g.AreaId));
        foreach (var family in families)
        {
            var members = family.ToList();
            var (parentCode, parentName, parentShape) = family.Key.Grid
                ? grids.TryGetValue(family.Key.Id, out var pg) ? (pg.Code, pg.Name, shapes.GetValueOrDefault(pg.Id)) : ("", "", null)
                : areas.TryGetValue(family.Key.Id, out var pa) ? (pa.Code, pa.Name, GeoJson.Read(pa.Boundary)) : ("", "", null);

            var clean = true;
            var index = new STRtree<GridRow>();
            foreach (var g in members) index.Insert(shapes[g.Id].EnvelopeInternal, g);
            foreach (var g in members)
            {
                var shape = shapes[g.Id];
                foreach (var other in index.Query(shape.EnvelopeInternal).Where(o => string.CompareOrdinal(o.Code, g.Code) > 0))
                {
                    var otherShape = shapes[other.Id];
                    var common = shape.EnvelopeInternal.Intersection(otherShape.EnvelopeInternal);
                    if (common.Width <= 0 || common.Height <= 0) continue;
                    var overlap = shape.Intersection(otherShape).Area;
                    if (overlap <= AreaTolerance * Math.Min(shape.Area, otherShape.Area)) continue;
                    clean = false;
                    report(ViolationKind.SiblingsOverlap, g.Code, g.Name, $"/territory/{g.Code}", [other.Code, other.Name]);
                }
            }
            if (parentShape is null) continue;
            var prepared = PreparedGeometryFactory.Prepare(parentShape);
            foreach (var g in members)
            {
                var shape = shapes[g.Id];
                if (prepared.Covers(shape) || shape.Difference(parentShape).Area <= AreaTolerance * shape.Area) continue;
                clean = false;
                report(ViolationKind.OutsideParent, g.Code, g.Name, $"/territory/{g.Code}", []);
            }
            var gap = clean
                ? parentShape.Area - members.Sum(g => shapes[g.Id].Area)
                : parentShape.Difference(NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(members.Select(g => shapes[g.Id]).ToArray())).Area;
            if (gap > AreaTolerance * parentShape.Area)
                report(ViolationKind.GapInParent, parentCode, parentName, $"/territory/{parentCode}", [Math.Round(100 * gap / parentShape.Area, 2)]);
        }
    }

    /// <summary>Each grid boundary parsed once; rectangles are recognised so points test against the envelope.</summary>
    private static Dictionary<int, Geometry> Shapes(Dictionary<int, GridRow> grids) =>
        grids.Values.Where(g => g.Boundary is not null)
            .Select(g => (g.Id, Shape: GeoJson.Read(g.Boundary)))
            .Where(x => x.Shape is not null)
            .ToDictionary(x => x.Id, x => x.Shape!);

    private async Task CheckLocatedHouseholdsAsync(string rootPath, Dictionary<int, GridRow> grids, Dictionary<int, Geometry> shapes,
        Action<ViolationKind, string, string, string, object[]> report, CancellationToken ct)
    {
        var tests = new Dictionary<int, Func<Coordinate, bool>>();
        var factory = new GeometryFactory();
        await foreach (var h in population.LocatedHouseholdsAsync(rootPath, ct))
        {
            if (!shapes.TryGetValue(h.GridId, out var shape)) continue;
            if (!tests.TryGetValue(h.GridId, out var inside))
            {
                var envelope = shape.EnvelopeInternal;
                var prepared = PreparedGeometryFactory.Prepare(shape);
                tests[h.GridId] = inside = shape is Polygon { IsRectangle: true }
                    ? c => envelope.Covers(c)
                    : c => prepared.Covers(factory.CreatePoint(c));
            }
            if (inside(new Coordinate(h.Longitude, h.Latitude))) continue;
            var g = grids[h.GridId];
            report(ViolationKind.HouseholdOutsideGrid, h.Id.ToString(), h.Number, $"/households/{h.Id}", [g.Code, g.Name]);
        }
    }
}
