using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

internal sealed class PopulationPlacement(GridGovDbContext db) : IPopulationPlacement
{
    public async Task<int> MoveHouseholdsAsync(int fromGridId, IReadOnlyCollection<int> householdIds, int toGridId, string toPath, CancellationToken ct)
    {
        var ids = householdIds.Distinct().ToList();
        var households = await db.Set<Household>().Where(h => ids.Contains(h.Id) && h.GridId == fromGridId).ToListAsync(ct);
        if (households.Count != ids.Count) throw new ValidationException("householdIds", "not_on_grid");
        return await MoveAsync(households, [], toGridId, toPath, ct);
    }

    internal async Task<int> MoveAsync(List<Household> households, List<Building> buildings, int toGridId, string toPath, CancellationToken ct)
    {
        var target = Placement.OnGrid(toGridId, toPath);
        var ids = households.Select(h => h.Id).ToList();
        await PopulationTallies.MoveMembersAsync(db, ids, toPath, ct);
        await TagPaths.FollowHouseholdsAsync(db, ids, toPath, ct);
        foreach (var household in households) household.MoveTo(target);
        foreach (var building in buildings) building.PlaceOn(target);
        await db.SaveChangesAsync(ct);
        return households.Count;
    }
}
