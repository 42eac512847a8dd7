using GridGov.Data;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Tallies;
using GridGov.Modules.Targets.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Targets.Application;

/// <summary>A place a bulletin or a cockpit sets figures for.</summary>
public sealed record Unit(string Path, string Code, string Name);

/// <summary>
/// An indicator's raw figures for units over a period: from the modules' records through the
/// Kernel's figure board, plus the approved figures reported by hand under each unit whose period
/// lies within it, plus each unit's target of the kind asked for that starts the period.
/// </summary>
public sealed class UnitFigures(GridGovDbContext db, FigureBoard figures)
{
    /// <summary>Several indicators' figures for the same units: the records are read once for all their keys.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<UnitFigure>>> ReadAsync(IReadOnlyList<Indicator> indicators, IReadOnlyList<Unit> units, DateOnly from,
        DateOnly to, PeriodKind targetKind, CancellationToken ct)
    {
        var keys = indicators.SelectMany(i => new[] { i.NumeratorKey, i.DenominatorKey }).OfType<string>().Distinct().ToList();
        // Each unit's reads are planned for its own path: under a prepared statement's generic plan a
        // township's day tallies were read as if it were the city, 50-220 ms a read instead of a few.
        var recorded = keys.Count == 0 ? new Dictionary<string, IReadOnlyDictionary<string, double?>>()
            : await db.ReadQuicklyAsync(false, () => figures.ReadAtAsync(keys, units.Select(u => u.Path).ToList(), from, to, ct), ct);
        var all = new List<IReadOnlyList<UnitFigure>>();
        foreach (var indicator in indicators) all.Add(await CombineAsync(indicator, units, recorded, from, to, targetKind, ct));
        return all;
    }

    public async Task<IReadOnlyList<UnitFigure>> ReadAsync(Indicator indicator, IReadOnlyList<Unit> units, DateOnly from, DateOnly to, PeriodKind targetKind,
        CancellationToken ct) => (await ReadAsync([indicator], units, from, to, targetKind, ct))[0];

    private async Task<IReadOnlyList<UnitFigure>> CombineAsync(Indicator indicator, IReadOnlyList<Unit> units,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double?>> recorded, DateOnly from, DateOnly to, PeriodKind targetKind, CancellationToken ct)
    {
        var paths = units.Select(u => u.Path).ToList();
        var reported = await ReportedAsync(indicator, paths, from, to, ct);
        var targets = await db.Set<Target>().AsNoTracking()
            .Where(t => t.IndicatorId == indicator.Id && t.PeriodKind == targetKind && t.From == from && paths.Contains(t.Path))
            .Select(t => new { t.Path, t.Value }).ToListAsync(ct);
        return units.Select(u =>
        {
            var values = recorded.GetValueOrDefault(u.Path);
            var (handNumerator, handDenominator) = reported.Where(r => TreePath.IsWithin(r.Path, u.Path))
                .Aggregate((0L, 0L), (sum, r) => (sum.Item1 + r.Numerator, sum.Item2 + r.Denominator));
            var numerator = Whole(values, indicator.NumeratorKey) + handNumerator;
            decimal? denominator = indicator.Kind == IndicatorKind.Rate ? Whole(values, indicator.DenominatorKey) + handDenominator : null;
            var target = targets.FirstOrDefault(t => t.Path == u.Path)?.Value;
            return new UnitFigure(u.Path, u.Code, u.Name, numerator, denominator, target);
        }).ToList();
    }

    /// <summary>Approved hand-reported sums per reporting place under the units, summed in the database.</summary>
    private async Task<List<(string Path, long Numerator, long Denominator)>> ReportedAsync(Indicator indicator, List<string> paths, DateOnly from, DateOnly to,
        CancellationToken ct)
    {
        if (!indicator.AcceptsReports) return [];
        var common = CommonPrefix(paths);
        var rows = await db.Set<ReportedFigure>().AsNoTracking()
            .Where(r => r.IndicatorId == indicator.Id && r.State == ReportState.Approved && r.From >= from && r.To <= to && r.Path.StartsWith(common))
            .GroupBy(r => r.Path).Select(g => new { g.Key, N = g.Sum(r => r.Numerator), D = g.Sum(r => r.Denominator ?? 0) }).ToListAsync(ct);
        return rows.Select(r => (r.Key, r.N, r.D)).ToList();
    }

    private static decimal Whole(IReadOnlyDictionary<string, double?>? values, string? key) =>
        key is null || values?.GetValueOrDefault(key) is not { } v ? 0 : (decimal)Math.Round(v);

    private static string CommonPrefix(List<string> paths)
    {
        if (paths.Count == 0) return "";
        var prefix = paths[0];
        foreach (var path in paths.Skip(1))
            while (!path.StartsWith(prefix, StringComparison.Ordinal))
            {
                var cut = prefix[..^1].LastIndexOf('/');
                prefix = cut < 0 ? "" : prefix[..(cut + 1)];
            }
        return prefix;
    }
}
