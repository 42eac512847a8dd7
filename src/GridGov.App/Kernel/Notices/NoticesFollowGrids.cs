using GridGov.Data;
using GridGov.Kernel.Scoping;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Kernel.Notices;

/// <summary>
/// Notices follow their subject's grid, and audiences named by a place ("grid:PATH",
/// "centre:PATH", any "kind:PATH") follow the place, whichever module wrote them.
/// </summary>
internal sealed class NoticesFollowGrids(GridGovDbContext db) : IGridChangeFollower
{
    public Task FollowMoveAsync(string oldPath, string newPath, CancellationToken ct) =>
        MoveAsync(n => n.Path.StartsWith(oldPath), oldPath, newPath, subtree: true, ct);

    public Task FollowMergeAsync(GridMerge merge, CancellationToken ct) =>
        MoveAsync(n => n.Path == merge.FromPath, merge.FromPath, merge.IntoPath, subtree: false, ct);

    private async Task MoveAsync(System.Linq.Expressions.Expression<Func<Notice, bool>> which, string oldPath, string newPath, bool subtree, CancellationToken ct)
    {
        var cut = oldPath.Length;
        var all = db.Set<Notice>();
        await all.Where(which).ExecuteUpdateAsync(s => s.SetProperty(n => n.Path, n => newPath + n.Path.Substring(cut)), ct);
        // One statement per kind of place-named audience ("grid:", "centre:", a module's own), not per audience.
        var named = ":" + oldPath;
        var kinds = await all.Where(n => n.Audience.Contains(named))
            .Select(n => n.Audience.Substring(0, n.Audience.IndexOf(":") + 1)).Distinct().ToListAsync(ct);
        foreach (var kind in kinds)
        {
            var old = kind + oldPath;
            var start = old.Length;
            var moved = subtree ? all.Where(n => n.Audience.StartsWith(old)) : all.Where(n => n.Audience == old);
            await moved.ExecuteUpdateAsync(s => s.SetProperty(n => n.Audience, n => kind + newPath + n.Audience.Substring(start)), ct);
        }
    }
}
