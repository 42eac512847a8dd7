using GridGov.Data;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Tallies;
using GridGov.Modules.FieldWork.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.FieldWork.Application;

/// <summary>Every campaign's kept rows, grid and community, against a count of its subjects by grid, community and state.</summary>
internal sealed class CampaignCoverageCheck(GridGovDbContext db) : ITallyCheck
{
    public string Tally => "campaign-coverage";

    public async Task<IReadOnlyList<TallyDifference>> DifferencesAsync(CancellationToken ct)
    {
        var counted = await db.Set<CampaignSubject>().OutsideScope("the tally check compares the whole deployment, for administrators").AsNoTracking()
            .GroupBy(s => new { s.CampaignId, s.Path, s.State })
            .Select(g => new { g.Key.CampaignId, g.Key.Path, g.Key.State, Count = g.Count(), People = g.Sum(s => s.People) }).ToListAsync(ct);
        var kept = await db.Set<CampaignCoverage>().OutsideScope("the tally check compares the whole deployment, for administrators").AsNoTracking()
            .ToListAsync(ct);
        var recount = counted.Select(c => (Key: $"{c.CampaignId}|{c.Path}", c.State, c.Count, c.People))
            .Concat(counted.Select(c => (Key: $"{c.CampaignId}|{TreePath.AreaPath(c.Path)}", c.State, c.Count, c.People)))
            .GroupBy(c => c.Key)
            .ToDictionary(g => g.Key, g => Text(g.Sum(c => c.Count), g.Sum(c => c.People),
                Enum.GetValues<SubjectState>().Select(s => g.Where(c => c.State == s).Sum(c => c.Count))));
        var keptCells = kept.ToDictionary(k => $"{k.CampaignId}|{k.Path}", k => Text(k.Universe, k.UniversePeople,
            [k.Pending, k.Done, k.NotAtHome, k.Refused, k.ExclusionRequested, k.Excluded]));
        var empty = Text(0, 0, [0, 0, 0, 0, 0, 0]);
        return recount.Keys.Union(keptCells.Keys)
            .Select(cell => (cell, k: keptCells.GetValueOrDefault(cell) ?? empty, r: recount.GetValueOrDefault(cell) ?? empty))
            .Where(x => x.k != x.r).Select(x => new TallyDifference(Tally, x.cell, x.k, x.r)).ToList();
    }

    private static string Text(int universe, int people, IEnumerable<int> byState) => $"universe {universe}, people {people}, by state {string.Join("/", byState)}";
}
