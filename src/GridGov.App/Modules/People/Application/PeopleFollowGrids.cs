using GridGov.Data;
using GridGov.Kernel.Scoping;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

/// <summary>
/// The ledger's share of a grid merge: households with their members and tags, buildings and key
/// places move onto the target grid through their domain. A move needs nothing more than the
/// generic path rewrite, the population rollup of a level-1 grid it leaves, and the tag tallies' county and township rows. A grid that still holds any of them may not retire.
/// </summary>
internal sealed class PeopleFollowGrids(GridGovDbContext db, PopulationPlacement placement) : IGridChangeFollower
{
    public async Task FollowMoveAsync(string oldPath, string newPath, CancellationToken ct)
    {
        await PopulationTallies.FollowMoveAsync(db, oldPath, newPath, ct);
        await TagTallies.FollowMoveAsync(db, oldPath, newPath, ct);
    }

    public async Task FollowMergeAsync(GridMerge merge, CancellationToken ct)
    {
        var households = await db.Set<Household>().Where(h => h.GridId == merge.FromGridId && h.IsActive).ToListAsync(ct);
        var buildings = await db.Set<Building>().Where(b => b.GridId == merge.FromGridId).ToListAsync(ct);
        var target = Placement.OnGrid(merge.IntoGridId, merge.IntoPath);
        foreach (var place in await db.Set<KeyPlace>().Where(k => k.GridId == merge.FromGridId).ToListAsync(ct))
            place.MoveTo(target);
        await placement.MoveAsync(households, buildings, merge.IntoGridId, merge.IntoPath, ct);
    }

    public async Task<IReadOnlyList<string>> HeldOnGridAsync(int gridId, CancellationToken ct)
    {
        var held = new List<string>();
        // Counted whatever the caller's view: a grid that holds anything anywhere must not retire.
        if (await db.Set<Household>().OutsideScope("a grid that holds anything anywhere must not retire").AnyAsync(h => h.GridId == gridId && h.IsActive, ct)) held.Add("households");
        if (await db.Set<Building>().OutsideScope("a grid that holds anything anywhere must not retire").AnyAsync(b => b.GridId == gridId, ct)) held.Add("buildings");
        if (await db.Set<KeyPlace>().OutsideScope("a grid that holds anything anywhere must not retire").AnyAsync(k => k.GridId == gridId, ct)) held.Add("key_places");
        return held;
    }
}
