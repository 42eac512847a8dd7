using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GridGov.IntegrationTests.Infrastructure;

/// <summary>Counts the SQL commands a piece of work sends, to prove a page costs a bounded number of queries.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly AsyncLocal<int[]?> _counter = new();

    public IDisposable Start(out Func<int> count)
    {
        var box = new int[1];
        _counter.Value = box;
        count = () => box[0];
        return new Stop(() => _counter.Value = null);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_counter.Value is { } box) Interlocked.Increment(ref box[0]);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        if (_counter.Value is { } box) Interlocked.Increment(ref box[0]);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private sealed class Stop(Action stop) : IDisposable
    {
        public void Dispose() => stop();
    }
}
