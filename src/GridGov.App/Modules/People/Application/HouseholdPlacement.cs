using GridGov.Kernel.Time;
using GridGov.Modules.People.Contracts;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Privacy;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

public sealed record MemberView(int Id, string Name, Masked MaskedIdNumber, Sex Sex, int Age, Masked MaskedPhone, string RelationToHead);

public sealed record HouseholdView(int Id, string Number, string Address, string? GridCode, string? GridName, string Path,
    double? Longitude, double? Latitude, IReadOnlyList<MemberView> Members, int Version);

/// <summary>A household with its members (numbers masked), and moving it to another level-3 grid.</summary>
public sealed class HouseholdPlacement(GridGovDbContext db, CurrentUser user, ITerritoryDirectory territory, TimeProvider clock)
{
    public async Task<HouseholdView> GetAsync(int id, CancellationToken ct)
    {
        user.Require(PeoplePermissions.View);
        var h = await db.Set<Household>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("household_not_found", id);
        var today = clock.Today();
        var members = (await db.Set<Person>().AsNoTracking().Where(p => p.HouseholdId == id && p.IsActive).OrderBy(p => p.Id).ToListAsync(ct))
            .Select(p => new MemberView(p.Id, p.Name, Masked.IdNumber(p.IdNumber), p.Sex, Age(p.BirthDate, today), Masked.Phone(p.Phone), p.RelationToHead))
            .ToList();
        var grid = h.GridId is { } gid ? await territory.FindGridAsync(gid, ct) : null;
        return new HouseholdView(h.Id, h.Number, h.Address, grid?.Code, grid?.Name, h.Path, h.Longitude, h.Latitude, members, h.Version);
    }

    public async Task MoveAsync(int id, string gridCode, CancellationToken ct)
    {
        user.Require(TerritoryPermissions.Manage);
        var household = await db.Set<Household>().ForChangeAsync(x => x.Id == id, user, "household_not_found", id, ct);
        var grid = await territory.FindGridAsync(gridCode, ct);
        if (grid is null) throw new ValidationException("gridCode", "unknown_grid");
        if (grid.Level != 3) throw new ValidationException("gridCode", "grid_level_three_only");
        if (grid.IsRetired) throw new ValidationException("gridCode", "grid_retired");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        household.MoveTo(Placement.OnGrid(grid.Id, grid.Path));
        await PopulationTallies.MoveMembersAsync(db, [id], grid.Path, ct);
        await TagPaths.FollowHouseholdsAsync(db, [id], grid.Path, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static int Age(DateOnly birth, DateOnly today)
    {
        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }
}
