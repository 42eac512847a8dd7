using System.Text.Json;
using GridGov.Data;
using GridGov.Kernel.Hosting;
using GridGov.Kernel.Security;
using GridGov.Modules.Territory.Contracts;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GridGov.Modules.Territory.Application;

/// <summary>The kept coverage runs, read through the caller's scope.</summary>
internal sealed class CoverageRuns(GridGovDbContext db, CurrentUser user) : ICoverageStatus
{
    public async Task<CoverageStatus?> LatestAsync(string areaCode, CancellationToken ct)
    {
        if (!user.Has(TerritoryPermissions.CoverageView)) return null;
        var run = await db.Set<CoverageRun>().AsNoTracking().FirstOrDefaultAsync(r => r.AreaCode == areaCode, ct);
        return run is null ? null : new CoverageStatus(run.AreaCode, run.AreaName, run.CheckedAt, run.Passes, run.Problems, run.Grids, run.Households,
            JsonSerializer.Deserialize<Dictionary<string, int>>(run.ProblemsByKind) ?? [], $"/coverage/{run.AreaCode}");
    }
}

/// <summary>
/// Checks the coverage of every county and township on its own, at start and then every
/// <c>Coverage:CheckSeconds</c> (six hours by default; 0 turns it off), so that every cockpit
/// shows a status no older than that without running the check on a view.
/// </summary>
public sealed class CoverageWatch(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<CoverageWatch> log)
    : PeriodicSystemWork(scopes, config, clock, log, "Coverage:CheckSeconds", 6 * 60 * 60)
{
    protected override bool RunsAtStart => true;

    protected override Task RunAsync(IServiceProvider services, DateTime now, CancellationToken ct) =>
        CheckAllAsync(services.GetRequiredService<IServiceScopeFactory>(), ct);

    /// <summary>Checks every county and township, each as the system in a scope of its own: one area's check holds only its own rows.</summary>
    public static async Task CheckAllAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        List<string> areas;
        using (var scope = SystemScope(scopes))
            areas = await scope.ServiceProvider.GetRequiredService<GridGovDbContext>().Set<AdminArea>().AsNoTracking()
                .Where(a => a.Level == AreaLevel.County || a.Level == AreaLevel.Township).OrderBy(a => a.Path).Select(a => a.Code).ToListAsync(ct);
        foreach (var code in areas)
        {
            using var scope = SystemScope(scopes);
            await scope.ServiceProvider.GetRequiredService<CoverageCheck>().RunAsync(code, ct);
        }
    }

    private static IServiceScope SystemScope(IServiceScopeFactory scopes)
    {
        var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        return scope;
    }
}
