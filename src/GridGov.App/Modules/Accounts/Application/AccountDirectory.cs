using GridGov.Data;
using GridGov.Modules.Accounts.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Accounts.Application;

internal sealed class AccountDirectory(GridGovDbContext db) : IAccountDirectory
{
    public async Task RebaseAsync(string oldPrefix, string newPrefix, CancellationToken ct)
    {
        var cut = oldPrefix.Length;
        await db.Users.Where(u => u.CaptureScopePath!.StartsWith(oldPrefix))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CaptureScopePath, u => newPrefix + u.CaptureScopePath!.Substring(cut)), ct);
        await db.Users.Where(u => u.ViewScopePath!.StartsWith(oldPrefix))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ViewScopePath, u => newPrefix + u.ViewScopePath!.Substring(cut)), ct);
    }

    public Task<string?> FindUserIdAsync(string userName, CancellationToken ct) =>
        db.Users.Where(u => u.NormalizedUserName == userName.ToUpperInvariant()).Select(u => u.Id).FirstOrDefaultAsync(ct);
}
