using GridGov.Data;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Kernel.Tallies;

/// <summary>Adds the pending change rows of a <see cref="TallyShape"/> into its tallies and removes them, in one transaction.</summary>
public static class TallyFold
{
    /// <summary>
    /// On PostgreSQL the changes are claimed by deleting them, so two app instances folding at once
    /// never add one twice; SQLite, with one writer, folds up to the highest id it saw.
    /// </summary>
    public static async Task<int> FoldAsync(GridGovDbContext db, TallyShape shape, CancellationToken ct)
    {
        var keys = string.Join(", ", shape.Keys.Select(Quote));
        var columns = string.Join(", ", shape.Keys.Concat(shape.Counts).Select(Quote));
        var sums = string.Join(", ", shape.Counts.Select(c => $"SUM({Quote(c)})"));
        var (tallies, changes) = (Quote(shape.Tallies), Quote(shape.Changes));
        var upsert = $"ON CONFLICT ({keys}) DO UPDATE SET {string.Join(", ", shape.Counts.Select(c => $"{Quote(c)} = {tallies}.{Quote(c)} + excluded.{Quote(c)}"))}";
        // Only the shape's fixed table and column names are spliced into these statements.
#pragma warning disable EF1002
        if (db.Database.IsNpgsql())
            return await db.Database.ExecuteSqlRawAsync($"""
                WITH moved AS (DELETE FROM {changes} RETURNING *)
                INSERT INTO {tallies} ({columns}) SELECT {keys}, {sums} FROM moved GROUP BY {keys}
                {upsert}
                """, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var last = await db.Database.SqlQueryRaw<long>($"""SELECT COALESCE(MAX("Id"), 0) AS "Value" FROM {changes}""").SingleAsync(ct);
        if (last == 0) return 0;
        // SQLite needs the WHERE to tell the upsert's ON CONFLICT from a join's; the id travels as a parameter.
        const string upToLast = "WHERE \"Id\" <= {0}";
        var folded = await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO {tallies} ({columns}) SELECT {keys}, {sums} FROM {changes} {upToLast} GROUP BY {keys}
            {upsert}
            """, [last], ct);
        await db.Database.ExecuteSqlRawAsync($"""DELETE FROM {changes} {upToLast}""", [last], ct);
#pragma warning restore EF1002
        await tx.CommitAsync(ct);
        return folded;
    }

    private static string Quote(string name) => $"\"{name}\"";
}
