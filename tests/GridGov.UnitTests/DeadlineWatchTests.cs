using GridGov.Kernel.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GridGov.UnitTests;

/// <summary>The Kernel's deadline watch runs every module's sweep with the tick's time.</summary>
public class DeadlineWatchTests
{
    private sealed class Sweep(string name, List<(string, DateTime)> calls) : IDeadlineSweep
    {
        public Task<string?> SweepAsync(DateTime now, CancellationToken ct)
        {
            calls.Add((name, now));
            return Task.FromResult<string?>(name == "late" ? "2 late" : null);
        }
    }

    [Fact]
    public async Task Each_registered_sweep_runs_once_per_tick_with_its_time()
    {
        var calls = new List<(string, DateTime)>();
        var services = new ServiceCollection()
            .AddScoped<IDeadlineSweep>(_ => new Sweep("incidents", calls))
            .AddScoped<IDeadlineSweep>(_ => new Sweep("late", calls))
            .BuildServiceProvider();
        var watch = new DeadlineWatch(services.GetRequiredService<IServiceScopeFactory>(), new ConfigurationBuilder().Build(), TimeProvider.System,
            NullLogger<DeadlineWatch>.Instance);
        var tick = new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);
        await watch.RunOnceAsync(services, tick, CancellationToken.None);
        Assert.Equal([("incidents", tick), ("late", tick)], calls);
    }
}
