using GridGov.Data;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Tallies;
using GridGov.Modules.Incidents.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Incidents.Application;

/// <summary>
/// The incident tallies kept by every save agree with a recount of the incidents: each community's
/// months, and each county's and township's days, added over all periods, by category group and
/// lead department, tallies and pending changes together.
/// </summary>
internal sealed class IncidentTallyCheck(GridGovDbContext db) : ITallyCheck
{

    public string Tally => IncidentTallies.Shape.Name;

    public async Task<IReadOnlyList<TallyDifference>> DifferencesAsync(CancellationToken ct)
    {
        var incidents = db.Set<Incident>().OutsideFilters("a tally check compares the whole deployment", QueryFilters.Scope, IncidentsModule.DepartmentFilter).AsNoTracking();
        var counted = await IncidentTallies.Count(incidents).ToListAsync(ct);
        var differences = new List<TallyDifference>();
        foreach (var grain in Enum.GetValues<TallyGrain>())
        {
            var recount = counted.GroupBy(c => (Path: IncidentTallyRow.PlaceOf(grain, c.Path), c.CategoryGroup, Dept: c.LeadDepartmentCode ?? ""))
                .ToDictionary(g => $"{grain}|{g.Key.Path}|{g.Key.CategoryGroup}|{g.Key.Dept}", g => Text(IncidentFigures.Sum(g.Select(c => c.Figures))));
            var kept = await KeptAsync(grain, ct);
            foreach (var cell in recount.Keys.Union(kept.Keys))
            {
                var (k, r) = (kept.GetValueOrDefault(cell) ?? Text(IncidentFigures.Zero), recount.GetValueOrDefault(cell) ?? Text(IncidentFigures.Zero));
                if (k != r) differences.Add(new TallyDifference(Tally, cell, k, r));
            }
        }
        return differences;
    }

    private async Task<Dictionary<string, string>> KeptAsync(TallyGrain grain, CancellationToken ct)
    {
        async Task<IEnumerable<IncidentTallyRow>> Rows<T>() where T : IncidentTallyRow =>
            await db.Set<T>().OutsideScope("a tally check compares the whole deployment").AsNoTracking().Where(t => t.Grain == grain).ToListAsync(ct);
        var rows = (await Rows<IncidentTally>()).Concat(await Rows<IncidentTallyChange>());
        return rows.GroupBy(t => $"{grain}|{t.Path}|{t.CategoryGroup}|{t.LeadDepartmentCode}")
            .Select(g => (g.Key, Figures: IncidentFigures.Sum(g.Select(Figures))))
            .Where(x => !x.Figures.IsZero).ToDictionary(x => x.Key, x => Text(x.Figures));
    }

    private static IncidentFigures Figures(IncidentTallyRow t) => new()
    {
        Reported = t.Reported, Accepted = t.Accepted, Closed = t.Closed, ClosedOnTime = t.ClosedOnTime, Rework = t.Rework, Extended = t.Extended,
        Escalations = t.Escalations, Escalated = t.Escalated, SelfResolved = t.SelfResolved, Overdue = t.Overdue,
        MinutesSum = t.MinutesSum, MinutesCount = t.MinutesCount,
    };

    private static string Text(IncidentFigures f) =>
        $"reported {f.Reported}, accepted {f.Accepted}, closed {f.Closed}, on time {f.ClosedOnTime}, rework {f.Rework}, extended {f.Extended}, "
        + $"escalations {f.Escalations}, escalated {f.Escalated}, self-resolved {f.SelfResolved}, overdue {f.Overdue}, minutes {f.MinutesSum}/{f.MinutesCount}";
}
