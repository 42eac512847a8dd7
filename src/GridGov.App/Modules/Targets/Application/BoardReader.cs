using GridGov.Data;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Tallies;
using GridGov.Modules.Targets.Contracts;
using GridGov.Modules.Targets.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Targets.Application;

/// <summary>A unit on the board: its figures, completion as the bulletin showed it, rank, colour, and the list of the records it counts.</summary>
public sealed record BoardUnit(string Code, string Name, decimal Numerator, decimal? Denominator, decimal? Target, string Actual, string TargetText,
    string Completion, decimal? CompletionValue, string Rank, Rag Rag, string? Link);

/// <summary>The area total's completion in one bulletin of the year.</summary>
public sealed record BoardPoint(int BulletinId, int WeekNumber, DateOnly WeekTo, decimal? Completion, string Shown);

public sealed record BoardIndicator(int IndicatorId, string Name, IndicatorKind Kind, BoardUnit Total, IReadOnlyList<BoardUnit> Units,
    IReadOnlyList<BoardPoint> Trend);

public sealed record BoardView(string AreaCode, string AreaName, int Year, int? BulletinId, string? NumberText, string? Week, string? RuleStatement,
    IReadOnlyList<BoardIndicator> Indicators);

/// <summary>
/// The leaders' board (作战图): each unit's completion against its targets as the area's latest
/// published bulletin of the year froze it, lowest first, and the area's completion over the
/// year's bulletins; each figure opens the records it counts.
/// </summary>
public sealed class BoardReader(GridGovDbContext db, CurrentUser user, TimeProvider clock, CycleBook cycles, FigureBoard figures)
{
    public async Task<BoardView> ReadAsync(string? areaCode, int? year, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        var (path, code) = await cycles.AreaAsync(areaCode, ct);
        var name = await cycles.NameAsync(path, code, ct);
        var bulletins = await db.Set<Bulletin>().AsNoTracking().Where(b => b.Path == path && b.State == BulletinState.Published)
            .Where(b => year == null || b.WeekYear == year).OrderBy(b => b.WeekTo).ThenBy(b => b.Id).ToListAsync(ct);
        var shownYear = year ?? bulletins.LastOrDefault()?.WeekYear ?? Kernel.Time.ChinaTime.Today(clock).Year;
        bulletins = bulletins.Where(b => b.WeekYear == shownYear).ToList();
        if (bulletins.Count == 0) return new BoardView(code, name, shownYear, null, null, null, null, []);
        var latest = bulletins[^1];
        var ids = bulletins.Select(b => b.Id).ToList();
        var totals = await db.Set<BulletinLine>().AsNoTracking().Where(l => ids.Contains(l.BulletinId) && l.IsTotal).ToListAsync(ct);
        var lines = await db.Set<BulletinLine>().AsNoTracking().Where(l => l.BulletinId == latest.Id).ToListAsync(ct);
        var keys = await db.Set<Indicator>().AsNoTracking().Select(i => new { i.Id, i.NumeratorKey }).ToDictionaryAsync(i => i.Id, i => i.NumeratorKey, ct);
        var templates = figures.Catalogue().ToDictionary(f => f.Key, f => f.ListLink);
        // A unit whose figure was reported by hand opens the reports its line counts, not a list of records it has none of.
        var indicatorIds = lines.Select(l => l.IndicatorId).Distinct().ToList();
        var reported = await db.Set<ReportedFigure>().AsNoTracking()
            .Where(r => indicatorIds.Contains(r.IndicatorId) && r.State == ReportState.Approved && r.From >= latest.PeriodFrom && r.To <= latest.PeriodTo
                && r.Path.StartsWith(path))
            .Select(r => new { r.IndicatorId, r.Path }).Distinct().ToListAsync(ct);
        var rule = latest.Rule;
        BoardUnit Unit(BulletinLine l) => new(l.UnitCode, l.UnitName, l.Numerator, l.Denominator, l.Target, BulletinText.Actual(l, rule), BulletinText.Target(l),
            BulletinText.Completion(l, rule), l.Completion, l.IsTotal ? "" : l.BelowMinimum ? "—" : l.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—",
            l.Rag, reported.Any(p => TreePath.IsWithin(p.Path, l.UnitPath) && p.IndicatorId == l.IndicatorId)
                ? $"/targets/reports?indicator={l.IndicatorId}&area={l.UnitCode}&from={latest.PeriodFrom:yyyy-MM-dd}&to={latest.PeriodTo:yyyy-MM-dd}&state={ReportState.Approved}"
                : keys.GetValueOrDefault(l.IndicatorId) is { } key && templates.GetValueOrDefault(key) is { } template
                    ? FigureBoard.Link(template, l.UnitCode, latest.PeriodFrom, latest.PeriodTo) : null);
        var indicators = lines.GroupBy(l => l.Order).OrderBy(g => g.Key).Select(g =>
        {
            var total = g.Single(l => l.IsTotal);
            var units = g.Where(l => !l.IsTotal).OrderBy(l => l.Completion is null).ThenBy(l => l.Completion).ThenBy(l => l.UnitCode, StringComparer.Ordinal)
                .Select(Unit).ToList();
            var trend = bulletins.Select(b => (b, t: totals.FirstOrDefault(t => t.BulletinId == b.Id && t.IndicatorId == total.IndicatorId)))
                .Where(x => x.t is not null)
                .Select(x => new BoardPoint(x.b.Id, x.b.WeekNumber, x.b.WeekTo, x.t!.CompletionShown(x.b.Rule), BulletinText.Completion(x.t, x.b.Rule))).ToList();
            return new BoardIndicator(total.IndicatorId, total.IndicatorName, total.Kind, Unit(total), units, trend);
        }).ToList();
        return new BoardView(code, name, shownYear, latest.Id, latest.NumberText, $"{latest.WeekYear}-W{latest.WeekNumber:D2}", rule.Statement(chinese: true), indicators);
    }
}
