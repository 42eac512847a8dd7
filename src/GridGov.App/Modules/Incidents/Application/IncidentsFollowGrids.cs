using GridGov.Data;
using GridGov.Kernel.Scoping;
using GridGov.Modules.Incidents.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Incidents.Application;

/// <summary>
/// Incidents follow their grid when it moves or merges, through the domain and one save, so their
/// tallies move with them (the save hook takes the old share out and puts the new one in) and the
/// change log records it; their notices follow in the Kernel.
/// </summary>
internal sealed class IncidentsFollowGrids(GridGovDbContext db) : IGridChangeFollower
{
    public async Task FollowMoveAsync(string oldPath, string newPath, CancellationToken ct)
    {
        foreach (var incident in await db.Set<Incident>().Where(i => i.Path.StartsWith(oldPath)).ToListAsync(ct))
            incident.FollowGrid(incident.GridId, newPath + incident.Path[oldPath.Length..]);
        await db.SaveChangesAsync(ct);
    }

    public async Task FollowMergeAsync(GridMerge merge, CancellationToken ct)
    {
        foreach (var incident in await db.Set<Incident>().Where(i => i.GridId == merge.FromGridId).ToListAsync(ct))
            incident.FollowGrid(merge.IntoGridId, merge.IntoPath);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<string>> HeldOnGridAsync(int gridId, CancellationToken ct) =>
        await db.Set<Incident>().AnyAsync(i => i.GridId == gridId && i.State != IncidentState.Closed && i.State != IncidentState.Rejected && i.State != IncidentState.Merged, ct)
            ? ["open_incidents"] : [];
}
