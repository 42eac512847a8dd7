using GridGov.Kernel.Time;
using GridGov.Data;
using GridGov.Kernel.Hosting;
using GridGov.Kernel.Security;
using GridGov.Modules.Incidents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GridGov.Modules.Incidents.Application;

public sealed record SweepResult(int MarkedOverdue, int Escalated);

/// <summary>
/// One pass of the deadline watch, for the system: flags every step whose deadline has passed,
/// tells whoever must act, and hands an incident to the next level's centre once it has been
/// overdue for <c>Incidents:EscalateAfterHours</c> (24 by default) without moving.
/// </summary>
public sealed class DeadlineSweep(GridGovDbContext db, CurrentUser user, RoutingTable routes, HolidayCalendar days, IncidentNotices notices, IConfiguration config)
    : IDeadlineSweep
{
    public async Task<string?> SweepAsync(DateTime now, CancellationToken ct)
    {
        var result = await RunAsync(now, ct);
        return result.MarkedOverdue + result.Escalated > 0 ? $"{result.MarkedOverdue} incidents overdue, {result.Escalated} escalated" : null;
    }

    private const int Batch = 200;

    public async Task<SweepResult> RunAsync(DateTime now, CancellationToken ct)
    {
        if (user.UserId != "system") throw new InvalidOperationException("the deadline sweep acts for the system");
        var open = new[] { IncidentState.Reported, IncidentState.Accepted, IncidentState.Dispatched, IncidentState.Handling, IncidentState.Handled };
        int marked = 0, escalated = 0;
        while (true)
        {
            var due = await db.Set<Incident>().Include(i => i.Assignments)
                .Where(i => !i.IsOverdue && i.StepDueAt < now && open.Contains(i.State)).OrderBy(i => i.StepDueAt).Take(Batch).ToListAsync(ct);
            if (due.Count == 0) break;
            foreach (var incident in due)
            {
                incident.MarkOverdue(now);
                notices.After(incident, IncidentAction.MarkOverdue);
                marked++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        var after = now.AddHours(-config.GetValue("Incidents:EscalateAfterHours", 24));
        var escalatable = new[] { IncidentState.Reported, IncidentState.Accepted, IncidentState.Dispatched, IncidentState.Handling };
        var calendar = await days.CalendarAsync(ct);
        while (true)
        {
            var stale = await db.Set<Incident>().Include(i => i.Assignments)
                .Where(i => i.IsOverdue && i.StepDueAt < after && i.Level != HandlingLevel.County && escalatable.Contains(i.State))
                .OrderBy(i => i.StepDueAt).Take(Batch).ToListAsync(ct);
            if (stale.Count == 0) break;
            foreach (var incident in stale)
            {
                var rule = await routes.ResolveAsync(incident.CategoryCode, incident.Path, ct);
                incident.Escalate([Actor.System], "system", now, "overdue", calendar.DueAt(now, rule.Limits.Accept));
                notices.After(incident, IncidentAction.Escalate);
                db.Entry(incident).State = EntityState.Modified;
                escalated++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await notices.SendPendingAsync(ct);
        return new SweepResult(marked, escalated);
    }
}
