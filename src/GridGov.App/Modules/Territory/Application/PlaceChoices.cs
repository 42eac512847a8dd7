using GridGov.Data;
using GridGov.Kernel.Scoping;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Territory.Application;

/// <summary>The reader's areas and grids for pickers, in path order, so a township comes before its villages and a grid before its cells.</summary>
internal sealed class PlaceChoices(GridGovDbContext db) : IPlaceChoices
{
    /// <summary>A city has about 800 areas; a picker longer than this would not be read, so the deepest ones are left to the tree.</summary>
    public const int MaxChoices = 1500;

    /// <summary>A county has about 1,600 grids; a browser searches a list of this many as it is typed into.</summary>
    public const int MaxGrids = 3000;

    public async Task<IReadOnlyList<PlaceChoice>> AreasAsync(CancellationToken ct)
    {
        var areas = await db.Set<Domain.AdminArea>().AsNoTracking().OrderBy(a => a.Path).Take(MaxChoices)
            .Select(a => new { a.Code, a.Name, a.Path }).ToListAsync(ct);
        var top = areas.Count == 0 ? 0 : areas.Min(a => TreePath.Codes(a.Path).Length);
        return areas.Select(a => new PlaceChoice(a.Code, a.Name, TreePath.Codes(a.Path).Length - top)).ToList();
    }

    public async Task<IReadOnlyList<PlaceChoice>> GridsAsync(int? level, CancellationToken ct)
    {
        var grids = db.Set<Domain.Grid>().AsNoTracking().Where(g => g.ClosedOn == null);
        if (level is { } l) grids = grids.Where(g => g.Level == l);
        return await grids.OrderBy(g => g.Path).Take(MaxGrids).Select(g => new PlaceChoice(g.Code, g.Name, g.Level)).ToListAsync(ct);
    }
}
