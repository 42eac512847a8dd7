using GridGov.Kernel.Time;
using GridGov.Data;
using GridGov.Kernel.Modules;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Host;

/// <summary>
/// Applies the provider's migrations, then lets each module seed what it needs, in the modules'
/// order (the demo county, when wanted, comes last).
/// </summary>
public sealed class DatabaseInitializer(GridGovDbContext db, HolidayCalendar calendar, IServiceProvider services)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        // The working-day calendar is the platform's: every module's deadlines count with it.
        await calendar.SeedAsync(ct);
        foreach (var module in ModuleCatalog.All) await module.SeedAsync(services, ct);
    }
}
