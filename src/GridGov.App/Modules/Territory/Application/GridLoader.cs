using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Territory.Application;

/// <summary>Loads grids and areas by code: for reading within the view scope (unseen: 404), for changing within the capture scope (403).</summary>
internal static class GridLoader
{
    public static async Task<Grid> GridAsync(this GridGovDbContext db, string code, CancellationToken ct) =>
        await db.Set<Grid>().FirstOrDefaultAsync(g => g.Code == code, ct) ?? throw new NotFoundException("grid_not_found", code);

    public static Task<Grid> GridToChangeAsync(this GridGovDbContext db, string code, CancellationToken ct) =>
        db.Set<Grid>().ForChangeAsync(g => g.Code == code, db.User, "grid_not_found", code, ct);

    public static Task<AdminArea> AreaToChangeAsync(this GridGovDbContext db, string code, CancellationToken ct) =>
        db.Set<AdminArea>().ForChangeAsync(a => a.Code == code, db.User, "area_not_found", code, ct);

    public static async Task<AdminArea> AreaAsync(this GridGovDbContext db, int id, CancellationToken ct) =>
        await db.Set<AdminArea>().OutsideScope("a visible grid's own area, shown with it").FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("area_not_found", id);

    /// <summary>Codes are unique across the whole tree, so the next sequence is read past the scope filter.</summary>
    public static async Task<int> NextSequenceAsync(this GridGovDbContext db, string areaCode, int level, CancellationToken ct)
    {
        var prefix = areaCode + level;
        var last = await db.Set<Grid>().OutsideScope("grid codes are never reused, whoever can see the last one").Where(g => g.Code.StartsWith(prefix))
            .OrderByDescending(g => g.Code).Select(g => g.Code).FirstOrDefaultAsync(ct);
        return last is null ? 1 : GridCode.SequenceOf(last) + 1;
    }
}
