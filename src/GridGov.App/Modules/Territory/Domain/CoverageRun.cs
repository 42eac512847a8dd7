namespace GridGov.Modules.Territory.Domain;

/// <summary>
/// The latest coverage check of one area: when, whether it passed, and how many problems of each
/// kind, so that a cockpit shows the coverage status without running the check on every view.
/// Each check of an area replaces its previous run. A check is a read, open to whoever may view
/// the area, so its record is kept outside the scope guard that protects what users change;
/// readers are held to their view where it is read.
/// </summary>
public sealed class CoverageRun
{
    private CoverageRun() { }

    public int Id { get; private set; }
    public string AreaCode { get; private set; } = "";
    public string AreaName { get; private set; } = "";
    /// <summary>The area's path: who may see the run (checked by the reader, <see cref="Application.CoverageRuns"/>).</summary>
    public string Path { get; private set; } = "";
    public DateTime CheckedAt { get; private set; }
    public int Grids { get; private set; }
    public int Households { get; private set; }
    public int Problems { get; private set; }
    /// <summary>The problems by kind, as JSON ({"AreaWithoutGrid": 11, …}); kinds with none are left out.</summary>
    public string ProblemsByKind { get; private set; } = "{}";

    public bool Passes => Problems == 0;

    public static CoverageRun Of(string areaCode, string areaName, string path, DateTime at, int grids, int households,
        IReadOnlyDictionary<string, int> problemsByKind) => new()
    {
        AreaCode = areaCode, AreaName = areaName, Path = path, CheckedAt = at, Grids = grids, Households = households,
        Problems = problemsByKind.Values.Sum(),
        ProblemsByKind = System.Text.Json.JsonSerializer.Serialize(problemsByKind.Where(p => p.Value > 0).ToDictionary(p => p.Key, p => p.Value)),
    };
}
