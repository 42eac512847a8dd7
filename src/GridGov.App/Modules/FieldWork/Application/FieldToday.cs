using GridGov.Data;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.FieldWork.Contracts;
using GridGov.Modules.FieldWork.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.FieldWork.Application;

public sealed record CampaignPending(int CampaignId, string Name, int Pending, int NotAtHome, DateOnly To);

/// <summary>A grid worker's day, each list short and each line one tap from its form.</summary>
public sealed record TodayView(DateOnly Today, int VisitsDue, int VisitsOverdue, IReadOnlyList<PlanView> Visits, IReadOnlyList<CampaignPending> Campaigns,
    int ChecksMissing, IReadOnlyList<WatchView> Checks, int ServicesOpen, IReadOnlyList<ServiceView> Services);

/// <summary>What is due today on the caller's own grid: visits (this week's, overdue first), campaign lists, watch checks, services.</summary>
public sealed class FieldToday(GridGovDbContext db, CurrentUser user, TimeProvider clock, VisitBook visits, WatchBook watches, ServiceBook services)
{
    public const int Lines = 20;

    public async Task<TodayView> ReadAsync(CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        var today = clock.Today();
        var lines = PageRequest.Of(1, Lines);
        var due = await visits.PlansAsync(new PlanQuery(PlanList.Mine, DueBy: VisitBook.WeekEnd(today)), lines, ct);
        var overdue = await visits.PlansAsync(new PlanQuery(PlanList.Mine, Overdue: true), PageRequest.Of(1, 1), ct);
        var checks = await watches.ListAsync(activeOnly: true, missingToday: true, lines, ct);
        var open = await services.ListAsync(null, null, mine: true, null, lines, ct);
        var capture = user.CapturePath ?? "\u0000";
        var campaigns = await db.Set<Campaign>().AsNoTracking().Where(c => c.State == CampaignState.Running)
            .Select(c => new
            {
                c.Id, c.Name, c.To,
                Pending = db.Set<CampaignCoverage>().Where(r => r.CampaignId == c.Id && !r.IsRollup && r.Path.StartsWith(capture)).Sum(r => (int?)r.Pending) ?? 0,
                NotAtHome = db.Set<CampaignCoverage>().Where(r => r.CampaignId == c.Id && !r.IsRollup && r.Path.StartsWith(capture)).Sum(r => (int?)r.NotAtHome) ?? 0,
            })
            .Where(c => c.Pending + c.NotAtHome > 0).OrderBy(c => c.To).Take(Lines).ToListAsync(ct);
        return new TodayView(today, due.Total, overdue.Total, due.Items,
            campaigns.Select(c => new CampaignPending(c.Id, c.Name, c.Pending, c.NotAtHome, c.To)).ToList(),
            checks.Total, checks.Items, open.Total, open.Items);
    }
}
