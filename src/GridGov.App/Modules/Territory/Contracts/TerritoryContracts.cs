namespace GridGov.Modules.Territory.Contracts;

public sealed record GridRef(int Id, string Code, string Name, int Level, string Path, bool IsRetired);

public sealed record AreaRef(int Id, string Code, string Name, int Level, string Path);

/// <summary>Looks up grids and areas for other modules, within the caller's view scope.</summary>
public interface ITerritoryDirectory
{
    Task<GridRef?> FindGridAsync(string code, CancellationToken ct);

    Task<GridRef?> FindGridAsync(int id, CancellationToken ct);

    /// <summary>Several grids by code in one query; codes unknown or out of view are absent.</summary>
    Task<IReadOnlyDictionary<string, GridRef>> FindGridsAsync(IReadOnlyCollection<string> codes, CancellationToken ct);

    /// <summary>The path of an area or grid code, or null when it is unknown or out of view.</summary>
    Task<string?> PathOfAsync(string code, CancellationToken ct);

    /// <summary>The open level-3 grid whose drawn boundary holds a point, among those the caller can see; null when none does.</summary>
    Task<GridRef?> FindGridAtAsync(double longitude, double latitude, CancellationToken ct);
}

/// <summary>A grid drawn on a map: its boundary as GeoJSON geometry text (WGS 84).</summary>
public sealed record GridShape(string Code, string Name, int Level, string Path, string BoundaryGeoJson);

/// <summary>A node of the tree as a drill-down lists it: an area, or a grid of a level.</summary>
public sealed record NodeRef(string Code, string Name, string Path, int GridLevel);

/// <summary>What a map or a ranking needs of the territory, within the caller's view.</summary>
public interface ITerritoryMap
{
    /// <summary>The open grids of one level under a place that have a drawn boundary.</summary>
    Task<IReadOnlyList<GridShape>> GridShapesAsync(string path, int level, CancellationToken ct);

    /// <summary>How many open grids of that level lie under the place, drawn or not.</summary>
    Task<int> GridCountAsync(string path, int level, CancellationToken ct);

    /// <summary>The open areas and grids one level below a place (a community's level-1 grids, a grid's children), in path order.</summary>
    Task<IReadOnlyList<NodeRef>> ChildrenAsync(string path, CancellationToken ct);

    /// <summary>The code and name of each area or grid path asked for; paths unknown or out of view are absent.</summary>
    Task<IReadOnlyDictionary<string, (string Code, string Name)>> NamesAsync(IReadOnlyCollection<string> paths, CancellationToken ct);
}

/// <summary>An area's latest coverage check, as kept: when, whether it passed, how many problems.</summary>
public sealed record CoverageStatus(string AreaCode, string AreaName, DateTime CheckedAt, bool Passes, int Problems, int Grids, int Households,
    IReadOnlyDictionary<string, int> ProblemsByKind, string Link);

/// <summary>The coverage status a cockpit shows, read from the kept runs, never by running the check.</summary>
public interface ICoverageStatus
{
    /// <summary>The latest run for the area, or null when it was never checked or the reader may not see coverage.</summary>
    Task<CoverageStatus?> LatestAsync(string areaCode, CancellationToken ct);
}
