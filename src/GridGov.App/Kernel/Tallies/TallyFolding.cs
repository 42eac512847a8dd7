using GridGov.Data;
using GridGov.Kernel.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GridGov.Kernel.Tallies;

/// <summary>
/// Folds every module's pending tally changes (each registered <see cref="TallyShape"/>) every
/// <c>Tallies:FoldSeconds</c> (5 by default; 0 turns it off). Readers add changes and tallies, so
/// the interval bounds only how many changes wait, never what the figures say.
/// </summary>
public sealed class TallyFolding(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<TallyFolding> log)
    : PeriodicSystemWork(scopes, config, clock, log, "Tallies:FoldSeconds", 5)
{
    protected override async Task RunAsync(IServiceProvider services, DateTime now, CancellationToken ct)
    {
        var db = services.GetRequiredService<GridGovDbContext>();
        foreach (var shape in services.GetServices<TallyShape>()) await TallyFold.FoldAsync(db, shape, ct);
    }
}
