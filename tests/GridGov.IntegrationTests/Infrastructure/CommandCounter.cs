using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GridGov.IntegrationTests.Infrastructure;

/// <summary>Counts the SQL commands a piece of work sends, to prove a page costs a bounded number of queries.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly AsyncLocal<int[]?> _counter = new();

    public IDisposable Start(out Func<int> count) => Start(out count, out _);

    /// <summary>Counts every command, and apart the reads among them (a save's writes are one batch on PostgreSQL, one statement a row on SQLite).</summary>
    public IDisposable Start(out Func<int> count, out Func<int> reads)
    {
        var box = new int[2];
        _counter.Value = box;
        count = () => box[0];
        reads = () => box[1];
        return new Stop(() => _counter.Value = null);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Count(DbCommand command)
    {
        if (_counter.Value is not { } box) return;
        Interlocked.Increment(ref box[0]);
        if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref box[1]);
    }

    private sealed class Stop(Action stop) : IDisposable
    {
        public void Dispose() => stop();
    }
}
