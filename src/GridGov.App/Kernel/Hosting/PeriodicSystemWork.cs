using GridGov.Kernel.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GridGov.Kernel.Hosting;

/// <summary>
/// Work the system does on its own every so many seconds, as set by <paramref name="setting"/>
/// (0 turns it off): each run in its own scope, acting as the system; a failed run is logged and
/// the next tick tries again.
/// </summary>
public abstract class PeriodicSystemWork(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger log,
    string setting, int defaultSeconds) : BackgroundService
{
    /// <param name="now">The tick's time, in UTC.</param>
    protected abstract Task RunAsync(IServiceProvider services, DateTime now, CancellationToken ct);

    /// <summary>Work whose result people read (not only work that falls due) runs once at start as well.</summary>
    protected virtual bool RunsAtStart => false;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = config.GetValue(setting, defaultSeconds);
        if (seconds <= 0) return;
        if (RunsAtStart) await TickAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await TickAsync(stoppingToken);
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
            await RunAsync(scope.ServiceProvider, clock.GetUtcNow().UtcDateTime, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "{Work} failed; it runs again at the next tick", GetType().Name);
        }
    }
}
