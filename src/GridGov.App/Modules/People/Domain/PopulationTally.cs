using GridGov.Kernel.Scoping;

namespace GridGov.Modules.People.Domain;

/// <summary>
/// Households and residents at one placement path (a level-3 grid, or an area for the unplaced),
/// kept equal to a count of the rows by <see cref="Application.PopulationTallies"/> in the same
/// transaction as every change. Tree counts add these up instead of counting millions of residents.
/// </summary>
public sealed class PopulationTally : IScopedByPath
{
    public string Path { get; private set; } = "";
    public int? GridId { get; private set; }
    public int Households { get; private set; }
    public int Residents { get; private set; }
}
