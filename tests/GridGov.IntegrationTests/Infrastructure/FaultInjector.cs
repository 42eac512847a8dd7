using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GridGov.IntegrationTests.Infrastructure;

/// <summary>
/// Makes the database fail as it does while restarting: the next <c>times</c> commands whose SQL
/// contains a piece of text throw the provider's own transient error. Tests of one collection run
/// one at a time, so an armed fault meets only the test that armed it.
/// </summary>
public sealed class FaultInjector : DbCommandInterceptor
{
    private string? _match;
    private int _remaining;

    public int Thrown { get; private set; }

    public IDisposable Fail(string sqlContaining, int times)
    {
        (_match, _remaining, Thrown) = (sqlContaining, times, 0);
        return new Disarm(this);
    }

    private void Trip(DbCommand command)
    {
        if (_match is null || _remaining <= 0 || !command.CommandText.Contains(_match, StringComparison.Ordinal)) return;
        _remaining--;
        Thrown++;
        throw command is Npgsql.NpgsqlCommand
            ? new Npgsql.NpgsqlException("the database system is shutting down (simulated)", new IOException("connection reset"))
            : new Microsoft.Data.Sqlite.SqliteException("database is locked (simulated)", 5);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Trip(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Trip(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private sealed class Disarm(FaultInjector injector) : IDisposable
    {
        public void Dispose() => injector._match = null;
    }
}
