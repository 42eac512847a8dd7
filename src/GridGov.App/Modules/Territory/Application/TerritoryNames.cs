using GridGov.Data;
using GridGov.Kernel.Naming;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Territory.Application;

/// <summary>Grids and areas by name in history lines, read through the caller's scope.</summary>
internal sealed class TerritoryNames(GridGovDbContext db) : IRecordNamer
{
    public IReadOnlyCollection<string> Types { get; } = [nameof(Grid), nameof(AdminArea), "Area"];

    public async Task<IReadOnlyDictionary<int, string>> NamesAsync(string type, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        type == nameof(Grid)
            ? await db.Set<Grid>().AsNoTracking().Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct)
            : await db.Set<AdminArea>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
}
