using GridGov.Modules.Incidents.Contracts;
using GridGov.Data;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Security;
using GridGov.Modules.Incidents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GridGov.Modules.Incidents.Application;

/// <summary>Delivers a notice beyond the in-app inbox; an SMS gateway plugs in here.</summary>
public interface INoticeSender
{
    Task SendAsync(Notice notice, CancellationToken ct);
}

/// <summary>The sender used until a gateway is configured: it writes each notice to the log.</summary>
public sealed class LoggingNoticeSender(ILogger<LoggingNoticeSender> log) : INoticeSender
{
    public Task SendAsync(Notice notice, CancellationToken ct)
    {
        log.LogInformation("Notice {Kind} about incident {Number} to {Audience}", notice.Kind, notice.IncidentNumber, notice.Audience);
        return Task.CompletedTask;
    }
}

public sealed record NoticeView(long Id, string Kind, int IncidentId, string IncidentNumber, DateTime At, bool IsRead);

/// <summary>
/// In-app notices about incidents, addressed to whoever must act next: the centre at the
/// incident's level, the departments on it, or its grid. Written in the step's transaction and
/// handed to the <see cref="INoticeSender"/> after it commits.
/// </summary>
public sealed class Notices(GridGovDbContext db, CurrentUser user, INoticeSender sender, TimeProvider clock)
{
    private readonly List<Notice> _pending = [];

    public static string Centre(Incident i) => "centre:" + IncidentActors.DeskPath(i.Path, i.Level);
    public static string Grid(Incident i) => "grid:" + i.Path;
    public static string Department(string code) => "dept:" + code;

    public void Add(Incident incident, string kind, params string[] audiences)
    {
        foreach (var audience in audiences.Distinct())
        {
            var notice = new Notice(audience, kind, incident.Id, incident.Number, incident.Path, clock.GetUtcNow().UtcDateTime);
            db.Add(notice);
            _pending.Add(notice);
        }
    }

    /// <summary>Who hears of a step: the next to act.</summary>
    public void After(Incident incident, IncidentAction action)
    {
        var departments = incident.Assignments.Where(a => a.IsActive).Select(a => Department(a.DepartmentCode)).ToArray();
        var lead = incident.LeadDepartment is { } l ? new[] { Department(l) } : [];
        switch (action)
        {
            case IncidentAction.Dispatch or IncidentAction.Reassign: Add(incident, "dispatched", departments); break;
            case IncidentAction.SendBack: Add(incident, "sent_back", Centre(incident)); break;
            case IncidentAction.Finish: Add(incident, "to_verify", Grid(incident)); break;
            case IncidentAction.VerifyFail: Add(incident, "rework", lead); break;
            case IncidentAction.RequestExtension: Add(incident, "extension_requested", Centre(incident)); break;
            case IncidentAction.ApproveExtension or IncidentAction.DenyExtension: Add(incident, "extension_decided", lead); break;
            case IncidentAction.Escalate: Add(incident, "escalated", Centre(incident)); break;
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

    public async Task SendPendingAsync(CancellationToken ct)
    {
        foreach (var notice in _pending) await sender.SendAsync(notice, ct);
        _pending.Clear();
    }

    private IReadOnlyList<string> MyAudiences()
    {
        var audiences = new List<string>();
        if (user.Has(IncidentPermissions.Dispatch) && user.CapturePath is { } centre) audiences.Add("centre:" + centre);
        if (user.Has(IncidentPermissions.Verify) && user.CapturePath is { } grid) audiences.Add("grid:" + grid);
        if (user.Has(IncidentPermissions.Handle) && user.DepartmentCode is { } d) audiences.Add(Department(d));
        return audiences;
    }

    public async Task<Page<NoticeView>> InboxAsync(PageRequest page, CancellationToken ct)
    {
        var audiences = MyAudiences();
        var query = db.Set<Notice>().AsNoTracking().Where(n => audiences.Contains(n.Audience));
        return await query.OrderByDescending(n => n.Id)
            .Select(n => new NoticeView(n.Id, n.Kind, n.IncidentId, n.IncidentNumber, n.At, n.ReadAt != null)).ToPageAsync(page, ct);
    }

    public async Task MarkReadAsync(long id, CancellationToken ct)
    {
        var audiences = MyAudiences();
        var notice = await db.Set<Notice>().FirstOrDefaultAsync(n => n.Id == id && audiences.Contains(n.Audience), ct)
            ?? throw new Kernel.Errors.NotFoundException("notice_not_found");
        notice.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }
}
