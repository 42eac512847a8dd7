using GridGov.Data;
using GridGov.Kernel.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GridGov.Modules.Incidents.Application;

/// <summary>
/// Folds the tally changes that saves have written into the tallies every
/// <c>Incidents:TallyFoldSeconds</c> (5 by default; 0 turns it off). The metrics read both, so the
/// interval bounds only how many changes wait, never what the figures say.
/// </summary>
public sealed class TallyFolding(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<TallyFolding> log)
    : PeriodicSystemWork(scopes, config, clock, log, "Incidents:TallyFoldSeconds", 5)
{
    protected override Task RunAsync(IServiceProvider services, DateTime now, CancellationToken ct) =>
        IncidentTallies.FoldAsync(services.GetRequiredService<GridGovDbContext>(), ct);
}
