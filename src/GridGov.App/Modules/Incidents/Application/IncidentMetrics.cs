using GridGov.Kernel.Time;
using GridGov.Modules.Incidents.Contracts;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Modules.Incidents.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Incidents.Application;

/// <summary>Which incidents a number counts, so that every number opens its own list.</summary>
public enum Measure { Reported, Accepted, Closed, ClosedOnTime, Rework, Extended, Escalated, SelfResolved, Overdue }

/// <summary>The incidents of an area reported in a period (local dates, end inclusive), optionally one category group or lead department.</summary>
public sealed record IncidentFilter(string? AreaCode = null, DateOnly? From = null, DateOnly? To = null, string? CategoryGroup = null,
    string? Department = null, Measure? Measure = null);

public sealed record Rates(int Reported, int Accepted, int Closed, int ClosedOnTime, int Rework, int Extended, int Escalations, int Escalated,
    int SelfResolved, int Overdue, double? MeanHandlingHours)
{
    public double? ClosureRate => Ratio(Closed, Accepted);
    public double? OnTimeRate => Ratio(ClosedOnTime, Closed);
    public double? ReworkRate => Ratio(Rework, Closed);
    public double? ExtensionRate => Ratio(Extended, Accepted);
    public double? SelfResolutionRate => Ratio(SelfResolved, Closed);
    private static double? Ratio(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}

public sealed record MetricsRow(string Key, Rates Rates);

public sealed record MetricsReport(IncidentFilter Filter, Rates Total, IReadOnlyList<MetricsRow> ByCategory, IReadOnlyList<MetricsRow> ByDepartment);

/// <summary>
/// 按期结案率 and the other closed-loop figures for any area and period, by category group and by
/// lead department. A county or more reads the county daily tallies, a township its own; a smaller
/// area down to a community reads the monthly ones for the whole months of its period and counts
/// the days around them from the incidents, as it does for a grid and for department handlers,
/// whom no tally serves.
/// </summary>
public sealed class IncidentMetrics(GridGovDbContext db, CurrentUser user, ITerritoryDirectory territory)
{
    public async Task<MetricsReport> ReportAsync(IncidentFilter filter, CancellationToken ct)
    {
        user.Require(IncidentPermissions.View);
        return await ReportAtAsync(filter with { Measure = null }, await AreaPathAsync(filter.AreaCode, ct), ct);
    }

    /// <summary>The report for an area already resolved to its path (null: the reader's whole scope).</summary>
    internal async Task<MetricsReport> ReportAtAsync(IncidentFilter filter, string? area, CancellationToken ct)
    {
        var place = area ?? user.ViewPath ?? "";
        var cells = new List<TallyCell>();
        if (IncidentPermissions.DepartmentScopeOf(user) is not null) cells.AddRange(await CountedAsync(filter, area, ct));
        else if (IncidentTallies.DailyGrainOf(place) is TallyGrain.CountyDay && filter is { From: { } from, To: { } to })
            cells.AddRange(await TalliedAsync(IncidentTallies.ReadCountySpan(db, area, from, to, filter.CategoryGroup, filter.Department), ct));
        else if (IncidentTallies.DailyGrainOf(place) is { } daily)
            cells.AddRange(await TalliedAsync(filter, area, daily, Period(daily, filter.From), Period(daily, filter.To), ct));
        else if (TreePath.GridDepth(place) <= 2 && WholeMonths(filter.From, filter.To) is var (first, last))
        {
            const TallyGrain monthly = TallyGrain.CommunityMonth;
            cells.AddRange(await TalliedAsync(filter, area, monthly, Period(monthly, first), Period(monthly, last), ct));
            if (first is { } f && filter.From < f) cells.AddRange(await CountedAsync(filter with { To = f.AddDays(-1) }, area, ct));
            if (last is { } l && filter.To > l) cells.AddRange(await CountedAsync(filter with { From = l.AddDays(1) }, area, ct));
        }
        else cells.AddRange(await CountedAsync(filter, area, ct));

        var byCategory = cells.GroupBy(c => c.CategoryGroup).Select(g => (g.Key, Figures: IncidentFigures.Sum(g.Select(c => c.Figures))));
        var byDepartment = cells.Where(c => c.LeadDepartmentCode != null).GroupBy(c => c.LeadDepartmentCode!)
            .Select(g => (g.Key, Figures: IncidentFigures.Sum(g.Select(c => c.Figures))));
        return new MetricsReport(filter, Rates(IncidentFigures.Sum(cells.Select(c => c.Figures))),
            byCategory.OrderByDescending(r => r.Figures.Reported).Select(r => new MetricsRow(r.Key, Rates(r.Figures))).ToList(),
            byDepartment.OrderByDescending(r => r.Figures.Reported).Select(r => new MetricsRow(r.Key, Rates(r.Figures))).ToList());
    }

    private static int? Period(TallyGrain grain, DateOnly? day) => day is { } d ? IncidentTallyRow.PeriodOf(grain, d) : null;

    /// <summary>
    /// The first and last days of the whole local months a period covers, null where the period is
    /// unbounded on that side; null when it covers no whole month.
    /// </summary>
    private static (DateOnly? First, DateOnly? Last)? WholeMonths(DateOnly? from, DateOnly? to)
    {
        DateOnly? first = from is { } f ? (f.Day == 1 ? f : new DateOnly(f.Year, f.Month, 1).AddMonths(1)) : null;
        DateOnly? last = to is { } t ? (t.AddDays(1).Day == 1 ? t : new DateOnly(t.Year, t.Month, 1).AddDays(-1)) : null;
        return first is { } a && last is { } b && a > b ? null : (first, last);
    }

    /// <summary>The tallies and the changes not yet folded into them, added up in one statement so that a fold between two reads cannot count twice.</summary>
    private Task<List<TallyCell>> TalliedAsync(IncidentFilter filter, string? area, TallyGrain grain, int? first, int? last,
        CancellationToken ct) =>
        TalliedAsync(IncidentTallies.Read(db, grain, area, first, last, filter.CategoryGroup, filter.Department), ct);

    private async Task<List<TallyCell>> TalliedAsync(IQueryable<TallyPart> parts, CancellationToken ct)
    {
        var cells = await parts.GroupBy(t => new { t.CategoryGroup, t.LeadDepartmentCode }).Select(g => new
        {
            g.Key.CategoryGroup, g.Key.LeadDepartmentCode,
            Figures = new IncidentFigures
            {
                Reported = g.Sum(t => t.Reported), Accepted = g.Sum(t => t.Accepted), Closed = g.Sum(t => t.Closed),
                ClosedOnTime = g.Sum(t => t.ClosedOnTime), Rework = g.Sum(t => t.Rework), Extended = g.Sum(t => t.Extended),
                Escalations = g.Sum(t => t.Escalations), Escalated = g.Sum(t => t.Escalated), SelfResolved = g.Sum(t => t.SelfResolved),
                Overdue = g.Sum(t => t.Overdue), MinutesSum = g.Sum(t => t.MinutesSum), MinutesCount = g.Sum(t => t.MinutesCount),
            },
        }).ToListAsync(ct);
        return cells.Select(c => new TallyCell
        {
            CategoryGroup = c.CategoryGroup, LeadDepartmentCode = c.LeadDepartmentCode == "" ? null : c.LeadDepartmentCode, Figures = c.Figures,
        }).ToList();
    }


    private async Task<List<TallyCell>> CountedAsync(IncidentFilter filter, string? area, CancellationToken ct) =>
        await IncidentTallies.Count(Filter(filter, area)).ToListAsync(ct);

    private static Rates Rates(IncidentFigures f) =>
        new(f.Reported, f.Accepted, f.Closed, f.ClosedOnTime, f.Rework, f.Extended, f.Escalations, f.Escalated, f.SelfResolved, f.Overdue,
            f.MinutesCount == 0 ? null : Math.Round(f.MinutesSum / 60.0 / f.MinutesCount, 1));

    private async Task<string?> AreaPathAsync(string? areaCode, CancellationToken ct) => string.IsNullOrEmpty(areaCode)
        ? null
        : await territory.PathOfAsync(areaCode, ct) ?? throw new ValidationException("areaCode", "unknown_node");

    /// <summary>The incidents a filter names: the metrics count them, the list shows them.</summary>
    public async Task<IQueryable<Incident>> FilterAsync(IncidentFilter filter, CancellationToken ct) =>
        Filter(filter, await AreaPathAsync(filter.AreaCode, ct));

    private IQueryable<Incident> Filter(IncidentFilter filter, string? area)
    {
        var query = db.Set<Incident>().AsNoTracking();
        if (area is { } path) query = query.Where(i => i.Path.StartsWith(path));
        if (filter.From is { } from)
        {
            var start = WorkCalendar.StartOf(from);
            query = query.Where(i => i.ReportedAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = WorkCalendar.StartOf(to.AddDays(1));
            query = query.Where(i => i.ReportedAt < end);
        }
        if (!string.IsNullOrEmpty(filter.CategoryGroup)) query = query.Where(i => i.CategoryGroup == filter.CategoryGroup);
        if (!string.IsNullOrEmpty(filter.Department))
            query = query.Where(i => i.LeadDepartmentCode == filter.Department);
        return filter.Measure switch
        {
            Measure.Accepted => query.Where(i => i.State != IncidentState.Reported && i.State != IncidentState.Rejected && i.State != IncidentState.Merged),
            Measure.Closed => query.Where(i => i.State == IncidentState.Closed),
            Measure.ClosedOnTime => query.Where(i => i.State == IncidentState.Closed && i.ClosedOnTime),
            Measure.Rework => query.Where(i => i.State == IncidentState.Closed && i.ReworkCount > 0),
            Measure.Extended => query.Where(i => i.ExtensionCount > 0),
            Measure.Escalated => query.Where(i => i.EscalationCount > 0),
            Measure.SelfResolved => query.Where(i => i.State == IncidentState.Closed && i.SelfResolved),
            Measure.Overdue => query.Where(i => i.IsOverdue),
            _ => query,
        };
    }
}
