using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

internal sealed class PopulationPlacement(GridGovDbContext db) : IPopulationPlacement
{
    public async Task RebaseAsync(string oldPrefix, string newPrefix, CancellationToken ct)
    {
        await db.Set<Building>().RebaseAsync(oldPrefix, newPrefix, ct);
        await db.Set<Household>().RebaseAsync(oldPrefix, newPrefix, ct);
        await db.Set<Person>().RebaseAsync(oldPrefix, newPrefix, ct);
        await db.Set<PopulationTally>().RebaseAsync(oldPrefix, newPrefix, ct);
        await db.Set<PersonTag>().RebaseAsync(oldPrefix, newPrefix, ct);
    }

    public async Task<bool> AnyOnGridAsync(int gridId, CancellationToken ct) =>
        await db.Set<Household>().IgnoreQueryFilters().AnyAsync(h => h.GridId == gridId && h.IsActive, ct)
        || await db.Set<Building>().IgnoreQueryFilters().AnyAsync(b => b.GridId == gridId, ct);

    public async Task<int> MoveHouseholdsAsync(int fromGridId, IReadOnlyCollection<int> householdIds, int toGridId, string toPath, CancellationToken ct)
    {
        var ids = householdIds.Distinct().ToList();
        var households = await db.Set<Household>().Where(h => ids.Contains(h.Id) && h.GridId == fromGridId).ToListAsync(ct);
        if (households.Count != ids.Count) throw new ValidationException("householdIds", "not_on_grid");
        return await MoveAsync(households, [], toGridId, toPath, ct);
    }

    public async Task<int> MoveEverythingAsync(int fromGridId, int toGridId, string toPath, CancellationToken ct)
    {
        var households = await db.Set<Household>().Where(h => h.GridId == fromGridId && h.IsActive).ToListAsync(ct);
        var buildings = await db.Set<Building>().Where(b => b.GridId == fromGridId).ToListAsync(ct);
        return await MoveAsync(households, buildings, toGridId, toPath, ct);
    }

    private async Task<int> MoveAsync(List<Household> households, List<Building> buildings, int toGridId, string toPath, CancellationToken ct)
    {
        var target = Placement.OnGrid(toGridId, toPath);
        // Members first, so the tallies recounted by the save see households and members in place.
        var ids = households.Select(h => h.Id).ToList();
        await db.Set<Person>().Where(p => ids.Contains(p.HouseholdId)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Path, toPath), ct);
        await TagPaths.FollowHouseholdsAsync(db, ids, toPath, ct);
        foreach (var household in households) household.MoveTo(target);
        foreach (var building in buildings) building.PlaceOn(target);
        await db.SaveChangesAsync(ct);
        return households.Count;
    }
}
