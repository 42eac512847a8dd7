using GridGov.Kernel.Scoping;

namespace GridGov.Modules.People.Domain;

/// <summary>
/// Households and residents at one placement path (a level-3 grid, or an area for the unplaced).
/// Tree counts add these and the pending <see cref="PopulationTallyChange"/>s up instead of
/// counting millions of residents; a check holds the two together equal to a count of the rows.
/// </summary>
public sealed class PopulationTally : IScopedByPath
{
    public string Path { get; private set; } = "";
    public int Households { get; private set; }
    public int Residents { get; private set; }
}

/// <summary>
/// What one save changed at one path, written with the save: saves only add these, so that two
/// saves at one path never overwrite each other's count; the Kernel folds them into
/// <see cref="PopulationTally"/> every few seconds, and readers add both until then.
/// </summary>
public sealed class PopulationTallyChange : IScopedByPath
{
    public long Id { get; set; }
    public string Path { get; set; } = "";
    public int Households { get; set; }
    public int Residents { get; set; }
}
