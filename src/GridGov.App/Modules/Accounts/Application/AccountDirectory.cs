using GridGov.Data;
using GridGov.Modules.Accounts.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Accounts.Application;

internal sealed class AccountDirectory(GridGovDbContext db) : IAccountDirectory
{
    public Task<string?> FindUserIdAsync(string userName, CancellationToken ct) =>
        db.Users.Where(u => u.NormalizedUserName == userName.ToUpperInvariant()).Select(u => u.Id).FirstOrDefaultAsync(ct);

    public Task<bool> HoldsRoleAsync(string userName, string role, CancellationToken ct) =>
        db.Users.Where(u => u.NormalizedUserName == userName.ToUpperInvariant())
            .Join(db.UserRoles, u => u.Id, ur => ur.UserId, (_, ur) => ur.RoleId)
            .Join(db.Roles, id => id, r => r.Id, (_, r) => r.Name).AnyAsync(name => name == role, ct);
}
