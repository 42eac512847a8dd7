using GridGov.Data;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Contracts;

namespace GridGov.Modules.Territory.Application;

/// <summary>The households on a grid, as the grid page and API list them.</summary>
public sealed class GridHouseholds(GridGovDbContext db, CurrentUser user, IPopulationStatistics population)
{
    public async Task<Page<HouseholdSummary>> ListAsync(string code, PageRequest page, CancellationToken ct)
    {
        user.Require(PeoplePermissions.View);
        var grid = await db.GridAsync(code, ct);
        return await population.HouseholdsOfGridAsync(grid.Id, page, ct);
    }
}
