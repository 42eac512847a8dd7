using GridGov.Data;
using GridGov.Kernel.Scoping;
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

    /// <summary>The same counts per level-1 grid (<see cref="PopulationRollup"/>), folded like every tally.</summary>
    public static readonly TallyShape RollupShape = new("population-rollup", "PopulationRollups", "PopulationRollupChanges", ["Path"], ["Households", "Residents"]);

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
        AddRollups(changes.Context, deltas.Select(d => (d.Key, d.Value.Households, d.Value.Residents)));
        return null;
    }

    /// <summary>Adds to the rollups what was added at each path, summed per level-1 grid.</summary>
    private static void AddRollups(Microsoft.EntityFrameworkCore.DbContext db, IEnumerable<(string Path, int Households, int Residents)> deltas)
    {
        foreach (var rollup in deltas.GroupBy(d => PopulationRollup.KeyOf(d.Path)))
        {
            var (households, residents) = (rollup.Sum(d => d.Households), rollup.Sum(d => d.Residents));
            if (households != 0 || residents != 0) db.Add(new PopulationRollupChange { Path = rollup.Key, Households = households, Residents = residents });
        }
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
        AddRollups(db, leaving.Select(l => (l.Path, 0, -l.Residents)).Append((toPath, 0, leaving.Sum(l => l.Residents))));
    }

    /// <summary>
    /// A subtree below a level-1 grid about to move under another: its counts leave the rollup it
    /// was in and join the one it goes to. A move of a level-1 grid or of an area takes its rollups
    /// along in the generic path rewrite.
    /// </summary>
    public static async Task FollowMoveAsync(GridGovDbContext db, string oldPath, string newPath, CancellationToken ct)
    {
        var (from, to) = (PopulationRollup.KeyOf(oldPath), PopulationRollup.KeyOf(newPath));
        if (from == to || PopulationRollup.Answers(oldPath)) return;
        var moved = await PopulationParts.Of(db).Where(t => t.Path.StartsWith(oldPath)).GroupBy(_ => 1)
            .Select(g => new { Households = g.Sum(t => t.Households), Residents = g.Sum(t => t.Residents) }).FirstOrDefaultAsync(ct);
        if (moved is null) return;
        AddRollups(db, [(from, -moved.Households, -moved.Residents), (to, moved.Households, moved.Residents)]);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds rows a bulk load has just written to their tallies, as the load counted them.</summary>
    public static async Task AddAsync(GridGovDbContext db, IReadOnlyDictionary<string, TallyDelta> added, CancellationToken ct)
    {
        await TallyUpsert.AddAsync(db, Shape, added.Select(d => new object[] { d.Key, d.Value.Households, d.Value.Residents }), ct);
        await TallyUpsert.AddAsync(db, RollupShape, added.GroupBy(d => PopulationRollup.KeyOf(d.Key))
            .Select(g => new object[] { g.Key, g.Sum(d => d.Value.Households), g.Sum(d => d.Value.Residents) }), ct);
    }

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
        await RebuildRollupsAsync(db, ct);
    }

    /// <summary>
    /// Rebuilds the rollups from the tallies and their pending changes (a few tens of thousands of
    /// rows, read once); the pending rollup changes go, as what they carried is in the sums.
    /// </summary>
    public static async Task RebuildRollupsAsync(GridGovDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "PopulationRollupChanges" """, ct);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "PopulationRollups" """, ct);
        var tallies = await PopulationParts.Of(db).OutsideScope("rebuilding the rollups of every tally, as the system").GroupBy(t => t.Path)
            .Select(g => new { Path = g.Key, Households = g.Sum(t => t.Households), Residents = g.Sum(t => t.Residents) }).ToListAsync(ct);
        await TallyUpsert.AddAsync(db, RollupShape, tallies.GroupBy(t => PopulationRollup.KeyOf(t.Path))
            .Select(g => new object[] { g.Key, g.Sum(t => t.Households), g.Sum(t => t.Residents) }), ct);
    }

    /// <summary>Builds the rollups once for a register that has tallies but no rollups: a database from before them.</summary>
    public static async Task BackfillRollupsAsync(GridGovDbContext db, CancellationToken ct)
    {
        if (await db.Set<PopulationRollup>().OutsideScope("a start-up backfill looks at the whole deployment").AnyAsync(ct)) return;
        if (!await db.Set<PopulationTally>().OutsideScope("a start-up backfill looks at the whole deployment").AnyAsync(ct)) return;
        await RebuildRollupsAsync(db, ct);
    }
}

/// <summary>Households and residents a bulk load added at one path.</summary>
public sealed class TallyDelta
{
    public int Households { get; set; }
    public int Residents { get; set; }
}
