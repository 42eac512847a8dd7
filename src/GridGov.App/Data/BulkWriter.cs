using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace GridGov.Data;

/// <summary>
/// Writes many rows of a mapped entity at once, with the ids they carry: binary COPY on PostgreSQL,
/// one prepared statement in one transaction on SQLite. Used for seeding and bulk loads only;
/// ordinary changes go through the domain and SaveChanges.
/// </summary>
public static class BulkWriter
{
    public static async Task InsertAsync<T>(GridGovDbContext db, IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => (Property: p, Column: p.GetColumnName(store)))
            .Where(c => c.Column is not null)
            .ToList();
        var columnList = string.Join(", ", columns.Select(c => $"\"{c.Column}\""));

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);

        if (connection is NpgsqlConnection npgsql)
        {
            await using var importer = await npgsql.BeginBinaryImportAsync($"COPY \"{table}\" ({columnList}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var (property, _) in columns)
                {
                    var value = ProviderValue(property, row);
                    if (value is null) await importer.WriteNullAsync(ct);
                    else await importer.WriteAsync(value, ct);
                }
            }
            await importer.CompleteAsync(ct);
            return;
        }

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table}\" ({columnList}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) =>
        {
            var p = command.CreateParameter();
            p.ParameterName = "$p" + i;
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++) parameters[i].Value = ProviderValue(columns[i].Property, row) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
        if (ownTransaction is not null)
        {
            await ownTransaction.CommitAsync(ct);
            await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>
    /// Ids for rows a bulk load writes itself: drawn from the identity's sequence on PostgreSQL, so
    /// that saves running beside the load never draw the same; above the highest in the table on
    /// SQLite, whose one writer at a time is the load's transaction.
    /// </summary>
    public static async Task<long[]> ReserveIdsAsync<T>(GridGovDbContext db, int count, CancellationToken ct = default)
    {
        if (count == 0) return [];
        var table = db.Model.FindEntityType(typeof(T))!.GetTableName();
        // The names come from the EF model, never from input.
#pragma warning disable EF1002
        if (db.Database.IsNpgsql())
            return [.. (await db.Database.SqlQueryRaw<long>(
                $"SELECT nextval(pg_get_serial_sequence('\"{table}\"', 'Id')) AS \"Value\" FROM generate_series(1, {count})").ToListAsync(ct)).Order()];
        var highest = (await db.Database.SqlQueryRaw<long>($"SELECT COALESCE(MAX(\"Id\"), 0) AS \"Value\" FROM \"{table}\"").ToListAsync(ct)).Single();
#pragma warning restore EF1002
        return [.. Enumerable.Range(1, count).Select(i => highest + i)];
    }

    /// <summary>After rows were written with explicit ids, moves PostgreSQL's identity past them.</summary>
    public static async Task ResetIdentityAsync<T>(GridGovDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql()) return;
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName();
        // Ids drawn in blocks from a named sequence (HiLo) continue after the largest written; so do identity columns.
        var sequence = entity.FindPrimaryKey()!.Properties[0].FindHiLoSequence() is { } hilo
            ? $"'\"{hilo.Name}\"'"
            : $"pg_get_serial_sequence('\"{table}\"', 'Id')";
        // The names come from the EF model, never from input.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT setval({sequence}, (SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\") + 1, false)", ct);
#pragma warning restore EF1002
    }

    private static object? ProviderValue(IProperty property, object row)
    {
        var value = property.PropertyInfo is { } pi ? pi.GetValue(row) : property.FieldInfo?.GetValue(row);
        if (value is null) return null;
        var converter = property.GetTypeMapping().Converter;
        return converter is null ? value : converter.ConvertToProvider(value);
    }
}
