using GridGov.Data;
using GridGov.Kernel.Scoping;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Accounts.Application;

/// <summary>An account's scope follows its node when a grid moves: the capture and view paths are rewritten like any other.</summary>
internal sealed class AccountsFollowGrids(GridGovDbContext db) : IGridChangeFollower
{
    public async Task FollowMoveAsync(string oldPath, string newPath, CancellationToken ct)
    {
        var cut = oldPath.Length;
        await db.Users.Where(u => u.CaptureScopePath!.StartsWith(oldPath))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CaptureScopePath, u => newPath + u.CaptureScopePath!.Substring(cut)), ct);
        await db.Users.Where(u => u.ViewScopePath!.StartsWith(oldPath))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ViewScopePath, u => newPath + u.ViewScopePath!.Substring(cut)), ct);
    }
}
