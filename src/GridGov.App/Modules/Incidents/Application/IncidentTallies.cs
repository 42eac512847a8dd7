using GridGov.Kernel.Time;
using GridGov.Modules.Incidents;
using GridGov.Data;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Tallies;
using GridGov.Modules.Incidents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GridGov.Modules.Incidents.Application;

/// <summary>The figures of the incidents in one community, category group and lead department.</summary>
public sealed class TallyCell
{
    public string Path { get; init; } = "";
    public string CategoryGroup { get; init; } = "";
    public string? LeadDepartmentCode { get; init; }
    public IncidentFigures Figures { get; init; } = IncidentFigures.Zero;
}

/// <summary>A row of the tallies or of their pending changes.</summary>
internal sealed class TallyPart : IncidentFigures
{
    public int Period { get; init; }
    public string Path { get; init; } = "";
    public string CategoryGroup { get; init; } = "";
    public string LeadDepartmentCode { get; init; } = "";
}

/// <summary>
/// Keeps the tallies in step with the incidents. Each save that moves an incident adds, in the same
/// batch of statements, the change to its old rows (its old share out) and to its new rows (its new
/// share in) at each grain; <see cref="FoldAsync"/> later adds the changes into the tallies.
/// </summary>
internal sealed class IncidentTallies : ISaveHook
{
    private readonly record struct Key(TallyGrain Grain, int Period, string Path, string CategoryGroup, string LeadDepartmentCode);

    private static readonly TallyGrain[] Grains = Enum.GetValues<TallyGrain>();

    public Func<GridGovDbContext, CancellationToken, Task>? Prepare(ChangeTracker changes)
    {
        Dictionary<Key, IncidentFigures>? deltas = null;
        foreach (var entry in changes.Entries<Incident>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            deltas ??= [];
            if (entry.State != EntityState.Added) Add(deltas, (Incident)entry.OriginalValues.ToObject(), -1);
            if (entry.State != EntityState.Deleted) Add(deltas, entry.Entity, 1);
        }
        foreach (var (key, figures) in deltas ?? [])
            if (!figures.IsZero) changes.Context.Add(Row<IncidentTallyChange>(key, figures));
        return null;
    }

    private static void Add(Dictionary<Key, IncidentFigures> deltas, Incident incident, int sign)
    {
        var figures = sign > 0 ? IncidentFigures.Of(incident) : IncidentFigures.Zero.Plus(IncidentFigures.Of(incident), -1);
        var date = WorkCalendar.LocalDate(incident.ReportedAt);
        foreach (var grain in Grains)
            Fold(deltas, new Key(grain, IncidentTallyRow.PeriodOf(grain, date), IncidentTallyRow.PlaceOf(grain, incident.Path),
                incident.CategoryGroup, incident.LeadDepartmentCode ?? ""), figures);
    }

    private static void Fold(Dictionary<Key, IncidentFigures> rows, Key key, IncidentFigures figures) =>
        rows[key] = (rows.GetValueOrDefault(key) ?? IncidentFigures.Zero).Plus(figures, 1);

    private static T Row<T>(Key key, IncidentFigures f) where T : IncidentTallyRow, new() => new()
    {
        Grain = key.Grain, Period = key.Period, Path = key.Path, CategoryGroup = key.CategoryGroup, LeadDepartmentCode = key.LeadDepartmentCode,
        Reported = f.Reported, Accepted = f.Accepted, Closed = f.Closed, ClosedOnTime = f.ClosedOnTime, Rework = f.Rework,
        Extended = f.Extended, Escalations = f.Escalations, Escalated = f.Escalated, SelfResolved = f.SelfResolved, Overdue = f.Overdue,
        MinutesSum = f.MinutesSum, MinutesCount = f.MinutesCount,
    };

    /// <summary>The incident tallies' shape, folded by the Kernel's <see cref="TallyFold"/>.</summary>
    public static readonly TallyShape Shape = new("incidents", "IncidentTallies", "IncidentTallyChanges",
        ["Grain", "Period", "Path", "CategoryGroup", "LeadDepartmentCode"],
        ["Reported", "Accepted", "Closed", "ClosedOnTime", "Rework", "Extended", "Escalations", "Escalated", "SelfResolved", "Overdue",
            "MinutesSum", "MinutesCount"]);

    public static Task<int> FoldAsync(GridGovDbContext db, CancellationToken ct) => TallyFold.FoldAsync(db, Shape, ct);

    /// <summary>Rows of the tallies or of their pending changes in one shape, so that both are added up in one statement.</summary>
    internal static IQueryable<TallyPart> Parts<T>(IQueryable<T> rows) where T : IncidentTallyRow => rows.AsNoTracking().Select(t => new TallyPart
    {
        Period = t.Period, Path = t.Path, CategoryGroup = t.CategoryGroup, LeadDepartmentCode = t.LeadDepartmentCode, Reported = t.Reported, Accepted = t.Accepted,
        Closed = t.Closed, ClosedOnTime = t.ClosedOnTime, Rework = t.Rework, Extended = t.Extended, Escalations = t.Escalations,
        Escalated = t.Escalated, SelfResolved = t.SelfResolved, Overdue = t.Overdue, MinutesSum = t.MinutesSum, MinutesCount = t.MinutesCount,
    });

    /// <summary>The tallies of one grain under a place and between two periods (inclusive, open where null), with the changes not yet folded in.</summary>
    internal static IQueryable<TallyPart> Read(GridGovDbContext db, TallyGrain grain, string? under, int? first, int? last,
        string? categoryGroup = null, string? department = null)
    {
        IQueryable<TallyPart> Of<T>(IQueryable<T> rows) where T : IncidentTallyRow
        {
            rows = rows.Where(t => t.Grain == grain);
            if (under is not null) rows = rows.Where(t => t.Path.StartsWith(under));
            if (first is { } from) rows = rows.Where(t => t.Period >= from);
            if (last is { } to) rows = rows.Where(t => t.Period <= to);
            if (!string.IsNullOrEmpty(categoryGroup)) rows = rows.Where(t => t.CategoryGroup == categoryGroup);
            if (!string.IsNullOrEmpty(department)) rows = rows.Where(t => t.LeadDepartmentCode == department);
            return Parts(rows);
        }
        return Of(db.Set<IncidentTally>()).Concat(Of(db.Set<IncidentTallyChange>()));
    }

    /// <summary>The daily tallies that answer for a place: the counties' for a county or more, the township's for a township, none below.</summary>
    internal static TallyGrain? DailyGrainOf(string place) =>
        TreePath.CountyPath(place) is not { } county || county == place ? TallyGrain.CountyDay
        : TreePath.TownshipPath(place) == place ? TallyGrain.TownshipDay
        : null;

    /// <summary>
    /// The county tallies over a span of local dates: month rows for the whole months inside it and
    /// day rows for the days at its edges, so a year is about twelve rows per cell, not 365.
    /// </summary>
    internal static IQueryable<TallyPart> ReadCountySpan(GridGovDbContext db, string? under, DateOnly from, DateOnly to,
        string? categoryGroup = null, string? department = null)
    {
        IQueryable<TallyPart> Days(DateOnly a, DateOnly b) =>
            Read(db, TallyGrain.CountyDay, under, TallyPeriod.Day(a), TallyPeriod.Day(b), categoryGroup, department);
        var firstWhole = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var lastWhole = to.AddDays(1).Day == 1 ? to : new DateOnly(to.Year, to.Month, 1).AddDays(-1);
        if (firstWhole > lastWhole) return Days(from, to);
        var parts = Read(db, TallyGrain.CountyMonth, under, TallyPeriod.Month(firstWhole), TallyPeriod.Month(lastWhole), categoryGroup, department);
        if (from < firstWhole) parts = parts.Concat(Days(from, firstWhole.AddDays(-1)));
        if (to > lastWhole) parts = parts.Concat(Days(lastWhole.AddDays(1), to));
        return parts;
    }

    /// <summary>
    /// Counts incidents in the database by community, category group and lead department. The
    /// conditions are those of <see cref="IncidentFigures.Of"/>; a test holds the two together.
    /// </summary>
    public static IQueryable<TallyCell> Count(IQueryable<Incident> incidents) =>
        incidents.GroupBy(i => new { Path = i.Path.Substring(0, i.Path.Length - TreePath.GridSegmentLength), i.CategoryGroup, i.LeadDepartmentCode })
            .Select(g => new TallyCell
            {
                Path = g.Key.Path, CategoryGroup = g.Key.CategoryGroup, LeadDepartmentCode = g.Key.LeadDepartmentCode,
                Figures = new IncidentFigures
                {
                    Reported = g.Count(),
                    Accepted = g.Count(i => i.State != IncidentState.Reported && i.State != IncidentState.Rejected && i.State != IncidentState.Merged),
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
            });

    /// <summary>
    /// Counts everything again from the incidents, a day at a time (the day's cells by community
    /// make every grain): after a bulk load, or when a database first gets the tallies.
    /// </summary>
    public static async Task RebuildAsync(GridGovDbContext db, CancellationToken ct)
    {
        await db.Set<IncidentTallyChange>().OutsideScope("a rebuild recounts the whole deployment").ExecuteDeleteAsync(ct);
        await db.Set<IncidentTally>().OutsideScope("a rebuild recounts the whole deployment").ExecuteDeleteAsync(ct);
        var incidents = db.Set<Incident>().OutsideFilters("a rebuild recounts the whole deployment", QueryFilters.Scope, IncidentsModule.DepartmentFilter).AsNoTracking();
        if (await incidents.MinAsync(i => (DateTime?)i.ReportedAt, ct) is not { } first) return;
        var last = WorkCalendar.LocalDate(await incidents.MaxAsync(i => i.ReportedAt, ct));
        var month = new Dictionary<Key, IncidentFigures>();
        for (var day = WorkCalendar.LocalDate(first); day <= last; day = day.AddDays(1))
        {
            var (from, to) = (WorkCalendar.StartOf(day), WorkCalendar.StartOf(day.AddDays(1)));
            var cells = await Count(incidents.Where(i => i.ReportedAt >= from && i.ReportedAt < to)).ToListAsync(ct);
            var today = new Dictionary<Key, IncidentFigures>();
            foreach (var c in cells)
                foreach (var grain in Grains)
                    Fold(IncidentTallyRow.IsMonthly(grain) ? month : today, new Key(grain, IncidentTallyRow.PeriodOf(grain, day),
                        IncidentTallyRow.PlaceOf(grain, c.Path), c.CategoryGroup, c.LeadDepartmentCode ?? ""), c.Figures);
            await BulkWriter.InsertAsync(db, today.Select(d => Row<IncidentTally>(d.Key, d.Value)), ct);
            if (day == last || day.AddDays(1).Day == 1)
            {
                await BulkWriter.InsertAsync(db, month.Select(d => Row<IncidentTally>(d.Key, d.Value)), ct);
                month.Clear();
            }
        }
    }

    /// <summary>Fills the tallies of a database that has incidents but none yet.</summary>
    public static async Task FillIfMissingAsync(GridGovDbContext db, CancellationToken ct)
    {
        if (await db.Set<IncidentTally>().OutsideScope("whether the deployment has tallies at all").AnyAsync(ct)) return;
        if (await db.Set<IncidentTallyChange>().OutsideScope("whether the deployment has tallies at all").AnyAsync(ct)) return;
        if (!await db.Set<Incident>().OutsideFilters("whether the deployment has incidents at all", QueryFilters.Scope, IncidentsModule.DepartmentFilter).AnyAsync(ct)) return;
        await RebuildAsync(db, ct);
    }
}
