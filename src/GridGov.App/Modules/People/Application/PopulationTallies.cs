using GridGov.Data;
using GridGov.Kernel.Tallies;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GridGov.Modules.People.Application;

/// <summary>
/// Keeps the population tallies on the Kernel's tally engine: every save that touches a household
/// or person adds, in the same batch, the change to the households and residents at each path it
/// touched (the old share out, the new share in); the Kernel folds the changes into
/// <see cref="PopulationTally"/>. Bulk loads add what they wrote, or rebuild the whole table.
/// </summary>
internal sealed class PopulationTallies : ISaveHook
{
    public static readonly TallyShape Shape = new("population", "PopulationTallies", "PopulationTallyChanges", ["Path"], ["Households", "Residents"]);

    public Func<GridGovDbContext, CancellationToken, Task>? Prepare(ChangeTracker changes)
    {
        var deltas = new Dictionary<string, (int Households, int Residents)>();
        foreach (var entry in changes.Entries().Where(e => e.Entity is Household or Person))
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            var household = entry.Entity is Household;
            if (entry.State != EntityState.Added) Count(deltas, household, Original(entry, nameof(Household.Path)), Original(entry, nameof(Household.IsActive)), -1);
            if (entry.State != EntityState.Deleted) Count(deltas, household, entry.Property(nameof(Household.Path)).CurrentValue, entry.Property(nameof(Household.IsActive)).CurrentValue, 1);
        }
        foreach (var (path, (households, residents)) in deltas)
            if (households != 0 || residents != 0)
                changes.Context.Add(new PopulationTallyChange { Path = path, Households = households, Residents = residents });
        return null;
    }

    private static object? Original(EntityEntry entry, string property) => entry.Property(property).OriginalValue;

    private static void Count(Dictionary<string, (int Households, int Residents)> deltas, bool household, object? path, object? active, int sign)
    {
        if (path is not string p || active is not true) return;
        var (h, r) = deltas.GetValueOrDefault(p);
        deltas[p] = household ? (h + sign, r) : (h, r + sign);
    }

    /// <summary>
    /// Moves the members of households to a new path in one statement, past the change tracker, and
    /// adds their share of the tallies to the caller's unit of work: the residents leave each path
    /// they held and arrive at <paramref name="toPath"/>.
    /// </summary>
    public static async Task MoveMembersAsync(GridGovDbContext db, IReadOnlyCollection<int> householdIds, string toPath, CancellationToken ct)
    {
        await TagTallies.MoveMembersAsync(db, householdIds, toPath, ct);
        var members = db.Set<Person>().Where(p => householdIds.Contains(p.HouseholdId));
        var leaving = await members.Where(p => p.IsActive && p.Path != toPath).GroupBy(p => p.Path)
            .Select(g => new { Path = g.Key, Residents = g.Count() }).ToListAsync(ct);
        await members.ExecuteUpdateAsync(s => s.SetProperty(p => p.Path, toPath), ct);
        foreach (var from in leaving) db.Add(new PopulationTallyChange { Path = from.Path, Residents = -from.Residents });
        if (leaving.Sum(l => l.Residents) is var arriving and > 0) db.Add(new PopulationTallyChange { Path = toPath, Residents = arriving });
    }

    /// <summary>Adds rows a bulk load has just written to their tallies, as the load counted them.</summary>
    public static Task AddAsync(GridGovDbContext db, IReadOnlyDictionary<string, TallyDelta> added, CancellationToken ct) =>
        TallyUpsert.AddAsync(db, Shape, added.Select(d => new object[] { d.Key, d.Value.Households, d.Value.Residents }), ct);

    /// <summary>Rebuilds every tally from the rows, after a bulk load.</summary>
    public static async Task RebuildAsync(GridGovDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "PopulationTallyChanges" """, ct);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "PopulationTallies" """, ct);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "PopulationTallies" ("Path", "Households", "Residents")
            SELECT h."Path", COUNT(*), (SELECT COUNT(*) FROM "People" p WHERE p."Path" = h."Path" AND p."IsActive")
            FROM "Households" h WHERE h."IsActive" GROUP BY h."Path"
            """, ct);
    }
}

/// <summary>Households and residents a bulk load added at one path.</summary>
public sealed class TallyDelta
{
    public int Households { get; set; }
    public int Residents { get; set; }
}
