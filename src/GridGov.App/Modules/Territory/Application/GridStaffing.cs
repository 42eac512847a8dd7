using GridGov.Kernel.Privacy;
using GridGov.Modules.Territory.Contracts;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using GridGov.Modules.Accounts.Contracts;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Territory.Application;

public sealed record AssignStaff(GridRole Role, string Name, string? Phone, string? UserName);

public sealed record StaffView(int Id, GridRole Role, string Name, Masked MaskedPhone, string? UserId, DateOnly StartedOn, DateOnly? EndedOn);

public sealed record PartyOrganizationView(int Id, PartyOrganizationKind Kind, string Name, string? SecretaryName);

/// <summary>Grid leaders, grid workers, building heads and volunteers, and the party organisation on a grid.</summary>
public sealed class GridStaffing(GridGovDbContext db, CurrentUser user, GridLifecycle lifecycle, IAccountDirectory accounts)
{
    public async Task<IReadOnlyList<StaffView>> StaffAsync(string code, bool includeEnded, CancellationToken ct)
    {
        user.Require(TerritoryPermissions.View);
        var grid = await db.GridAsync(code, ct);
        return await db.Set<GridAssignment>().Where(a => a.GridId == grid.Id && (includeEnded || a.EndedOn == null))
            .OrderBy(a => a.Role).ThenBy(a => a.Id)
            .Select(a => new StaffView(a.Id, a.Role, a.Name, Masked.Phone(a.Phone), a.UserId, a.StartedOn, a.EndedOn)).ToListAsync(ct);
    }

    public async Task<StaffView> AssignAsync(string code, AssignStaff input, CancellationToken ct)
    {
        user.Require(TerritoryPermissions.Manage);
        var grid = await db.GridToChangeAsync(code, ct);
        string? userId = null;
        if (!string.IsNullOrWhiteSpace(input.UserName))
        {
            userId = await accounts.FindUserIdAsync(input.UserName, ct)
                ?? throw new ValidationException("userName", "unknown_user");
        }
        var hasLeader = await db.Set<GridAssignment>().AnyAsync(a => a.GridId == grid.Id && a.EndedOn == null && a.Role == GridRole.GridLeader, ct);
        var assignment = GridAssignment.Assign(grid, input.Role, input.Name, input.Phone, userId, lifecycle.Today, hasLeader);
        db.Add(assignment);
        await db.SaveChangesAsync(ct);
        return new StaffView(assignment.Id, assignment.Role, assignment.Name, Masked.Phone(assignment.Phone), assignment.UserId, assignment.StartedOn, null);
    }

    public async Task EndAsync(string code, int assignmentId, CancellationToken ct)
    {
        user.Require(TerritoryPermissions.Manage);
        var grid = await db.GridToChangeAsync(code, ct);
        var assignment = await db.Set<GridAssignment>().FirstOrDefaultAsync(a => a.Id == assignmentId && a.GridId == grid.Id, ct)
            ?? throw new NotFoundException("assignment_not_found", assignmentId);
        assignment.End(lifecycle.Today);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<PartyOrganizationView>> PartyAsync(string code, CancellationToken ct)
    {
        user.Require(TerritoryPermissions.View);
        var grid = await db.GridAsync(code, ct);
        return await db.Set<PartyOrganization>().Where(p => p.GridId == grid.Id)
            .Select(p => new PartyOrganizationView(p.Id, p.Kind, p.Name, p.SecretaryName)).ToListAsync(ct);
    }

    public async Task<PartyOrganizationView> AttachPartyAsync(string code, PartyOrganizationKind kind, string name, string? secretary, CancellationToken ct)
    {
        user.Require(TerritoryPermissions.Manage);
        var grid = await db.GridToChangeAsync(code, ct);
        var existing = await db.Set<PartyOrganization>().Where(p => p.GridId == grid.Id).Select(p => p.Kind).ToListAsync(ct);
        var org = PartyOrganization.Attach(grid, kind, name, secretary, existing);
        db.Add(org);
        await db.SaveChangesAsync(ct);
        return new PartyOrganizationView(org.Id, org.Kind, org.Name, org.SecretaryName);
    }
}
