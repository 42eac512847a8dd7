using GridGov.Modules.Territory.Contracts;
using GridGov.Data;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Security;

namespace GridGov.Modules.Territory.Application;

/// <summary>The change log of a grid and what hangs on it (staff, party organisation), newest first.</summary>
public sealed class GridHistory(GridGovDbContext db, CurrentUser user, ChangeLog log)
{
    public async Task<Page<ChangeView>> GetAsync(string code, PageRequest page, CancellationToken ct)
    {
        user.Require(TerritoryPermissions.View);
        var grid = await db.GridAsync(code, ct);
        var id = grid.Id.ToString();
        var query = db.Set<ChangeRecord>()
            .Where(c => (c.EntityType == "Grid" && c.EntityId == id) || (c.Path == grid.Path && c.EntityType != "Grid" && c.EntityType != "Household"));
        return await log.PageAsync(query, page, ct);
    }
}
