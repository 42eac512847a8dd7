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

/// <summary>
/// Households and residents per level-1 grid (and per area for the unplaced): the population
/// tallies rolled up, so that a city's sums and its map of level-1 grids add thousands of rows, not
/// every level-3 grid's. Kept beside <see cref="PopulationTally"/> by the same saves and loads.
/// </summary>
public sealed class PopulationRollup : IScopedByPath
{
    public string Path { get; private set; } = "";
    public int Households { get; private set; }
    public int Residents { get; private set; }

    /// <summary>The rollup a placement path counts in: the path down to its level-1 grid, or the path itself when it has no grid.</summary>
    public static string KeyOf(string path)
    {
        var length = 0;
        foreach (var code in TreePath.Codes(path))
        {
            length += code.Length + 1;
            if (code.Length == TreePath.GridSegmentLength - 1) return path[..length];
        }
        return path;
    }

    /// <summary>Whether sums under <paramref name="place"/> may be read from the rollups: an area or a level-1 grid, whose rollups all lie under it.</summary>
    public static bool Answers(string place) => TreePath.GridDepth(place) <= 1;
}

/// <summary>What one save changed in one rollup; filed upward, as a level-3 grid's save changes its level-1 grid's rollup.</summary>
public sealed class PopulationRollupChange : IFiledUpward
{
    public long Id { get; set; }
    public string Path { get; set; } = "";
    public int Households { get; set; }
    public int Residents { get; set; }
}
