using GridGov.Kernel.Paging;

namespace GridGov.Modules.People.Contracts;

public sealed record PopulationCount(int Households, int Residents)
{
    public static readonly PopulationCount Zero = new(0, 0);
}

/// <summary>Households and buildings per grid id (null: not on any grid) within an area.</summary>
public sealed record GridOccupancy(int? GridId, int Households, int Buildings);

public sealed record UnplacedItem(string Kind, int Id, string Label, string Path);

public sealed record LocatedHousehold(int Id, int GridId, string Number, double Longitude, double Latitude);

public sealed record HouseholdSummary(int Id, string Number, string Address, int Residents, string? HeadName);

/// <summary>What the territory needs to know about the population, counted in the database.</summary>
public interface IPopulationStatistics
{
    /// <summary>Counts under <paramref name="parentPath"/> grouped by the first <paramref name="keyLength"/> characters of the path.</summary>
    Task<IReadOnlyDictionary<string, PopulationCount>> CountByPathPrefixAsync(string parentPath, int keyLength, CancellationToken ct);

    Task<PopulationCount> CountUnderAsync(string path, CancellationToken ct);

    /// <summary>Counts per level-1 grid under an area, keyed by the grid's path (and, for the unplaced, by their area's path).</summary>
    Task<IReadOnlyDictionary<string, PopulationCount>> CountByLevelOneGridAsync(string areaPath, CancellationToken ct);

    /// <summary>Residents carrying a tag today under <paramref name="parentPath"/>, grouped like <see cref="CountByPathPrefixAsync"/>.</summary>
    Task<IReadOnlyDictionary<string, int>> CountTaggedByPathPrefixAsync(string parentPath, int keyLength, string tagCode, CancellationToken ct);

    Task<int> CountTaggedUnderAsync(string path, string tagCode, CancellationToken ct);

    Task<IReadOnlyList<GridOccupancy>> OccupancyByGridAsync(string areaPath, CancellationToken ct);

    Task<IReadOnlyList<UnplacedItem>> UnplacedAsync(string areaPath, int limit, CancellationToken ct);

    IAsyncEnumerable<LocatedHousehold> LocatedHouseholdsAsync(string areaPath, CancellationToken ct);

    Task<Page<HouseholdSummary>> HouseholdsOfGridAsync(int gridId, PageRequest page, CancellationToken ct);
}

/// <summary>Placing the population on grids, used when a grid is split.</summary>
public interface IPopulationPlacement
{
    /// <summary>Moves the given households (all of them on <paramref name="fromGridId"/>) to a level-3 grid.</summary>
    Task<int> MoveHouseholdsAsync(int fromGridId, IReadOnlyCollection<int> householdIds, int toGridId, string toPath, CancellationToken ct);
}

public sealed record TagRef(string Code, string Label);

/// <summary>Residents on the register who carry a tag today under a place.</summary>
public sealed record TagCount(string Code, string Label, int Residents);

/// <summary>The tags the caller may count by, labelled in the request's language.</summary>
public interface ITagDirectory
{
    Task<IReadOnlyList<TagCount>> CountUnderAsync(string path, CancellationToken ct) => Task.FromResult<IReadOnlyList<TagCount>>([]);

    Task<IReadOnlyList<TagRef>> CatalogueAsync(CancellationToken ct);

    /// <summary>
    /// Every tag of the catalogue by code and name, sensitive ones too, for a programme that selects
    /// people by them (training vouchers for disabled people, say): names only, never who carries them.
    /// </summary>
    Task<IReadOnlyList<TagRef>> NamesAsync(CancellationToken ct);
}
