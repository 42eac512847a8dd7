using System.Runtime.CompilerServices;
using GridGov.Data;
using GridGov.Kernel.Paging;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

internal sealed class PopulationStatistics(GridGovDbContext db, PersonTags? tags = null) : IPopulationStatistics
{
    public async Task<IReadOnlyDictionary<string, int>> CountTaggedByPathPrefixAsync(string parentPath, int keyLength, string tagCode, CancellationToken ct)
    {
        var tagged = (tags ?? throw new InvalidOperationException("tags need a request")).Carrying(Residents, await tags.FindAsync(tagCode, ct));
        return await tagged.Where(p => p.Path.StartsWith(parentPath) && p.Path.Length >= keyLength)
            .GroupBy(p => p.Path.Substring(0, keyLength)).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.N, ct);
    }

    public async Task<int> CountTaggedUnderAsync(string path, string tagCode, CancellationToken ct) =>
        await (tags ?? throw new InvalidOperationException("tags need a request")).Carrying(Residents, await tags.FindAsync(tagCode, ct))
            .CountAsync(p => p.Path.StartsWith(path), ct);

    private IQueryable<Household> Households => db.Set<Household>().AsNoTracking().Where(h => h.IsActive);
    private IQueryable<Person> Residents => db.Set<Person>().AsNoTracking().Where(p => p.IsActive);

    /// <summary>The tallies and the changes not yet folded into them, in one shape, added up in one statement.</summary>
    private IQueryable<PopulationPart> Tallies => PopulationParts.Of(db);

    public async Task<IReadOnlyDictionary<string, PopulationCount>> CountByPathPrefixAsync(string parentPath, int keyLength, CancellationToken ct) =>
        await Tallies.Where(t => t.Path.StartsWith(parentPath) && t.Path.Length >= keyLength)
            .GroupBy(t => t.Path.Substring(0, keyLength))
            .Select(g => new { g.Key, Households = g.Sum(t => t.Households), Residents = g.Sum(t => t.Residents) })
            .ToDictionaryAsync(x => x.Key, x => new PopulationCount(x.Households, x.Residents), ct);

    public async Task<PopulationCount> CountUnderAsync(string path, CancellationToken ct)
    {
        var sums = await PopulationParts.Under(db, path)
            .GroupBy(_ => 1).Select(g => new { Households = g.Sum(t => t.Households), Residents = g.Sum(t => t.Residents) })
            .FirstOrDefaultAsync(ct);
        return sums is null ? PopulationCount.Zero : new PopulationCount(sums.Households, sums.Residents);
    }

    public async Task<IReadOnlyDictionary<string, PopulationCount>> CountByLevelOneGridAsync(string areaPath, CancellationToken ct) =>
        await PopulationParts.Rolled(db).Where(t => t.Path.StartsWith(areaPath)).GroupBy(t => t.Path)
            .Select(g => new { g.Key, Households = g.Sum(t => t.Households), Residents = g.Sum(t => t.Residents) })
            .ToDictionaryAsync(x => x.Key, x => new PopulationCount(x.Households, x.Residents), ct);

    public async Task<IReadOnlyList<GridOccupancy>> OccupancyByGridAsync(string areaPath, CancellationToken ct)
    {
        // From the rows, not the tallies: a household whose grid id disagrees with its path is what this must find.
        var households = await Households.Where(h => h.Path.StartsWith(areaPath))
            .GroupBy(h => h.GridId).Select(g => new { GridId = g.Key, N = g.Count() }).ToListAsync(ct);
        var buildings = await db.Set<Building>().AsNoTracking().Where(b => b.Path.StartsWith(areaPath))
            .GroupBy(b => b.GridId).Select(g => new { GridId = g.Key, N = g.Count() }).ToListAsync(ct);
        var byGrid = households.ToDictionary(h => h.GridId ?? -1, h => h.N);
        var buildingsByGrid = buildings.ToDictionary(b => b.GridId ?? -1, b => b.N);
        return byGrid.Keys.Union(buildingsByGrid.Keys)
            .Select(id => new GridOccupancy(id == -1 ? null : id, byGrid.GetValueOrDefault(id), buildingsByGrid.GetValueOrDefault(id)))
            .ToList();
    }

    public async Task<IReadOnlyList<UnplacedItem>> UnplacedAsync(string areaPath, int limit, CancellationToken ct)
    {
        var households = await Households.Where(h => h.GridId == null && h.Path.StartsWith(areaPath)).OrderBy(h => h.Id).Take(limit)
            .Select(h => new UnplacedItem("Household", h.Id, h.Number + " " + h.Address, h.Path)).ToListAsync(ct);
        var buildings = await db.Set<Building>().AsNoTracking().Where(b => b.GridId == null && b.Path.StartsWith(areaPath)).OrderBy(b => b.Id).Take(limit)
            .Select(b => new UnplacedItem("Building", b.Id, b.Name + " " + b.Address, b.Path)).ToListAsync(ct);
        return [.. households, .. buildings];
    }

    public async IAsyncEnumerable<LocatedHousehold> LocatedHouseholdsAsync(string areaPath, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = Households.Where(h => h.Path.StartsWith(areaPath) && h.GridId != null && h.Longitude != null && h.Latitude != null)
            .Select(h => new LocatedHousehold(h.Id, h.GridId!.Value, h.Number, h.Longitude!.Value, h.Latitude!.Value))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct)) yield return row;
    }

    public async Task<Page<HouseholdSummary>> HouseholdsOfGridAsync(int gridId, PageRequest page, CancellationToken ct)
    {
        var query = Households.Where(h => h.GridId == gridId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(h => h.Number).Skip(page.Skip).Take(page.Size)
            .Select(h => new HouseholdSummary(h.Id, h.Number, h.Address,
                db.Set<Person>().Count(p => p.HouseholdId == h.Id && p.IsActive),
                db.Set<Person>().Where(p => p.HouseholdId == h.Id && p.IsActive && p.RelationToHead == Relations.Head).Select(p => p.Name).FirstOrDefault()))
            .ToListAsync(ct);
        return new Page<HouseholdSummary>(items, page.Number, page.Size, total);
    }
}
