using GridGov.Modules.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace GridGov.Data;

/// <summary>Applies the provider's migrations and, into an empty database, seeds the demo county.</summary>
public sealed class DatabaseInitializer(GridGovDbContext db, DemoCounty demo, IConfiguration config, ILogger<DatabaseInitializer> log)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        if (!await db.Set<Modules.People.Domain.TagDefinition>().AnyAsync(ct))
        {
            db.AddRange(Modules.People.Domain.TagCatalogue.Seed());
            await db.SaveChangesAsync(ct);
        }
        await Modules.Incidents.Application.IncidentSeed.SeedAsync(db, ct);
        if (!config.GetValue("Demo:Seed", true)) return;
        if (!await db.Set<Modules.Territory.Domain.AdminArea>().IgnoreQueryFilters().AnyAsync(ct))
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var summary = await demo.SeedAsync(ct);
            log.LogInformation("Seeded the demo county in {Seconds:F1} s: {Summary}", watch.Elapsed.TotalSeconds, summary);
        }
        if (await db.Users.AnyAsync(u => u.UserName == DemoCounty.Logins[0].UserName, ct))
            Console.WriteLine(DemoCounty.LoginTable());
    }
}
