namespace GridGov.Modules.Territory.Application;

public enum ViolationKind
{
    GridTooSmall,
    GridTooLarge,
    HouseholdWithoutGrid,
    BuildingWithoutGrid,
    PeopleOnRetiredGrid,
    PeopleOnUpperLevelGrid,
    PeopleOnUnknownGrid,
    WrongNesting,
    ActiveUnderRetired,
    SiblingsOverlap,
    GapInParent,
    OutsideParent,
    HouseholdOutsideGrid,
    /// <summary>An area below the county that no open grid covers at all (无缝覆盖 fails there first).</summary>
    AreaWithoutGrid,
}

/// <summary>
/// One thing to fix. <see cref="Link"/> leads to the page where it is fixed; <see cref="Values"/>
/// fill the localised message for <see cref="Kind"/>.
/// </summary>
public sealed record Violation(ViolationKind Kind, string ObjectCode, string ObjectName, string Link, IReadOnlyList<object> Values);

public sealed record CoverageReport(string AreaCode, string AreaName, DateTime GeneratedAt, int GridsChecked, int HouseholdsChecked,
    IReadOnlyList<Violation> Violations, IReadOnlyDictionary<ViolationKind, int> Totals)
{
    public bool Passes => Totals.Values.Sum() == 0;
}
