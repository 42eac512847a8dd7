using GridGov.Data;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Territory.Application;

internal sealed class TerritoryDirectory(GridGovDbContext db) : ITerritoryDirectory
{
    public Task<GridRef?> FindGridAsync(string code, CancellationToken ct) =>
        db.Set<Domain.Grid>().Where(g => g.Code == code)
            .Select(g => new GridRef(g.Id, g.Code, g.Name, g.Level, g.Path, g.ClosedOn != null)).FirstOrDefaultAsync(ct);

    public Task<GridRef?> FindGridAsync(int id, CancellationToken ct) =>
        db.Set<Domain.Grid>().Where(g => g.Id == id)
            .Select(g => new GridRef(g.Id, g.Code, g.Name, g.Level, g.Path, g.ClosedOn != null)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyDictionary<string, GridRef>> FindGridsAsync(IReadOnlyCollection<string> codes, CancellationToken ct) =>
        await db.Set<Domain.Grid>().Where(g => codes.Contains(g.Code))
            .Select(g => new GridRef(g.Id, g.Code, g.Name, g.Level, g.Path, g.ClosedOn != null)).ToDictionaryAsync(g => g.Code, ct);

    public async Task<string?> PathOfAsync(string code, CancellationToken ct) =>
        code.Length == Domain.GridCode.Length
            ? await db.Set<Domain.Grid>().Where(g => g.Code == code).Select(g => g.Path).FirstOrDefaultAsync(ct)
            : await db.Set<Domain.AdminArea>().Where(a => a.Code == code).Select(a => a.Path).FirstOrDefaultAsync(ct);

    public async Task<GridRef?> FindGridAtAsync(double longitude, double latitude, CancellationToken ct)
    {
        var point = new NetTopologySuite.Geometries.Point(longitude, latitude);
        // Boundaries are streamed one grid at a time; only the caller's own scope is read.
        await foreach (var g in db.Set<Domain.Grid>().AsNoTracking().Where(g => g.Level == 3 && g.ClosedOn == null && g.BoundaryGeoJson != null)
                           .Select(g => new { g.Id, g.Code, g.Name, g.Level, g.Path, g.BoundaryGeoJson }).AsAsyncEnumerable().WithCancellation(ct))
            if (GeoJson.Read(g.BoundaryGeoJson) is { } shape && shape.EnvelopeInternal.Contains(point.Coordinate) && shape.Covers(point))
                return new GridRef(g.Id, g.Code, g.Name, g.Level, g.Path, false);
        return null;
    }

}

/// <summary>Places by code for the Kernel's readers, within the reader's view.</summary>
internal sealed class PlaceDirectory(ITerritoryDirectory territory) : Kernel.Tallies.IPlaceDirectory
{
    public Task<string?> PathOfAsync(string code, CancellationToken ct) => territory.PathOfAsync(code, ct);
}
