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

    /// <summary>Tallies and pending changes of one grain, added up in the database by place, group and department.</summary>
    private async Task<Dictionary<string, string>> KeptAsync(TallyGrain grain, CancellationToken ct)
    {
        var tallies = IncidentTallies.Parts(db.Set<IncidentTally>().OutsideScope("a tally check compares the whole deployment").Where(t => t.Grain == grain));
        var changes = IncidentTallies.Parts(db.Set<IncidentTallyChange>().OutsideScope("a tally check compares the whole deployment").Where(t => t.Grain == grain));
        var cells = await tallies.Concat(changes).GroupBy(t => new { t.Path, t.CategoryGroup, t.LeadDepartmentCode }).Select(g => new
        {
            g.Key.Path, g.Key.CategoryGroup, g.Key.LeadDepartmentCode,
            Figures = new IncidentFigures
            {
                Reported = g.Sum(t => t.Reported), Accepted = g.Sum(t => t.Accepted), Closed = g.Sum(t => t.Closed),
                ClosedOnTime = g.Sum(t => t.ClosedOnTime), Rework = g.Sum(t => t.Rework), Extended = g.Sum(t => t.Extended),
                Escalations = g.Sum(t => t.Escalations), Escalated = g.Sum(t => t.Escalated), SelfResolved = g.Sum(t => t.SelfResolved),
                Overdue = g.Sum(t => t.Overdue), MinutesSum = g.Sum(t => t.MinutesSum), MinutesCount = g.Sum(t => t.MinutesCount),
            },
        }).ToListAsync(ct);
        return cells.Where(c => !c.Figures.IsZero)
            .ToDictionary(c => $"{grain}|{c.Path}|{c.CategoryGroup}|{c.LeadDepartmentCode}", c => Text(c.Figures));
    }


    private static string Text(IncidentFigures f) =>
        $"reported {f.Reported}, accepted {f.Accepted}, closed {f.Closed}, on time {f.ClosedOnTime}, rework {f.Rework}, extended {f.Extended}, "
        + $"escalations {f.Escalations}, escalated {f.Escalated}, self-resolved {f.SelfResolved}, overdue {f.Overdue}, minutes {f.MinutesSum}/{f.MinutesCount}";
}
