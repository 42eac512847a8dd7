using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.FieldWork.Contracts;
using GridGov.Modules.FieldWork.Domain;
using GridGov.Modules.People.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.FieldWork.Application;

public sealed record ProposalView(int Id, int VisitId, int PersonId, string PersonName, string GridPath, string? Destination, DateOnly MovedOn,
    string ProposedBy, DateTime ProposedAt, ProposalState State, string? DecidedBy, DateTime? DecidedAt, string? DeclineReason);

/// <summary>Deregistrations a visit proposed: staff confirm them through the ledger's rules, or decline them.</summary>
public sealed class MoveProposals(GridGovDbContext db, CurrentUser user, TimeProvider clock, IProgrammeLedger ledger)
{
    public async Task<Page<ProposalView>> ListAsync(ProposalState state, PageRequest page, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        return await db.Set<MoveProposal>().AsNoTracking().Where(p => p.State == state).OrderBy(p => p.ProposedAt).ThenBy(p => p.Id)
            .ToPageAsync(page, View, ct);
    }

    public async Task<ProposalView> DecideAsync(int id, bool confirm, string? reason, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.Review);
        var proposal = await db.Set<MoveProposal>().ForChangeAsync(p => p.Id == id, user, "proposal_not_found", id, ct);
        var now = clock.UtcNow();
        await using var tx = await OwnTransaction.BeginAsync(db.Database, ct);
        if (confirm)
        {
            proposal.Confirm(user.UserName, now);
            await db.SaveChangesAsync(ct);
            await ledger.DeregisterMovedAwayAsync(proposal.PersonId, proposal.MovedOn, proposal.Destination, ct);
        }
        else
        {
            proposal.Decline(user.UserName, now, reason ?? "");
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return View(proposal);
    }

    private static ProposalView View(MoveProposal p) => new(p.Id, p.VisitId, p.PersonId, p.PersonName, p.Path, p.Destination, p.MovedOn, p.ProposedBy,
        p.ProposedAt, p.State, p.DecidedBy, p.DecidedAt, p.DeclineReason);
}
