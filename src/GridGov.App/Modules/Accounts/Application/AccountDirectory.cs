using GridGov.Data;
using GridGov.Modules.Accounts.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Accounts.Application;

internal sealed class AccountDirectory(GridGovDbContext db) : IAccountDirectory
{
    public Task<string?> FindUserIdAsync(string userName, CancellationToken ct) =>
        db.Users.Where(u => u.NormalizedUserName == userName.ToUpperInvariant()).Select(u => u.Id).FirstOrDefaultAsync(ct);
}
