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

public sealed record BuildingView(int Id, string Name, string Address, string? HeadName, Masked MaskedHeadPhone, int Households);
public sealed record KeyPlaceView(int Id, string Name, KeyPlaceKind Kind, string Address, string ContactName, Masked MaskedContactPhone, int Version);
public sealed record GridPlacesView(string GridCode, string GridName, IReadOnlyList<BuildingView> Buildings, IReadOnlyList<KeyPlaceView> KeyPlaces);

public sealed record NewHousehold(string Number, string Address, int? BuildingId, double? Longitude = null, double? Latitude = null);
public sealed record NewBuilding(string Name, string Address, string? HeadName, string? HeadPhone);
public sealed record BuildingHead(string? HeadName, string? HeadPhone);
public sealed record KeyPlaceInput(string Name, KeyPlaceKind Kind, string Address, string ContactName, string? ContactPhone);

/// <summary>A change to a household, against the version the editor read.</summary>
public sealed record HouseholdChange(string Number, string Address, int? BuildingId, int Version, double? Longitude = null, double? Latitude = null);

/// <summary>A change to a key place, against the version the editor read.</summary>
public sealed record KeyPlaceChange(string Name, KeyPlaceKind Kind, string Address, string ContactName, string? ContactPhone, int Version);

/// <summary>What stands on a level-3 grid: its buildings with their heads, its households, its key places.</summary>
public sealed class GridPlaces(GridGovDbContext db, CurrentUser user, ITerritoryDirectory territory)
{
    public async Task<GridPlacesView> GetAsync(string gridCode, CancellationToken ct)
    {
        user.Require(PeoplePermissions.View);
        var grid = await GridAsync(gridCode, ct);
        var buildings = await db.Set<Building>().AsNoTracking().Where(b => b.GridId == grid.Id).OrderBy(b => b.Name)
            .Select(b => new { b.Id, b.Name, b.Address, b.HeadName, b.HeadPhone, Households = db.Set<Household>().Count(h => h.BuildingId == b.Id && h.IsActive) })
            .ToListAsync(ct);
        var places = await db.Set<KeyPlace>().AsNoTracking().Where(k => k.GridId == grid.Id).OrderBy(k => k.Kind).ThenBy(k => k.Name).ToListAsync(ct);
        return new GridPlacesView(grid.Code, grid.Name,
            buildings.Select(b => new BuildingView(b.Id, b.Name, b.Address, b.HeadName, Masked.Phone(b.HeadPhone), b.Households)).ToList(),
            places.Select(k => new KeyPlaceView(k.Id, k.Name, k.Kind, k.Address, k.ContactName, Masked.Phone(k.ContactPhone), k.Version)).ToList());
    }

    public async Task<int> AddHouseholdAsync(string gridCode, NewHousehold input, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Manage);
        var grid = await GridToChangeAsync(gridCode, ct);
        if (input.BuildingId is { } bid && !await db.Set<Building>().AnyAsync(b => b.Id == bid && b.GridId == grid.Id, ct))
            throw new ValidationException("buildingId", "not_on_grid");
        var household = Household.Create(input.Number, input.Address, Placement.OnGrid(grid.Id, grid.Path), input.BuildingId, input.Longitude, input.Latitude);
        db.Add(household);
        await db.SaveChangesAsync(ct);
        return household.Id;
    }

    public async Task ChangeHouseholdAsync(int id, HouseholdChange input, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Manage);
        var household = await db.Set<Household>().ForChangeAsync(h => h.Id == id, user, "household_not_found", id, ct);
        db.Expect(household, input.Version);
        if (input.BuildingId is { } bid && !await db.Set<Building>().AnyAsync(b => b.Id == bid && b.GridId == household.GridId, ct))
            throw new ValidationException("buildingId", "not_on_grid");
        household.Change(input.Number, input.Address, input.BuildingId);
        household.Locate(input.Longitude, input.Latitude);
        await db.SaveChangesAsync(ct);
    }

    public async Task CloseHouseholdAsync(int id, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Manage);
        var household = await db.Set<Household>().ForChangeAsync(h => h.Id == id, user, "household_not_found", id, ct);
        household.Close(await db.Set<Person>().OutsideScope("a household with anyone still active may not close").AnyAsync(p => p.HouseholdId == id && p.IsActive, ct));
        await db.SaveChangesAsync(ct);
    }

    public async Task<int> AddBuildingAsync(string gridCode, NewBuilding input, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Manage);
        var grid = await GridToChangeAsync(gridCode, ct);
        var building = Building.Create(input.Name, input.Address, Placement.OnGrid(grid.Id, grid.Path), input.HeadName, input.HeadPhone);
        db.Add(building);
        await db.SaveChangesAsync(ct);
        return building.Id;
    }

    public async Task AppointHeadAsync(int buildingId, BuildingHead input, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Manage);
        var building = await db.Set<Building>().ForChangeAsync(b => b.Id == buildingId, user, "building_not_found", buildingId, ct);
        building.AppointHead(input.HeadName, input.HeadPhone);
        await db.SaveChangesAsync(ct);
    }

    public async Task<int> AddKeyPlaceAsync(string gridCode, KeyPlaceInput input, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Manage);
        var grid = await GridToChangeAsync(gridCode, ct);
        var place = KeyPlace.Register(Placement.OnGrid(grid.Id, grid.Path), input.Name, input.Kind, input.Address, input.ContactName, input.ContactPhone);
        db.Add(place);
        await db.SaveChangesAsync(ct);
        return place.Id;
    }

    public async Task ChangeKeyPlaceAsync(int id, KeyPlaceChange input, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Manage);
        var place = await db.Set<KeyPlace>().ForChangeAsync(k => k.Id == id, user, "key_place_not_found", id, ct);
        db.Expect(place, input.Version);
        place.Change(input.Name, input.Kind, input.Address, input.ContactName, input.ContactPhone);
        await db.SaveChangesAsync(ct);
    }

    private async Task<GridRef> GridAsync(string code, CancellationToken ct)
    {
        var grid = await territory.FindGridAsync(code, ct) ?? throw new NotFoundException("grid_not_found", code);
        if (grid.Level != 3) throw new ConflictException("grid_level_three_only");
        return grid;
    }

    private async Task<GridRef> GridToChangeAsync(string code, CancellationToken ct)
    {
        var grid = await territory.FindGridAsync(code, ct) ?? throw new NotFoundException("grid_not_found", code);
        if (!user.CanCapture(grid.Path)) throw new ForbiddenException("outside_capture_scope");
        if (grid.Level != 3) throw new ConflictException("grid_level_three_only");
        if (grid.IsRetired) throw new ConflictException("grid_retired");
        return grid;
    }
}
