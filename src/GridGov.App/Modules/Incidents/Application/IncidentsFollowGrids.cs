using GridGov.Data;
using GridGov.Kernel.Scoping;
using GridGov.Modules.Incidents.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Incidents.Application;

/// <summary>
/// Incidents follow their grid when it moves or merges, through the domain and one save, so their
/// tallies move with them (the save hook takes the old share out and puts the new one in) and the
/// change log records it; their notices' paths and audiences follow too.
/// </summary>
internal sealed class IncidentsFollowGrids(GridGovDbContext db) : IGridChangeFollower
{
    public async Task FollowMoveAsync(string oldPath, string newPath, CancellationToken ct)
    {
        foreach (var incident in await db.Set<Incident>().Where(i => i.Path.StartsWith(oldPath)).ToListAsync(ct))
            incident.FollowGrid(incident.GridId, newPath + incident.Path[oldPath.Length..]);
        await db.SaveChangesAsync(ct);
        await MoveNoticesAsync(n => n.Path.StartsWith(oldPath), oldPath, newPath, ct);
    }

    public async Task FollowMergeAsync(GridMerge merge, CancellationToken ct)
    {
        foreach (var incident in await db.Set<Incident>().Where(i => i.GridId == merge.FromGridId).ToListAsync(ct))
            incident.FollowGrid(merge.IntoGridId, merge.IntoPath);
        await db.SaveChangesAsync(ct);
        await MoveNoticesAsync(n => n.Path == merge.FromPath, merge.FromPath, merge.IntoPath, ct);
    }

    private async Task MoveNoticesAsync(System.Linq.Expressions.Expression<Func<Notice, bool>> which, string oldPath, string newPath, CancellationToken ct)
    {
        var cut = oldPath.Length;
        await db.Set<Notice>().Where(which)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Path, n => newPath + n.Path.Substring(cut)), ct);
        foreach (var kind in new[] { "grid:", "centre:" })
        {
            var old = kind + oldPath;
            var start = old.Length;
            await db.Set<Notice>().Where(n => n.Audience.StartsWith(old))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Audience, n => kind + newPath + n.Audience.Substring(start)), ct);
        }
    }

    public async Task<IReadOnlyList<string>> HeldOnGridAsync(int gridId, CancellationToken ct) =>
        await db.Set<Incident>().AnyAsync(i => i.GridId == gridId && i.State != IncidentState.Closed && i.State != IncidentState.Rejected, ct)
            ? ["open_incidents"] : [];
}
