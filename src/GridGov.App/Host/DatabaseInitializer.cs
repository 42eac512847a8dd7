using GridGov.Data;
using GridGov.Kernel.Modules;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Host;

/// <summary>
/// Applies the provider's migrations, then lets each module seed what it needs, in the modules'
/// order (the demo county, when wanted, comes last).
/// </summary>
public sealed class DatabaseInitializer(GridGovDbContext db, IServiceProvider services)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        foreach (var module in ModuleCatalog.All) await module.SeedAsync(services, ct);
    }
}
