using GridGov.Kernel.Scoping;
using GridGov.Kernel.Time;
using GridGov.Modules.Territory.Contracts;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Territory.Application;

public sealed record GridChange(string? Name, string? Boundary, bool ClearBoundary, int? Version);

public sealed record CreateGrid(string ParentCode, string Name, DateOnly? OpenedOn = null, string? BoundaryGeoJson = null);

/// <summary>Opening, renaming, re-drawing and retiring grids.</summary>
public sealed class GridLifecycle(GridGovDbContext db, CurrentUser user, PathRebase rebase, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    public async Task<Grid> GetAsync(string code, CancellationToken ct)
    {
        user.Require(TerritoryPermissions.View);
        return await db.GridAsync(code, ct);
    }

    public async Task<Grid> CreateAsync(CreateGrid input, CancellationToken ct)
    {
        user.Require(TerritoryPermissions.Manage);
        var boundary = GeoJson.Validate("boundary", input.BoundaryGeoJson);
        Grid grid;
        if (input.ParentCode?.Length == GridCode.Length)
        {
            var parent = await db.GridToChangeAsync(input.ParentCode, ct);
            var area = await db.AreaAsync(parent.AreaId, ct);
            grid = Grid.OpenInGrid(parent, area, await db.NextSequenceAsync(area.Code, parent.Level + 1, ct), input.Name, input.OpenedOn ?? Today);
        }
        else
        {
            var area = await db.AreaToChangeAsync(input.ParentCode ?? "", ct);
            grid = Grid.OpenInArea(area, await db.NextSequenceAsync(area.Code, 1, ct), input.Name, input.OpenedOn ?? Today);
        }
        grid.SetBoundary(boundary);
        db.Add(grid);
        await SaveAsync(ct);
        return grid;
    }

    public Task<Grid> RenameAsync(string code, string name, int version, CancellationToken ct) =>
        ChangeAsync(code, new GridChange(name, null, false, version), ct);

    public Task<Grid> SetBoundaryAsync(string code, string? geoJson, int version, CancellationToken ct) =>
        ChangeAsync(code, new GridChange(null, geoJson, geoJson is null, version), ct);

    /// <summary>Renames a grid and redraws or clears its boundary in one save, against the version the editor saw.</summary>
    public async Task<Grid> ChangeAsync(string code, GridChange change, CancellationToken ct)
    {
        user.Require(TerritoryPermissions.Manage);
        var grid = await db.GridToChangeAsync(code, ct);
        db.Expect(grid, change.Version ?? throw new ValidationException("version", "required"));
        if (change.Name is not null) grid.Rename(change.Name);
        if (change.Boundary is not null || change.ClearBoundary) grid.SetBoundary(change.ClearBoundary ? null : GeoJson.Validate("boundary", change.Boundary));
        await SaveAsync(ct);
        return grid;
    }

    public async Task<Grid> RetireAsync(string code, DateOnly? on, CancellationToken ct)
    {
        user.Require(TerritoryPermissions.Manage);
        var grid = await db.GridToChangeAsync(code, ct);
        var activeChildren = await db.Set<Grid>().OutsideScope("a grid with an open child anywhere must not retire").AnyAsync(g => g.ParentGridId == grid.Id && g.ClosedOn == null, ct);
        grid.Retire(on ?? Today, activeChildren, (await rebase.HeldOnGridAsync(grid.Id, ct)).Count > 0);
        await SaveAsync(ct);
        return grid;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            throw new ConflictException("grid_code_taken");
        }
    }
}
