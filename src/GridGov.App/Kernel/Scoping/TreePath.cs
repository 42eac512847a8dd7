namespace GridGov.Kernel.Scoping;

/// <summary>
/// Ancestor paths: the codes from the root down to a node, each followed by '/'. Administrative
/// areas use their 12-digit statistical code and grids their 17-character code, so all the
/// children of a node of one kind share one path length and counts can group on a prefix.
/// </summary>
public static class TreePath
{
    public const int AreaSegmentLength = 13;
    public const int GridSegmentLength = 18;

    public static string Child(string? parentPath, string code) => (parentPath ?? "") + code + "/";

    public static bool IsWithin(string path, string? scopePath) =>
        scopePath is not null && path.StartsWith(scopePath, StringComparison.Ordinal);

    /// <summary>The codes on a path, root first.</summary>
    public static string[] Codes(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>How many grid levels a path goes down: 0 for an administrative area, 3 for a third-level grid.</summary>
    public static int GridDepth(string path) => Codes(path).Count(c => c.Length == GridSegmentLength - 1);

    /// <summary>
    /// The path down to its county-level area (区县: a statistical code with a county part and
    /// nothing below it), or null when the path stops above any county.
    /// </summary>
    public static string? CountyPath(string path) =>
        PathTo(path, code => code.Length == AreaSegmentLength - 1 && code[4..6] != "00" && code[6..] == "000000");

    private static string? PathTo(string path, Func<string, bool> isLevel)
    {
        var length = 0;
        foreach (var code in Codes(path))
        {
            length += code.Length + 1;
            if (isLevel(code)) return path[..length];
        }
        return null;
    }

    /// <summary>The path down to its township-level area (乡镇街道), or null when the path stops above one.</summary>
    public static string? TownshipPath(string path) =>
        PathTo(path, code => code.Length == AreaSegmentLength - 1 && code[6..9] != "000" && code[9..] == "000");

    /// <summary>The deepest node both paths lie under ("" when they share no root).</summary>
    public static string CommonAncestor(string a, string b)
    {
        var length = 0;
        var codesA = Codes(a);
        var codesB = Codes(b);
        for (var i = 0; i < Math.Min(codesA.Length, codesB.Length) && codesA[i] == codesB[i]; i++) length += codesA[i].Length + 1;
        return a[..length];
    }

    /// <summary>The path down to the deepest administrative area on it (a grid's community), "" when it holds none.</summary>
    public static string AreaPath(string path)
    {
        var length = 0;
        foreach (var code in Codes(path))
        {
            if (code.Length != AreaSegmentLength - 1) break;
            length += code.Length + 1;
        }
        return path[..length];
    }

    public static string? Parent(string path)
    {
        var trimmed = path.TrimEnd('/');
        var cut = trimmed.LastIndexOf('/');
        return cut < 0 ? null : trimmed[..(cut + 1)];
    }
}
