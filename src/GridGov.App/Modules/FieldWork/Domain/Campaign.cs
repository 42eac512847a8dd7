using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.FieldWork.Domain;

public enum CampaignState
{
    Draft = 1,
    Running = 2,
    Closed = 3,
}

/// <summary>Who a campaign screens: every household of its grids, or the people carrying any of its tags (returnees…).</summary>
public enum CampaignPopulation
{
    Households = 1,
    Tagged = 2,
}

/// <summary>
/// A door-to-door screening (地毯式排查) defined by a community, township or county: a population,
/// a period, a form and the grids it covers (all of its area's, or those listed). At start its
/// universe is frozen; coverage is counted against that universe, whoever moves in or out after.
/// </summary>
public sealed class Campaign : ISeenFromBelow, IAudited
{
    public const int MaxGrids = 2000;

    private Campaign() { }

    public Campaign WithId(int id)
    {
        Id = id;
        return this;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The area that runs it; the workers of every grid below see it.</summary>
    public string Path { get; private set; } = "";
    public string AreaCode { get; private set; } = "";
    public CampaignPopulation Population { get; private set; }
    /// <summary>Comma-separated tag codes, for a tagged population.</summary>
    public string? TagCodes { get; private set; }
    /// <summary>Comma-separated ids of the level-3 grids covered; none: every grid of the area.</summary>
    public string? GridIds { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string Questions { get; private set; } = "[]";
    public CampaignState State { get; private set; } = CampaignState.Draft;
    public string CreatedBy { get; private set; } = "";
    public DateTime? StartedAt { get; private set; }
    public string? StartedBy { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public int UniverseSubjects { get; private set; }
    public int UniversePeople { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<CampaignQuestion> Form => CampaignForm.Read(Questions);

    public IReadOnlyList<string> Tags => TagCodes is null ? [] : TagCodes.Split(',');

    public IReadOnlyList<int> Grids => GridIds is null ? [] : GridIds.Split(',').Select(int.Parse).ToList();

    public static Campaign Define(string name, string areaCode, string areaPath, CampaignPopulation population, IReadOnlyList<string>? tagCodes,
        IReadOnlyList<int>? gridIds, DateOnly from, DateOnly to, IReadOnlyList<CampaignQuestion> questions, string by)
    {
        new Validator()
            .Require("name", name, 100)
            .Check(Enum.IsDefined(population), "population", "unknown")
            .Check(population != CampaignPopulation.Tagged || tagCodes is { Count: >= 1 and <= 10 }, "tagCodes", "required")
            .Check(gridIds is null || gridIds.Count <= MaxGrids, "gridCodes", "out_of_range")
            .Check(to >= from, "to", "before_start")
            .ThrowIfInvalid();
        CampaignForm.Validate(questions);
        return new Campaign
        {
            Name = name.Trim(), AreaCode = areaCode, Path = areaPath, Population = population,
            TagCodes = population == CampaignPopulation.Tagged ? string.Join(',', tagCodes!.Distinct()) : null,
            GridIds = gridIds is { Count: > 0 } ? string.Join(',', gridIds.Distinct().Order()) : null,
            From = from, To = to, Questions = CampaignForm.Write(questions), CreatedBy = by,
        };
    }

    /// <summary>Freezes the universe the start has just copied: its size is what coverage is counted against.</summary>
    public void Start(string by, DateTime at, DateOnly today, int subjects, int people)
    {
        if (State != CampaignState.Draft) throw new ConflictException("campaign_not_draft");
        if (today > To) throw new ConflictException("campaign_period_over");
        (State, StartedBy, StartedAt, UniverseSubjects, UniversePeople) = (CampaignState.Running, by, at, subjects, people);
    }

    public void Close(DateTime at)
    {
        if (State != CampaignState.Running) throw new ConflictException("campaign_not_running");
        (State, ClosedAt) = (CampaignState.Closed, at);
    }

    public void RequireRunning()
    {
        if (State != CampaignState.Running) throw new ConflictException("campaign_not_running");
    }
}
