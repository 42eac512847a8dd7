namespace GridGov.Kernel.Security;

public enum Permission
{
    TerritoryView,
    TerritoryManage,
    CoverageView,
    PeopleView,
    /// <summary>Register, edit, move and deregister people; decide duplicate reviews.</summary>
    PeopleManage,
    /// <summary>See a full ID number or phone, each time recorded.</summary>
    PeopleReveal,
    /// <summary>See and attach tags marked sensitive (special populations).</summary>
    SensitiveTags,
    UsersView,
    UsersManage,
    AuditView,
    /// <summary>Verify the hash chain of the audit records.</summary>
    AuditVerify,
    SystemSettings,
    /// <summary>See incidents within the view scope, their timelines and metrics.</summary>
    IncidentView,
    /// <summary>Report an incident, or register one that came by hotline or in person.</summary>
    IncidentReport,
    /// <summary>Accept, reject, dispatch, escalate and reopen incidents at one's own level (受理、派遣).</summary>
    IncidentDispatch,
    /// <summary>Acknowledge and handle incidents dispatched to one's department; sees only those.</summary>
    IncidentHandle,
    /// <summary>Verify handled incidents on site and resolve small matters on one's grid.</summary>
    IncidentVerify,
    /// <summary>Edit the routing rules of one's own area (a county's own rule beats the default).</summary>
    IncidentConfigure,
    /// <summary>
    /// Change reference data every county shares (the incident category catalogue, the tag
    /// catalogue): only the role that owns it, never one county for all thirteen.
    /// </summary>
    SharedReferenceData,
}
