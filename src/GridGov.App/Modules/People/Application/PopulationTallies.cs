using GridGov.Data;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GridGov.Modules.People.Application;

/// <summary>
/// Keeps <see cref="PopulationTally"/> rows equal to the households and residents at each path:
/// every save that touches a household or person recounts the paths it touched, from the rows,
/// inside the save's transaction. Bulk loads rebuild the whole table in one statement.
/// </summary>
internal sealed class PopulationTallies : ISaveHook
{
    public Func<GridGovDbContext, CancellationToken, Task>? Prepare(ChangeTracker changes)
    {
        var paths = new HashSet<string>();
        foreach (var entry in changes.Entries().Where(e => e.Entity is Household or Person))
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            var path = entry.Property(nameof(Household.Path));
            paths.Add((string)path.CurrentValue!);
            if (entry.State != EntityState.Added) paths.Add((string)path.OriginalValue!);
        }
        return paths.Count == 0 ? null : (db, ct) => RecountAsync(db, paths, ct);
    }

    /// <summary>Recounts the given paths from the rows, whatever the caller's scope, in two set-based statements.</summary>
    public static async Task RecountAsync(GridGovDbContext db, IReadOnlyCollection<string> paths, CancellationToken ct)
    {
        foreach (var batch in paths.Chunk(500))
        {
            var list = string.Join(", ", batch.Select((_, i) => "{" + i + "}"));
            object[] args = [.. batch];
            // Zero first, so a path whose last household left reads zero; then count what is there.
            // The statements carry only numbered placeholders; every path travels as a parameter.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync($"""UPDATE "PopulationTallies" SET "Households" = 0, "Residents" = 0 WHERE "Path" IN ({list})""", args, ct);
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "PopulationTallies" ("Path", "GridId", "Households", "Residents")
                SELECT h."Path", MAX(h."GridId"), COUNT(*), (SELECT COUNT(*) FROM "People" p WHERE p."Path" = h."Path" AND p."IsActive")
                FROM "Households" h WHERE h."IsActive" AND h."Path" IN ({list}) GROUP BY h."Path"
                ON CONFLICT ("Path") DO UPDATE SET "GridId" = excluded."GridId", "Households" = excluded."Households", "Residents" = excluded."Residents"
                """, args, ct);
#pragma warning restore EF1002
        }
    }

    /// <summary>
    /// Adds rows a bulk load has just written to their tallies, one upsert per thousand paths: the
    /// load knows exactly what it added, so counting it again would only cost time.
    /// </summary>
    public static async Task AddAsync(GridGovDbContext db, IReadOnlyDictionary<string, TallyDelta> added, CancellationToken ct)
    {
        foreach (var batch in added.Chunk(1000))
        {
            var values = string.Join(", ", batch.Select((_, i) => $"({{{4 * i}}}, {{{4 * i + 1}}}, {{{4 * i + 2}}}, {{{4 * i + 3}}})"));
            object[] args = [.. batch.SelectMany(d => new object[] { d.Key, d.Value.GridId.HasValue ? d.Value.GridId.Value : DBNull.Value, d.Value.Households, d.Value.Residents })];
            // Only numbered placeholders are spliced in; every value travels as a parameter.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "PopulationTallies" ("Path", "GridId", "Households", "Residents") VALUES {values}
                ON CONFLICT ("Path") DO UPDATE SET
                    "Households" = "PopulationTallies"."Households" + excluded."Households",
                    "Residents" = "PopulationTallies"."Residents" + excluded."Residents"
                """, args, ct);
#pragma warning restore EF1002
        }
    }

    /// <summary>Rebuilds every tally from the rows, after a bulk load.</summary>
    public static async Task RebuildAsync(GridGovDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "PopulationTallies" """, ct);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "PopulationTallies" ("Path", "GridId", "Households", "Residents")
            SELECT h."Path", MAX(h."GridId"), COUNT(*),
                   (SELECT COUNT(*) FROM "People" p WHERE p."Path" = h."Path" AND p."IsActive")
            FROM "Households" h WHERE h."IsActive" GROUP BY h."Path"
            """, ct);
    }
}

/// <summary>Households and residents a bulk load added at one path.</summary>
public sealed class TallyDelta(int? gridId)
{
    public int? GridId { get; } = gridId;
    public int Households { get; set; }
    public int Residents { get; set; }
}
