using GridGov.Data;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Security;
using GridGov.Modules.FieldWork.Contracts;
using GridGov.Modules.FieldWork.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.FieldWork.Application;

public sealed record DeskCampaign(int Id, string Name, CoverageFigure Coverage);

public sealed record DeskView(int Overdue, int ChecksMissing, int Proposals, int ServicesOpen, IReadOnlyList<DeskCampaign> Campaigns);

/// <summary>What community and township staff watch over: overdue visits, missing checks, proposals to decide, open services, running campaigns.</summary>
public sealed class FieldDesk(GridGovDbContext db, CurrentUser user, VisitBook visits, WatchBook watches, CampaignCoverageReader coverage)
{
    public async Task<DeskView> ReadAsync(CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        var one = PageRequest.Of(1, 1);
        var overdue = (await visits.PlansAsync(new PlanQuery(PlanList.All, Overdue: true), one, ct)).Total;
        var missing = (await watches.ListAsync(activeOnly: true, missingToday: true, one, ct)).Total;
        var proposals = await db.Set<MoveProposal>().CountAsync(p => p.State == ProposalState.Proposed, ct);
        var services = await db.Set<ServiceRequest>().CountAsync(s => s.State == ServiceState.Open || s.State == ServiceState.Taken, ct);
        var running = await db.Set<Campaign>().AsNoTracking().Where(c => c.State == CampaignState.Running).OrderByDescending(c => c.Id).Take(5)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var campaigns = new List<DeskCampaign>();
        foreach (var c in running)
        {
            var total = (await coverage.CoverageAsync(c.Id, null, ct)).Total;
            campaigns.Add(new DeskCampaign(c.Id, c.Name, new CoverageFigure(total.Done, total.Target)));
        }
        return new DeskView(overdue, missing, proposals, services, campaigns);
    }
}
