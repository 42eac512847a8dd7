using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Incidents.Domain;

/// <summary>
/// How finely the tallies cut: by day for a whole county, which answers any period for a county or
/// more; by month for each community (a second-level grid), which answers the whole months of a
/// period for anything between.
/// </summary>
public enum TallyGrain { Day, Month }

/// <summary>
/// The figures of the incidents reported in one period in one place, of one category group under
/// one lead department. Kept by a save hook as incidents move, so that a year's metrics for a city
/// add up thousands of rows instead of counting a million.
/// </summary>
public sealed class IncidentTally : IScopedByPath
{
    public TallyGrain Grain { get; set; }
    /// <summary>The report's local date as yyyymmdd by day, yyyymm by month.</summary>
    public int Period { get; set; }
    /// <summary>The county's path by day, the community's by month.</summary>
    public string Path { get; set; } = "";
    public string CategoryGroup { get; set; } = "";
    /// <summary>The lead department, or empty before dispatch.</summary>
    public string LeadDepartmentCode { get; set; } = "";
    public int Reported { get; set; }
    public int Accepted { get; set; }
    public int Closed { get; set; }
    public int ClosedOnTime { get; set; }
    public int Rework { get; set; }
    public int Extended { get; set; }
    public int Escalations { get; set; }
    public int Escalated { get; set; }
    public int SelfResolved { get; set; }
    public int Overdue { get; set; }
    public long MinutesSum { get; set; }
    public int MinutesCount { get; set; }

    public static int PeriodOf(TallyGrain grain, DateOnly localDate) =>
        grain == TallyGrain.Day ? localDate.Year * 10000 + localDate.Month * 100 + localDate.Day : localDate.Year * 100 + localDate.Month;

    /// <summary>Where an incident on a grid is tallied at a grain.</summary>
    public static string PlaceOf(TallyGrain grain, string gridPath) => grain == TallyGrain.Day
        ? TreePath.CountyPath(gridPath) ?? gridPath[..^(TreePath.GridDepth(gridPath) * TreePath.GridSegmentLength)]
        : TreePath.Parent(gridPath) ?? gridPath;
}
