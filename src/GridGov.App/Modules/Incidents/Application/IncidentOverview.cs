using System.Globalization;
using GridGov.Data;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Tallies;
using GridGov.Kernel.Time;
using GridGov.Modules.Incidents.Contracts;
using GridGov.Modules.Incidents.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Incidents.Application;

/// <summary>
/// Trends and rankings read from the incident tallies (never from the incidents), and the few
/// open incidents a cockpit names, read through the indexes on overdue, state and report time.
/// </summary>
internal sealed class IncidentOverview(GridGovDbContext db, CurrentUser user) : IIncidentOverview
{
    private static readonly IncidentState[] Open =
        [IncidentState.Reported, IncidentState.Accepted, IncidentState.Dispatched, IncidentState.Handling, IncidentState.Handled];

    public bool MayRead => user.Has(IncidentPermissions.View);

    public async Task<IReadOnlyList<TrendPoint>> ByDayAsync(string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (!MayRead || IncidentTallies.DailyGrainOf(path) is not { } grain) return [];
        var rows = await Sums(IncidentTallies.Read(db, grain, path, TallyPeriod.Day(from), TallyPeriod.Day(to)), t => t.Period, ct);
        return Days(from, to).Select(d => new TrendPoint(d, d, rows.GetValueOrDefault(TallyPeriod.Day(d), LoopCounts.Zero))).ToList();
    }

    public async Task<IReadOnlyList<TrendPoint>> ByMonthAsync(string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (!MayRead) return [];
        var (first, last) = (new DateOnly(from.Year, from.Month, 1), new DateOnly(to.Year, to.Month, 1));
        Dictionary<int, LoopCounts> rows;
        if (IncidentTallies.DailyGrainOf(path) is TallyGrain.CountyDay)
            rows = await Sums(IncidentTallies.Read(db, TallyGrain.CountyMonth, path, TallyPeriod.Month(first), TallyPeriod.Month(last)), t => t.Period, ct);
        else if (IncidentTallies.DailyGrainOf(path) is { } grain)
            rows = await Sums(IncidentTallies.Read(db, grain, path, TallyPeriod.Day(first), TallyPeriod.Day(last.AddMonths(1).AddDays(-1))),
                t => t.Period / 100, ct);
        else if (TreePath.GridDepth(path) == 0)
            rows = await Sums(IncidentTallies.Read(db, TallyGrain.CommunityMonth, path, TallyPeriod.Month(first), TallyPeriod.Month(last)),
                t => t.Period, ct);
        else return [];
        var points = new List<TrendPoint>();
        for (var m = first; m <= last; m = m.AddMonths(1))
            points.Add(new TrendPoint(m, m.AddMonths(1).AddDays(-1), rows.GetValueOrDefault(TallyPeriod.Month(m), LoopCounts.Zero)));
        return points;
    }

    public async Task<IReadOnlyList<PlaceCounts>> ByPlaceAsync(string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (!MayRead || TreePath.GridDepth(path) > 0) return [];
        var county = TreePath.CountyPath(path);
        IQueryable<TallyPart> parts;
        if (county is null) parts = IncidentTallies.ReadCountySpan(db, path, from, to);
        else if (county == path) parts = IncidentTallies.Read(db, TallyGrain.TownshipDay, path, TallyPeriod.Day(from), TallyPeriod.Day(to));
        else if (TreePath.TownshipPath(path) == path)
            // The communities' tallies are monthly: the period is read over the months it touches.
            parts = IncidentTallies.Read(db, TallyGrain.CommunityMonth, path, TallyPeriod.Month(from), TallyPeriod.Month(to));
        else return [];
        var rows = await Sums(parts.Where(t => t.Path != path), t => t.Path, ct);
        return rows.Select(r => new PlaceCounts(r.Key, r.Value)).OrderByDescending(r => r.Counts.Reported).ToList();
    }

    public async Task<IReadOnlyList<IncidentLine>> OverdueAsync(string path, int limit, CancellationToken ct) => !MayRead ? [] :
        await Lines(db.Set<Incident>().AsNoTracking().Where(i => i.IsOverdue && i.Path.StartsWith(path)).OrderBy(i => i.StepDueAt), limit, ct);

    public async Task<IReadOnlyList<IncidentLine>> EscalatedAsync(string path, int limit, CancellationToken ct) => !MayRead ? [] :
        await Lines(db.Set<Incident>().AsNoTracking().Where(i => Open.Contains(i.State) && i.EscalationCount > 0 && i.Path.StartsWith(path))
            .OrderByDescending(i => i.ReportedAt), limit, ct);

    public Task<bool> IsVisibleAsync(int id, CancellationToken ct) =>
        user.Has(IncidentPermissions.View) ? db.Set<Incident>().AnyAsync(i => i.Id == id, ct) : Task.FromResult(false);

    public async Task<IReadOnlyList<IncidentMarker>> MarkersAsync(string path, DateOnly from, DateOnly to, int limit, CancellationToken ct)
    {
        if (!MayRead) return [];
        var (start, end) = (WorkCalendar.StartOf(from), WorkCalendar.StartOf(to.AddDays(1)));
        return await db.ReadQuicklyAsync(false, () => db.Set<Incident>().AsNoTracking()
            .Where(i => i.ReportedAt >= start && i.ReportedAt < end && i.Path.StartsWith(path) && i.Longitude != null && i.Latitude != null)
            .OrderByDescending(i => i.ReportedAt).Take(limit)
            .Select(i => new IncidentMarker(i.Id, i.Number, i.State.ToString(), i.IsOverdue, i.Longitude!.Value, i.Latitude!.Value))
            .ToListAsync(ct), ct);
    }

    public string ListLink(string placeCode, string measure, DateOnly? from, DateOnly? to) =>
        $"/incidents?area={Uri.EscapeDataString(placeCode)}&from={Day(from)}&to={Day(to)}&measure={Uri.EscapeDataString(measure)}";

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1)) yield return d;
    }

    private static async Task<Dictionary<TKey, LoopCounts>> Sums<TKey>(IQueryable<TallyPart> parts,
        System.Linq.Expressions.Expression<Func<TallyPart, TKey>> key, CancellationToken ct) where TKey : notnull
    {
        var rows = await parts.GroupBy(key).Select(g => new
        {
            g.Key, Reported = g.Sum(t => t.Reported), Accepted = g.Sum(t => t.Accepted), Closed = g.Sum(t => t.Closed),
            ClosedOnTime = g.Sum(t => t.ClosedOnTime), Overdue = g.Sum(t => t.Overdue), Escalated = g.Sum(t => t.Escalated),
        }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => new LoopCounts(r.Reported, r.Accepted, r.Closed, r.ClosedOnTime, r.Overdue, r.Escalated));
    }

    private static async Task<IReadOnlyList<IncidentLine>> Lines(IQueryable<Incident> incidents, int limit, CancellationToken ct) =>
        await incidents.Take(limit)
            .Select(i => new IncidentLine(i.Id, i.Number, i.CategoryCode, i.Address, i.ReportedAt, i.StepDueAt, i.IsOverdue)).ToListAsync(ct);
}
