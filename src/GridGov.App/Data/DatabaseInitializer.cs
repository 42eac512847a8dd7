using GridGov.Modules.Accounts.Application;
using GridGov.Modules.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GridGov.Data;

/// <summary>
/// Applies the provider's migrations and the reference data every deployment needs. The demo
/// county, with its published logins, is seeded only in Development or when <c>Demo:Seed</c> asks
/// for it: a production start on an empty database creates no account with a known password.
/// </summary>
public sealed class DatabaseInitializer(GridGovDbContext db, DemoCounty demo, FirstAdministrator first, IConfiguration config,
    IHostEnvironment env, ILogger<DatabaseInitializer> log)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        await Modules.People.Application.PersonalDataBackfill.RunAsync(db, log, ct);
        if (!await db.Set<Modules.People.Domain.TagDefinition>().AnyAsync(ct))
        {
            db.AddRange(Modules.People.Domain.TagCatalogue.Seed());
            await db.SaveChangesAsync(ct);
        }
        await Modules.Incidents.Application.IncidentSeed.SeedAsync(db, ct);
        await first.EnsureRolesAsync();
        if (!DemoWanted(config, env))
        {
            if (!await db.Users.AnyAsync(ct)) Console.WriteLine(FirstAdministrator.Instructions);
            return;
        }
        if (!await db.Set<Modules.Territory.Domain.AdminArea>().IgnoreQueryFilters().AnyAsync(ct))
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var summary = await demo.SeedAsync(ct);
            log.LogInformation("Seeded the demo county in {Seconds:F1} s: {Summary}", watch.Elapsed.TotalSeconds, summary);
        }
        if (await db.Users.AnyAsync(u => u.UserName == DemoCounty.Logins[0].UserName, ct))
            Console.WriteLine(DemoCounty.LoginTable());
    }

    /// <summary>The demo is seeded in Development, or anywhere <c>Demo:Seed</c> is set to true; never by default in production.</summary>
    public static bool DemoWanted(IConfiguration config, IHostEnvironment env) => config.GetValue("Demo:Seed", env.IsDevelopment());
}
