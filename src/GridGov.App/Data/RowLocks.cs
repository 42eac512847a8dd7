using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace GridGov.Data;

public static class RowLocks
{
    /// <summary>
    /// Makes writers that lock the same row take turns until the transaction ends: a count read
    /// after the lock sees every write committed before it, so two writers deciding on one count
    /// (the last seat of a class) cannot both find room. On PostgreSQL the row is locked; SQLite
    /// has one writer at a time, and its write transaction holds that lock from its first statement.
    /// The lock is the one an update of the row takes, not a key-changing one: rows that only refer
    /// to this one (an attendance mark to its class) are written meanwhile without waiting.
    /// </summary>
    public static async Task LockRowAsync<T>(this GridGovDbContext db, object key, CancellationToken ct) where T : class
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("a row lock lasts for a transaction: begin one first");
        if (!db.Database.IsNpgsql()) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var column = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(table)!;
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT 1 FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {sql.DelimitIdentifier(column)} = {{0}} FOR NO KEY UPDATE", [key], ct);
    }
}
