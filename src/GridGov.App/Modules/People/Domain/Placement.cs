namespace GridGov.Modules.People.Domain;

/// <summary>
/// Where a building, household or person sits on the tree: a level-3 grid, or, while no grid has
/// been assigned, the village or community (then <see cref="GridId"/> is null and the coverage
/// check reports it).
/// </summary>
public readonly record struct Placement(int? GridId, string Path)
{
    public static Placement OnGrid(int gridId, string gridPath) => new(gridId, gridPath);

    public static Placement Unassigned(string areaPath) => new(null, areaPath);
}
