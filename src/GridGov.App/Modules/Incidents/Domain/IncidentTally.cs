using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Incidents.Domain;

/// <summary>
/// How finely the tallies cut: by day for a whole county, which answers any period for a county or
/// more; by day for a township, which answers any period for it; by month for each community (a
/// second-level grid), which answers the whole months of a period for anything smaller.
/// </summary>
public enum TallyGrain
{
    CountyDay, CommunityMonth, TownshipDay,
    /// <summary>A county's months: a year of a city reads twelve rows per cell instead of 365.</summary>
    CountyMonth,
}

/// <summary>The figures of the incidents reported in one period in one place, of one category group under one lead department.</summary>
/// <remarks>Moved by the incidents' save hook when their incidents move (old share out, new share in).</remarks>
[MovedByItsModule]
public abstract class IncidentTallyRow : IScopedByPath
{
    public TallyGrain Grain { get; set; }
    /// <summary>The report's local date as yyyymmdd by day, yyyymm by month.</summary>
    public int Period { get; set; }
    /// <summary>The county's or township's path by day, the community's by month.</summary>
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

    public static bool IsMonthly(TallyGrain grain) => grain is TallyGrain.CommunityMonth or TallyGrain.CountyMonth;

    public static int PeriodOf(TallyGrain grain, DateOnly localDate) => IsMonthly(grain)
        ? Kernel.Tallies.TallyPeriod.Month(localDate)
        : Kernel.Tallies.TallyPeriod.Day(localDate);

    /// <summary>Where an incident on a grid, or a community's incidents, are tallied at a grain.</summary>
    public static string PlaceOf(TallyGrain grain, string path) => grain switch
    {
        TallyGrain.CountyDay or TallyGrain.CountyMonth => TreePath.CountyPath(path) ?? AreaPart(path),
        TallyGrain.TownshipDay => TreePath.TownshipPath(path) ?? AreaPart(path),
        _ => TreePath.GridDepth(path) == 3 ? TreePath.Parent(path)! : path,
    };

    private static string AreaPart(string path) => path[..^(TreePath.GridDepth(path) * TreePath.GridSegmentLength)];
}

/// <summary>
/// One row of the tallies: the metrics of a city's year add up thousands of these instead of
/// counting a million incidents.
/// </summary>
public sealed class IncidentTally : IncidentTallyRow;

/// <summary>
/// What one save changed in a tally row, written with the save itself. Saves only ever add these,
/// so that steps on incidents of one place and kind never wait on each other for a shared row;
/// they are folded into <see cref="IncidentTally"/> every few seconds, and read with it until then.
/// </summary>
public sealed class IncidentTallyChange : IncidentTallyRow
{
    public long Id { get; set; }
}
