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

/// <summary>The kept coverage runs, each shown only to a reader whose view holds its area.</summary>
internal sealed class CoverageRuns(GridGovDbContext db, CurrentUser user) : ICoverageStatus
{
    public async Task<CoverageStatus?> LatestAsync(string areaCode, CancellationToken ct)
    {
        if (!user.Has(TerritoryPermissions.CoverageView)) return null;
        var run = await db.Set<CoverageRun>().AsNoTracking().FirstOrDefaultAsync(r => r.AreaCode == areaCode, ct);
        return run is null || !user.CanView(run.Path) ? null : new CoverageStatus(run.AreaCode, run.AreaName, run.CheckedAt, run.Passes, run.Problems, run.Grids, run.Households,
            JsonSerializer.Deserialize<Dictionary<string, int>>(run.ProblemsByKind) ?? [], $"/coverage/{run.AreaCode}");
    }
}

/// <summary>
/// Checks the coverage of every county and township on its own every <c>Coverage:CheckSeconds</c>
/// (six hours by default; 0 turns it off), so that every cockpit shows a status no older than
/// that without running the check on a view. At start it checks only the areas whose kept run is
/// missing or older than that, so a restart adds no work to a busy morning.
/// </summary>
public sealed class CoverageWatch(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<CoverageWatch> log)
    : PeriodicSystemWork(scopes, config, clock, log, "Coverage:CheckSeconds", 6 * 60 * 60)
{
    protected override bool RunsAtStart => true;

    private readonly TimeSpan _interval = TimeSpan.FromSeconds(config.GetValue("Coverage:CheckSeconds", 6 * 60 * 60));

    protected override Task RunAsync(IServiceProvider services, DateTime now, CancellationToken ct) =>
        CheckAllAsync(services.GetRequiredService<IServiceScopeFactory>(), ct, checkedBefore: now - _interval + TimeSpan.FromMinutes(1));

    /// <summary>
    /// Checks every county and township (or only those not checked since <paramref name="checkedBefore"/>),
    /// each as the system in a scope of its own: one area's check holds only its own rows.
    /// </summary>
    public static async Task CheckAllAsync(IServiceScopeFactory scopes, CancellationToken ct, DateTime? checkedBefore = null)
    {
        List<string> areas;
        using (var scope = SystemScope(scopes))
        {
            var db = scope.ServiceProvider.GetRequiredService<GridGovDbContext>();
            var recent = db.Set<CoverageRun>().Where(r => checkedBefore != null && r.CheckedAt >= checkedBefore).Select(r => r.AreaCode);
            areas = await db.Set<AdminArea>().AsNoTracking()
                .Where(a => (a.Level == AreaLevel.County || a.Level == AreaLevel.Township) && !recent.Contains(a.Code))
                .OrderBy(a => a.Path).Select(a => a.Code).ToListAsync(ct);
        }
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
