using GridGov.Kernel.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GridGov.Kernel.Time;

/// <summary>A module's pass over whatever of its own has a due date: flag what is late, escalate, tell whoever must act.</summary>
public interface IDeadlineSweep
{
    /// <summary>What the pass did, for the log; null when it found nothing due.</summary>
    Task<string?> SweepAsync(DateTime now, CancellationToken ct);
}

/// <summary>
/// Runs every module's <see cref="IDeadlineSweep"/> every <c>Deadlines:WatchSeconds</c> (60 by
/// default; 0 turns it off), each in the same scope acting as the system.
/// </summary>
public sealed class DeadlineWatch(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<DeadlineWatch> log)
    : PeriodicSystemWork(scopes, config, clock, log, "Deadlines:WatchSeconds", 60)
{
    /// <summary>One tick, outside the timer.</summary>
    internal Task RunOnceAsync(IServiceProvider services, DateTime now, CancellationToken ct) => RunAsync(services, now, ct);

    protected override async Task RunAsync(IServiceProvider services, DateTime now, CancellationToken ct)
    {
        foreach (var sweep in services.GetServices<IDeadlineSweep>())
            if (await sweep.SweepAsync(now, ct) is { } done)
                log.LogInformation("Deadline watch, {Sweep}: {Done}", sweep.GetType().Name, done);
    }
}
