using GridGov.Data;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Territory.Application;

internal sealed class TerritoryMap(GridGovDbContext db) : ITerritoryMap
{
    private IQueryable<Domain.Grid> OpenGrids(string path, int level) =>
        db.Set<Domain.Grid>().AsNoTracking().Where(g => g.Level == level && g.ClosedOn == null && g.Path.StartsWith(path));

    public async Task<IReadOnlyList<GridShape>> GridShapesAsync(string path, int level, CancellationToken ct) =>
        await OpenGrids(path, level).Where(g => g.BoundaryGeoJson != null).OrderBy(g => g.Path)
            .Select(g => new GridShape(g.Code, g.Name, g.Level, g.Path, g.BoundaryGeoJson!)).ToListAsync(ct);

    public Task<int> GridCountAsync(string path, int level, CancellationToken ct) => OpenGrids(path, level).CountAsync(ct);

    public async Task<IReadOnlyList<NodeRef>> ChildrenAsync(string path, CancellationToken ct)
    {
        var areaLength = path.Length + Kernel.Scoping.TreePath.AreaSegmentLength;
        var areas = await db.Set<Domain.AdminArea>().AsNoTracking().Where(a => a.Path.StartsWith(path) && a.Path.Length == areaLength)
            .Select(a => new NodeRef(a.Code, a.Name, a.Path, 0)).ToListAsync(ct);
        // A grid's children are the grids it is the parent of; an area's, its level-1 grids: found by their parent, not by scanning every grid below.
        var grid = await db.Set<Domain.Grid>().AsNoTracking().Where(g => g.Path == path).Select(g => (int?)g.Id).FirstOrDefaultAsync(ct);
        var area = grid is null ? await db.Set<Domain.AdminArea>().AsNoTracking().Where(a => a.Path == path).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct) : null;
        var grids = await db.Set<Domain.Grid>().AsNoTracking()
            .Where(g => g.ClosedOn == null && (grid != null ? g.ParentGridId == grid : g.ParentGridId == null && g.AreaId == area))
            .Select(g => new NodeRef(g.Code, g.Name, g.Path, g.Level)).ToListAsync(ct);
        return [.. areas.Concat(grids).OrderBy(n => n.Path, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyDictionary<string, (string Code, string Name)>> NamesAsync(IReadOnlyCollection<string> paths, CancellationToken ct)
    {
        var areas = await db.Set<Domain.AdminArea>().AsNoTracking().Where(a => paths.Contains(a.Path)).Select(a => new { a.Path, a.Code, a.Name }).ToListAsync(ct);
        var grids = await db.Set<Domain.Grid>().AsNoTracking().Where(g => paths.Contains(g.Path)).Select(g => new { g.Path, g.Code, g.Name }).ToListAsync(ct);
        return areas.Concat(grids).ToDictionary(x => x.Path, x => (x.Code, x.Name));
    }
}
