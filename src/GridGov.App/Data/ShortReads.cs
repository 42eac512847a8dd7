using Microsoft.EntityFrameworkCore;

namespace GridGov.Data;

public static class ShortReads
{
    /// <summary>
    /// Runs a few index lookups on PostgreSQL without parallel workers, whose start costs tens of
    /// milliseconds, more than lookups touching a few hundred rows take on their own. With
    /// <paramref name="walkIndexOrder"/> the planner is told to read rows in the order asked for
    /// from an index rather than sort them: for a page of a large, broad list that is the cheap
    /// plan, and the planner, multiplying the odds of correlated conditions, often misses it.
    /// Each statement is planned for its own values: a prepared statement's generic plan cannot
    /// see that a path prefix names one county or a whole city, and on some connections it chose a
    /// plan that read the city's latest incidents in 350 ms instead of 3.
    /// </summary>
    public static async Task<T> ReadQuicklyAsync<T>(this GridGovDbContext db, bool walkIndexOrder, Func<Task<T>> read, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql() || db.Database.CurrentTransaction is not null) return await read();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(walkIndexOrder
            ? "SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL enable_sort = off; SET LOCAL enable_bitmapscan = off; SET LOCAL jit = off"
            : "SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL plan_cache_mode = force_custom_plan", ct);
        var result = await read();
        await transaction.CommitAsync(ct);
        return result;
    }
}
