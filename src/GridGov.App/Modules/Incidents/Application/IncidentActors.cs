using GridGov.Modules.Incidents.Contracts;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Modules.Incidents.Domain;

namespace GridGov.Modules.Incidents.Application;

/// <summary>Who the signed-in user is to one incident: dispatcher at its level, its grid's worker, a department on it.</summary>
public static class IncidentActors
{
    public static HandlingLevel LevelOf(string? scopePath)
    {
        var depth = TreePath.Codes(scopePath ?? "").Length;
        return depth switch { <= 3 => HandlingLevel.County, 4 => HandlingLevel.Township, 5 => HandlingLevel.Community, _ => HandlingLevel.Grid };
    }

    /// <summary>The desk that takes in incidents of a level: grid-level matters land with the community.</summary>
    public static HandlingLevel DeskOf(HandlingLevel level) => level == HandlingLevel.Grid ? HandlingLevel.Community : level;

    /// <summary>The path of the area whose centre works an incident at its level.</summary>
    public static string DeskPath(string incidentPath, HandlingLevel level)
    {
        var depth = DeskOf(level) switch { HandlingLevel.County => 3, HandlingLevel.Township => 4, _ => 5 };
        return string.Concat(TreePath.Codes(incidentPath).Take(depth).Select(c => c + "/"));
    }

    public static IReadOnlyList<Actor> Of(CurrentUser user, Incident incident)
    {
        var actors = new List<Actor>();
        if (user.Has(IncidentPermissions.Dispatch) && user.CanCapture(incident.Path) && LevelOf(user.CapturePath) >= DeskOf(incident.Level))
            actors.Add(Actor.Dispatcher);
        if (user.Has(IncidentPermissions.Verify) && user.CanCapture(incident.Path)) actors.Add(Actor.GridWorker);
        if (user.Has(IncidentPermissions.Handle) && user.DepartmentCode is { } department)
            foreach (var a in incident.Assignments.Where(a => a.IsActive && a.DepartmentCode == department))
                actors.Add(a.IsLead ? Actor.LeadDepartment : Actor.AssistingDepartment);
        return actors;
    }
}
