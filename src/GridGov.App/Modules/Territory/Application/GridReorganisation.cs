using GridGov.Modules.Territory.Contracts;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Territory.Application;

public sealed record SplitGrid(string NewName, IReadOnlyList<string>? ChildCodes, IReadOnlyList<int>? HouseholdIds);

/// <summary>
/// Moving, splitting and merging grids. Each runs in one transaction: the grid changes go through
/// SaveChanges (scope guard and change log), then every path below the moved grid is rebased in
/// the database, in this module and in those that keep records on the tree.
/// </summary>
public sealed class GridReorganisation(
    GridGovDbContext db, CurrentUser user, IPopulationPlacement population, PathRebase rebase, GridLifecycle lifecycle)
{
    public async Task<Grid> MoveAsync(string code, string newParentCode, CancellationToken ct)
    {
        user.Require(TerritoryPermissions.Manage);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var grid = await db.GridToChangeAsync(code, ct);
        await MoveUnderAsync(grid, newParentCode, ct);
        await tx.CommitAsync(ct);
        return grid;
    }

    public async Task<Grid> SplitAsync(string code, SplitGrid input, CancellationToken ct)
    {
        user.Require(TerritoryPermissions.Manage);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var source = await db.GridToChangeAsync(code, ct);
        if (source.IsRetired) throw new ConflictException("grid_retired");
        var parentCode = source.ParentGridId is { } pid
            ? await db.Set<Grid>().Where(g => g.Id == pid).Select(g => g.Code).FirstAsync(ct)
            : await db.Set<AdminArea>().Where(a => a.Id == source.AreaId).Select(a => a.Code).FirstAsync(ct);
        var created = await lifecycle.CreateAsync(new CreateGrid(parentCode, input.NewName), ct);

        if (source.Level < Grid.MaxLevel)
        {
            var codes = input.ChildCodes ?? [];
            if (codes.Count == 0) throw new ValidationException("childCodes", "required");
            foreach (var childCode in codes)
            {
                var child = await db.GridToChangeAsync(childCode, ct);
                if (child.ParentGridId != source.Id) throw new ValidationException("childCodes", "not_a_child");
                await MoveUnderAsync(child, created.Code, ct);
            }
        }
        else
        {
            var ids = input.HouseholdIds ?? [];
            if (ids.Count == 0) throw new ValidationException("householdIds", "required");
            await population.MoveHouseholdsAsync(source.Id, ids, created.Id, created.Path, ct);
        }
        await tx.CommitAsync(ct);
        return created;
    }

    /// <summary>Moves everything on <paramref name="code"/> into <paramref name="targetCode"/> and retires it.</summary>
    public async Task<Grid> MergeAsync(string code, string targetCode, CancellationToken ct)
    {
        user.Require(TerritoryPermissions.Manage);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var source = await db.GridToChangeAsync(code, ct);
        var target = await db.GridToChangeAsync(targetCode, ct);
        if (source.Id == target.Id) throw new ValidationException("targetCode", "same_grid");
        if (source.Level != target.Level) throw new ConflictException("grid_merge_level");
        if (source.IsRetired || target.IsRetired) throw new ConflictException("grid_retired");

        var children = await db.Set<Grid>().Where(g => g.ParentGridId == source.Id && g.ClosedOn == null).ToListAsync(ct);
        foreach (var child in children) await MoveUnderAsync(child, target.Code, ct);
        await rebase.MergeAsync(new GridMerge(source.Id, source.Path, target.Id, target.Path), ct);
        foreach (var assignment in await db.Set<GridAssignment>().Where(a => a.GridId == source.Id && a.EndedOn == null).ToListAsync(ct))
            assignment.End(lifecycle.Today);
        await db.SaveChangesAsync(ct);
        source.Retire(lifecycle.Today, hasActiveChildren: false, hasPeople: (await rebase.HeldOnGridAsync(source.Id, ct)).Count > 0);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return target;
    }

    private async Task MoveUnderAsync(Grid grid, string newParentCode, CancellationToken ct)
    {
        var (oldPath, newPath) = newParentCode.Length == GridCode.Length
            ? grid.MoveTo(await db.GridToChangeAsync(newParentCode, ct))
            : grid.MoveTo(await db.AreaToChangeAsync(newParentCode, ct));
        await db.SaveChangesAsync(ct);
        await rebase.RebaseAllAsync(oldPath, newPath, ct);
    }
}
