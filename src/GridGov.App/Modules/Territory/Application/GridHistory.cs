using GridGov.Data;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Territory.Application;

public sealed record ChangeView(DateTime At, string UserName, string EntityType, string EntityId, string Action, string? Before, string? After);

/// <summary>The change log of a grid and what hangs on it (staff, party organisation), newest first.</summary>
public sealed class GridHistory(GridGovDbContext db, CurrentUser user)
{
    public async Task<Page<ChangeView>> GetAsync(string code, PageRequest page, CancellationToken ct)
    {
        user.Require(Permission.TerritoryView);
        var grid = await db.GridAsync(code, ct);
        var id = grid.Id.ToString();
        var query = db.Set<ChangeRecord>().AsNoTracking()
            .Where(c => (c.EntityType == "Grid" && c.EntityId == id) || (c.Path == grid.Path && c.EntityType != "Grid" && c.EntityType != "Household"));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.Id).Skip(page.Skip).Take(page.Size)
            .Select(c => new ChangeView(c.At, c.UserName, c.EntityType, c.EntityId, c.Action, c.Before, c.After)).ToListAsync(ct);
        return new Page<ChangeView>(items, page.Number, page.Size, total);
    }
}
