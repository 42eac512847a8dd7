using GridGov.Data;
using GridGov.Kernel.Scoping;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Territory.Application;

/// <summary>The reader's areas for pickers: read once per request, in path order, so a township comes before its villages.</summary>
internal sealed class PlaceChoices(GridGovDbContext db) : IPlaceChoices
{
    /// <summary>A city has about 800 areas; a picker longer than this would not be read, so the deepest ones are left to the tree.</summary>
    public const int MaxChoices = 1500;

    public async Task<IReadOnlyList<PlaceChoice>> AreasAsync(CancellationToken ct)
    {
        var areas = await db.Set<Domain.AdminArea>().AsNoTracking().OrderBy(a => a.Path).Take(MaxChoices)
            .Select(a => new { a.Code, a.Name, a.Path }).ToListAsync(ct);
        var top = areas.Count == 0 ? 0 : areas.Min(a => TreePath.Codes(a.Path).Length);
        return areas.Select(a => new PlaceChoice(a.Code, a.Name, TreePath.Codes(a.Path).Length - top)).ToList();
    }
}
