using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Incidents.Domain;

/// <summary>
/// The figures of the incidents reported in one local month in one community (a second-level
/// grid), of one category group under one lead department. Kept by a save hook as incidents move,
/// so that a year's metrics for a city add up a few thousand rows instead of counting a million.
/// </summary>
public sealed class IncidentTally : IScopedByPath
{
    /// <summary>The report's local month as yyyymm.</summary>
    public int Month { get; set; }
    /// <summary>The community's path: the incident's grid path less its last segment.</summary>
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

    public static int MonthOf(DateTime utc)
    {
        var local = WorkCalendar.LocalDate(utc);
        return local.Year * 100 + local.Month;
    }

    /// <summary>The community an incident's grid belongs to.</summary>
    public static string CommunityOf(string gridPath) => TreePath.Parent(gridPath) ?? gridPath;
}
