using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace GridGov.Data;

/// <summary>
/// PostgreSQL's retrying strategy, for work that can be repeated whole: a query, or a save that
/// runs in a transaction of its own. Work inside a transaction the app opened is never retried
/// piecemeal (its earlier statements went with the failed connection); it fails, and the caller
/// gets a 503 to try again.
/// </summary>
public sealed class RetryOutsideTransactions(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null)
{
    private bool InTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    protected override void OnFirstExecution()
    {
        if (InTransaction) return;
        base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception exception) => !InTransaction && base.ShouldRetryOn(exception);
}

public static class TransientFailure
{
    /// <summary>A database that is restarting, failing over or out of connections: worth a second try in a moment.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is RetryLimitExceededException or TimeoutException
                || e is Npgsql.NpgsqlException { IsTransient: true }
                || e is Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" or "40001" or "40P01" }
                || e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 })
                return true;
        return false;
    }
}
