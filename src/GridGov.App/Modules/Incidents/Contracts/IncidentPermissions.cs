using GridGov.Kernel.Security;

namespace GridGov.Modules.Incidents.Contracts;

public static class IncidentPermissions
{
    /// <summary>See incidents within the view scope, their timelines and metrics.</summary>
    public static readonly Permission View = new("IncidentView");
    /// <summary>Report an incident, or register one that came by hotline or in person.</summary>
    public static readonly Permission Report = new("IncidentReport");
    /// <summary>Accept, reject, dispatch, escalate and reopen incidents at one's own level (受理、派遣).</summary>
    public static readonly Permission Dispatch = new("IncidentDispatch");
    /// <summary>Acknowledge and handle incidents dispatched to one's department; sees only those.</summary>
    public static readonly Permission Handle = new("IncidentHandle");
    /// <summary>Verify handled incidents on site and resolve small matters on one's grid.</summary>
    public static readonly Permission Verify = new("IncidentVerify");
    /// <summary>Edit the routing rules of one's own area (a county's own rule beats the default).</summary>
    public static readonly Permission Configure = new("IncidentConfigure");

    /// <summary>
    /// For a user who handles incidents for a department and may not otherwise see them, the
    /// department whose incidents alone they see ("" when they have none); null for everyone else.
    /// </summary>
    public static string? DepartmentScopeOf(CurrentUser user) =>
        user.Has(Handle) && !user.Has(View) ? user.DepartmentCode ?? "" : null;
}
