using GridGov.Kernel.Notices;
using GridGov.Kernel.Security;
using GridGov.Modules.Incidents.Contracts;
using GridGov.Modules.Incidents.Domain;

namespace GridGov.Modules.Incidents.Application;

/// <summary>
/// Who hears of an incident's step: whoever must act next — the centre at the incident's level,
/// the departments on it, or its grid. Written on the Kernel's <see cref="NoticeBoard"/> in the
/// step's unit of work.
/// </summary>
public sealed class IncidentNotices(NoticeBoard board, CurrentUser user)
{
    public const string SubjectType = "incident";

    public static string Centre(Incident i) => "centre:" + IncidentActors.DeskPath(i.Path, i.Level);
    public static string Grid(Incident i) => "grid:" + i.Path;
    public static string Department(string code) => "dept:" + code;
    /// <summary>Whoever reported it, by login name: they hear when it is refused, returned or closed.</summary>
    public static string Reporter(Incident i) => "reporter:" + i.ReportedBy;

    public static NoticeSubject SubjectOf(Incident i) => new(SubjectType, i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Number, i.Path, $"/incidents/{i.Id}");

    /// <summary>Tells the audiences, never the one who took the step of their own step.</summary>
    public void Add(Incident incident, string kind, params string[] audiences) =>
        board.Add(SubjectOf(incident), kind, audiences.Where(a => a != "reporter:" + user.UserName));

    public void After(Incident incident, IncidentAction action)
    {
        var departments = incident.Assignments.Where(a => a.IsActive).Select(a => Department(a.DepartmentCode)).ToArray();
        var lead = incident.LeadDepartment is { } l ? new[] { Department(l) } : [];
        switch (action)
        {
            case IncidentAction.Reject: Add(incident, "rejected", Reporter(incident)); break;
            case IncidentAction.Dispatch or IncidentAction.Reassign: Add(incident, "dispatched", departments); break;
            case IncidentAction.SendBack: Add(incident, "sent_back", Centre(incident), Reporter(incident)); break;
            case IncidentAction.VerifyPass: Add(incident, "closed", Reporter(incident)); break;
            case IncidentAction.Finish: Add(incident, "to_verify", Grid(incident)); break;
            case IncidentAction.VerifyFail: Add(incident, "rework", lead); break;
            case IncidentAction.RequestExtension: Add(incident, "extension_requested", Centre(incident)); break;
            case IncidentAction.ApproveExtension or IncidentAction.DenyExtension: Add(incident, "extension_decided", lead); break;
            case IncidentAction.Escalate: Add(incident, "escalated", Centre(incident)); break;
            case IncidentAction.Urge: Add(incident, "urged", incident.State == IncidentState.Handled ? [Grid(incident)] : departments); break;
            case IncidentAction.MergeInto: Add(incident, "merged", Reporter(incident)); break;
            case IncidentAction.Reopen: Add(incident, "reopened", Centre(incident)); break;
            case IncidentAction.MarkOverdue:
                Add(incident, "overdue", incident.State switch
                {
                    IncidentState.Dispatched or IncidentState.Handling => [.. lead, Centre(incident)],
                    IncidentState.Handled => [Grid(incident)],
                    _ => [Centre(incident)],
                });
                break;
        }
    }

    public Task SendPendingAsync(CancellationToken ct) => board.SendPendingAsync(ct);

    public void DiscardPending() => board.DiscardPending();
}

/// <summary>The incident audiences a user answers to: their centre, their grid, their department.</summary>
internal sealed class IncidentAudiences : INoticeAudiences
{
    public IEnumerable<string> Of(CurrentUser user)
    {
        if (user.Has(IncidentPermissions.Dispatch) && user.CapturePath is { } centre) yield return "centre:" + centre;
        if (user.Has(IncidentPermissions.Verify) && user.CapturePath is { } grid) yield return "grid:" + grid;
        if (user.Has(IncidentPermissions.Handle) && user.DepartmentCode is { } d) yield return IncidentNotices.Department(d);
        if (user.Has(IncidentPermissions.Report)) yield return "reporter:" + user.UserName;
    }
}
