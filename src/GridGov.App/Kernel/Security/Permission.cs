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
    /// <summary>Define tags in the catalogue.</summary>
    TagCatalogue,
    UsersView,
    UsersManage,
    AuditView,
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
    /// <summary>Edit the category catalogue, the routing table, departments and the holiday calendar.</summary>
    IncidentConfigure,
}
