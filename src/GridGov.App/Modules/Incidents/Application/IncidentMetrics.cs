using GridGov.Data;
using GridGov.Kernel.Errors;
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
/// lead department, each computed by one grouped query in the database.
/// </summary>
public sealed class IncidentMetrics(GridGovDbContext db, CurrentUser user, ITerritoryDirectory territory)
{
    public async Task<MetricsReport> ReportAsync(IncidentFilter filter, CancellationToken ct)
    {
        user.Require(Permission.IncidentView);
        var incidents = await FilterAsync(filter with { Measure = null }, ct);
        // One pass: every (group, lead department) cell; the two breakdowns and the total add them up.
        var cells = await incidents.GroupBy(i => new { i.CategoryGroup, i.LeadDepartmentCode }).Select(g => new
        {
            g.Key.CategoryGroup, g.Key.LeadDepartmentCode,
            Sums = new Sums
            {
                Reported = g.Count(),
                Accepted = g.Count(i => i.State != IncidentState.Reported && i.State != IncidentState.Rejected),
                Closed = g.Count(i => i.State == IncidentState.Closed),
                ClosedOnTime = g.Count(i => i.State == IncidentState.Closed && i.ClosedOnTime),
                Rework = g.Count(i => i.State == IncidentState.Closed && i.ReworkCount > 0),
                Extended = g.Count(i => i.ExtensionCount > 0),
                Escalations = g.Sum(i => i.EscalationCount),
                Escalated = g.Count(i => i.EscalationCount > 0),
                SelfResolved = g.Count(i => i.State == IncidentState.Closed && i.SelfResolved),
                Overdue = g.Count(i => i.IsOverdue),
                MinutesSum = g.Sum(i => (long)(i.ResolutionMinutes ?? 0)),
                MinutesCount = g.Count(i => i.ResolutionMinutes != null),
            },
        }).ToListAsync(ct);
        var byCategory = cells.GroupBy(c => c.CategoryGroup).Select(g => Add(g.Key, g.Select(c => c.Sums))).ToList();
        var byDepartment = cells.Where(c => c.LeadDepartmentCode != null).GroupBy(c => c.LeadDepartmentCode!).Select(g => Add(g.Key, g.Select(c => c.Sums))).ToList();
        var total = Add("", cells.Select(c => c.Sums));
        return new MetricsReport(filter, Rates(total),
            byCategory.OrderByDescending(r => r.Reported).Select(r => new MetricsRow(r.Key, Rates(r))).ToList(),
            byDepartment.OrderByDescending(r => r.Reported).Select(r => new MetricsRow(r.Key, Rates(r))).ToList());
    }

    private sealed class Sums
    {
        public string Key { get; init; } = "";
        public int Reported { get; init; }
        public int Accepted { get; init; }
        public int Closed { get; init; }
        public int ClosedOnTime { get; init; }
        public int Rework { get; init; }
        public int Extended { get; init; }
        public int Escalations { get; init; }
        public int Escalated { get; init; }
        public int SelfResolved { get; init; }
        public int Overdue { get; init; }
        public long MinutesSum { get; init; }
        public int MinutesCount { get; init; }
    }

    private static Sums Add(string key, IEnumerable<Sums> parts)
    {
        var p = parts.ToList();
        return new Sums
        {
            Key = key, Reported = p.Sum(x => x.Reported), Accepted = p.Sum(x => x.Accepted), Closed = p.Sum(x => x.Closed),
            ClosedOnTime = p.Sum(x => x.ClosedOnTime), Rework = p.Sum(x => x.Rework), Extended = p.Sum(x => x.Extended),
            Escalations = p.Sum(x => x.Escalations), Escalated = p.Sum(x => x.Escalated), SelfResolved = p.Sum(x => x.SelfResolved),
            Overdue = p.Sum(x => x.Overdue), MinutesSum = p.Sum(x => x.MinutesSum), MinutesCount = p.Sum(x => x.MinutesCount),
        };
    }

    private static Rates Rates(Sums s) =>
        new(s.Reported, s.Accepted, s.Closed, s.ClosedOnTime, s.Rework, s.Extended, s.Escalations, s.Escalated, s.SelfResolved, s.Overdue,
            s.MinutesCount == 0 ? null : Math.Round(s.MinutesSum / 60.0 / s.MinutesCount, 1));

    /// <summary>The incidents a filter names: the metrics count them, the list shows them.</summary>
    public async Task<IQueryable<Incident>> FilterAsync(IncidentFilter filter, CancellationToken ct)
    {
        var query = db.Set<Incident>().AsNoTracking();
        if (!string.IsNullOrEmpty(filter.AreaCode))
        {
            var path = await territory.PathOfAsync(filter.AreaCode, ct) ?? throw new ValidationException("areaCode", "unknown_node");
            query = query.Where(i => i.Path.StartsWith(path));
        }
        if (filter.From is { } from)
        {
            var start = Utc(from);
            query = query.Where(i => i.ReportedAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = Utc(to.AddDays(1));
            query = query.Where(i => i.ReportedAt < end);
        }
        if (!string.IsNullOrEmpty(filter.CategoryGroup)) query = query.Where(i => i.CategoryGroup == filter.CategoryGroup);
        if (!string.IsNullOrEmpty(filter.Department))
            query = query.Where(i => i.LeadDepartmentCode == filter.Department);
        return filter.Measure switch
        {
            Measure.Accepted => query.Where(i => i.State != IncidentState.Reported && i.State != IncidentState.Rejected),
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

    private static DateTime Utc(DateOnly localDate) =>
        DateTime.SpecifyKind(localDate.ToDateTime(TimeOnly.MinValue) - WorkCalendar.Offset, DateTimeKind.Utc);
}
