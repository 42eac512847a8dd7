using GridGov.Kernel.Scoping;

namespace GridGov.Modules.FieldWork.Domain;

/// <summary>
/// A campaign's counts on one grid, kept with every step of its subjects: the frozen universe, and
/// how many subjects are in each state; and the same per community (a rollup of its grids, kept in
/// the same statement), so that a county's or the city's coverage sums hundreds of rows, not a
/// hundred thousand. Coverage of any place is the sum of the rows of the grain under it.
/// </summary>
public sealed class CampaignCoverage : IScopedByPath
{
    private CampaignCoverage() { }

    public long Id { get; private set; }
    public int CampaignId { get; private set; }
    /// <summary>The grid counted; 0 on a community's rollup.</summary>
    public int GridId { get; private set; }
    public bool IsRollup { get; private set; }
    public string Path { get; private set; } = "";
    public int Universe { get; private set; }
    public int UniversePeople { get; private set; }
    public int Pending { get; private set; }
    public int Done { get; private set; }
    public int NotAtHome { get; private set; }
    public int Refused { get; private set; }
    public int ExclusionRequested { get; private set; }
    public int Excluded { get; private set; }

    public static CampaignCoverage Frozen(int campaignId, int gridId, string path, int universe, int people) =>
        new() { CampaignId = campaignId, GridId = gridId, Path = path, Universe = universe, UniversePeople = people, Pending = universe };

    /// <summary>A community's rollup of the grid rows given (all under it).</summary>
    public static CampaignCoverage Rollup(int campaignId, string communityPath, IEnumerable<CampaignCoverage> grids)
    {
        var rollup = new CampaignCoverage { CampaignId = campaignId, Path = communityPath, IsRollup = true };
        foreach (var g in grids)
        {
            rollup.Universe += g.Universe;
            rollup.UniversePeople += g.UniversePeople;
            rollup.Pending += g.Pending;
            rollup.Done += g.Done;
            rollup.NotAtHome += g.NotAtHome;
            rollup.Refused += g.Refused;
            rollup.ExclusionRequested += g.ExclusionRequested;
            rollup.Excluded += g.Excluded;
        }
        return rollup;
    }

    /// <summary>The rollups of grid rows, one per community, ids drawn on from <paramref name="nextId"/>.</summary>
    public static IEnumerable<CampaignCoverage> Rollups(int campaignId, IEnumerable<CampaignCoverage> grids, Func<long> nextId) =>
        grids.GroupBy(g => Kernel.Scoping.TreePath.AreaPath(g.Path)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Rollup(campaignId, g.Key, g).WithId(nextId()));

    /// <summary>One more subject frozen into the grid's universe, pending.</summary>
    public void Add(int people)
    {
        Universe++;
        Pending++;
        UniversePeople += people;
    }

    /// <summary>A subject's step from one state to another, as <c>CampaignFreeze.MoveCountAsync</c> applies it in the database.</summary>
    public void Move(SubjectState from, SubjectState to)
    {
        if (from == to) return;
        Set(from, Get(from) - 1);
        Set(to, Get(to) + 1);
    }

    private int Get(SubjectState state) => state switch
    {
        SubjectState.Pending => Pending, SubjectState.Done => Done, SubjectState.NotAtHome => NotAtHome, SubjectState.Refused => Refused,
        SubjectState.ExclusionRequested => ExclusionRequested, _ => Excluded,
    };

    private void Set(SubjectState state, int value)
    {
        switch (state)
        {
            case SubjectState.Pending: Pending = value; break;
            case SubjectState.Done: Done = value; break;
            case SubjectState.NotAtHome: NotAtHome = value; break;
            case SubjectState.Refused: Refused = value; break;
            case SubjectState.ExclusionRequested: ExclusionRequested = value; break;
            default: Excluded = value; break;
        }
    }

    public CampaignCoverage WithId(long id)
    {
        Id = id;
        return this;
    }
}

/// <summary>
/// Coverage as "x of y": done of the universe less the approved exclusions. A universe of none is
/// no target, never 100 %.
/// </summary>
public readonly record struct CoverageFigure(int Done, int Target)
{
    public bool HasTarget => Target > 0;

    /// <summary>The share done, to one decimal, rounded down so that 99.96 % never reads as 100 %; null without a target.</summary>
    public decimal? Percent => Target == 0 ? null : Math.Floor(1000m * Done / Target) / 10m;

    public static CoverageFigure Of(int universe, int excluded, int done) => new(done, universe - excluded);
}
