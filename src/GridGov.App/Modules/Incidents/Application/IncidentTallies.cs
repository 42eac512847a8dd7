using GridGov.Data;
using GridGov.Kernel.Scoping;
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

/// <summary>
/// Keeps <see cref="IncidentTally"/> in step with the incidents, in the transaction of each save:
/// every incident written takes its old share out of its old rows and puts its new share into its
/// new ones, at each grain. The additions are atomic in the database, so concurrent steps never
/// lose one.
/// </summary>
internal sealed class IncidentTallies : ISaveHook
{
    private const int Batch = 200;

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
        // A fixed order of rows, so that two saves touching the same rows lock them in the same order.
        var changed = deltas?.Where(d => !d.Value.IsZero)
            .OrderBy(d => d.Key.Grain).ThenBy(d => d.Key.Period).ThenBy(d => d.Key.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Key.CategoryGroup, StringComparer.Ordinal).ThenBy(d => d.Key.LeadDepartmentCode, StringComparer.Ordinal)
            .Select(d => Row(d.Key, d.Value)).ToList();
        return changed is { Count: > 0 } ? (db, ct) => AddAsync(db, changed, ct) : null;
    }

    private static void Add(Dictionary<Key, IncidentFigures> deltas, Incident incident, int sign)
    {
        var figures = IncidentFigures.Of(incident);
        var date = WorkCalendar.LocalDate(incident.ReportedAt);
        foreach (var grain in Grains)
        {
            var key = new Key(grain, IncidentTally.PeriodOf(grain, date), IncidentTally.PlaceOf(grain, incident.Path), incident.CategoryGroup,
                incident.LeadDepartmentCode ?? "");
            Fold(deltas, key, sign > 0 ? figures : IncidentFigures.Zero.Plus(figures, -1));
        }
    }

    private static IncidentTally Row(Key key, IncidentFigures f) => new()
    {
        Grain = key.Grain, Period = key.Period, Path = key.Path, CategoryGroup = key.CategoryGroup, LeadDepartmentCode = key.LeadDepartmentCode,
        Reported = f.Reported, Accepted = f.Accepted, Closed = f.Closed, ClosedOnTime = f.ClosedOnTime, Rework = f.Rework,
        Extended = f.Extended, Escalations = f.Escalations, Escalated = f.Escalated, SelfResolved = f.SelfResolved, Overdue = f.Overdue,
        MinutesSum = f.MinutesSum, MinutesCount = f.MinutesCount,
    };

    private static readonly string[] Counts =
    [
        "Reported", "Accepted", "Closed", "ClosedOnTime", "Rework", "Extended", "Escalations", "Escalated", "SelfResolved", "Overdue",
        "MinutesSum", "MinutesCount",
    ];

    /// <summary>Adds the rows' figures to the tallies, creating the rows that are missing.</summary>
    private static async Task AddAsync(GridGovDbContext db, IReadOnlyList<IncidentTally> rows, CancellationToken ct)
    {
        const int Columns = 17;
        var columns = string.Join(", ", new[] { "Grain", "Period", "Path", "CategoryGroup", "LeadDepartmentCode" }.Concat(Counts).Select(c => $"\"{c}\""));
        var sets = string.Join(", ", Counts.Select(c => $"\"{c}\" = \"IncidentTallies\".\"{c}\" + excluded.\"{c}\""));
        foreach (var batch in rows.Chunk(Batch))
        {
            var values = string.Join(", ", batch.Select((_, r) => "(" + string.Join(", ", Enumerable.Range(r * Columns, Columns).Select(n => $"{{{n}}}")) + ")"));
            object[] args = [.. batch.SelectMany(t => new object[]
            {
                (int)t.Grain, t.Period, t.Path, t.CategoryGroup, t.LeadDepartmentCode, t.Reported, t.Accepted, t.Closed, t.ClosedOnTime, t.Rework, t.Extended,
                t.Escalations, t.Escalated, t.SelfResolved, t.Overdue, t.MinutesSum, t.MinutesCount,
            })];
            // Only numbered placeholders are spliced in; every value travels as a parameter.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "IncidentTallies" ({columns}) VALUES {values}
                ON CONFLICT ("Grain", "Period", "Path", "CategoryGroup", "LeadDepartmentCode") DO UPDATE SET {sets}
                """, args, ct);
#pragma warning restore EF1002
        }
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
            });

    /// <summary>
    /// Counts everything again from the incidents, a day at a time (the day's cells by community
    /// make both grains): after a bulk load, or when a database first gets the tallies.
    /// </summary>
    public static async Task RebuildAsync(GridGovDbContext db, CancellationToken ct)
    {
        await db.Set<IncidentTally>().IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        var incidents = db.Set<Incident>().IgnoreQueryFilters().AsNoTracking();
        if (await incidents.MinAsync(i => (DateTime?)i.ReportedAt, ct) is not { } first) return;
        var last = WorkCalendar.LocalDate(await incidents.MaxAsync(i => i.ReportedAt, ct));
        var month = new Dictionary<Key, IncidentFigures>();
        for (var day = WorkCalendar.LocalDate(first); day <= last; day = day.AddDays(1))
        {
            var (from, to) = (WorkCalendar.StartOf(day), WorkCalendar.StartOf(day.AddDays(1)));
            var cells = await Count(incidents.Where(i => i.ReportedAt >= from && i.ReportedAt < to)).ToListAsync(ct);
            var today = new Dictionary<Key, IncidentFigures>();
            foreach (var c in cells)
            {
                Fold(today, new Key(TallyGrain.Day, IncidentTally.PeriodOf(TallyGrain.Day, day), IncidentTally.PlaceOf(TallyGrain.Day, c.Path),
                    c.CategoryGroup, c.LeadDepartmentCode ?? ""), c.Figures);
                Fold(month, new Key(TallyGrain.Month, IncidentTally.PeriodOf(TallyGrain.Month, day), c.Path, c.CategoryGroup,
                    c.LeadDepartmentCode ?? ""), c.Figures);
            }
            await BulkWriter.InsertAsync(db, today.Select(d => Row(d.Key, d.Value)), ct);
            if (day == last || day.AddDays(1).Day == 1)
            {
                await BulkWriter.InsertAsync(db, month.Select(d => Row(d.Key, d.Value)), ct);
                month.Clear();
            }
        }
    }

    private static void Fold(Dictionary<Key, IncidentFigures> rows, Key key, IncidentFigures figures) =>
        rows[key] = (rows.GetValueOrDefault(key) ?? IncidentFigures.Zero).Plus(figures, 1);

    /// <summary>Fills the tallies of a database that has incidents but none yet.</summary>
    public static async Task FillIfMissingAsync(GridGovDbContext db, CancellationToken ct)
    {
        if (await db.Set<IncidentTally>().IgnoreQueryFilters().AnyAsync(ct)) return;
        if (!await db.Set<Incident>().IgnoreQueryFilters().AnyAsync(ct)) return;
        await RebuildAsync(db, ct);
    }
}
