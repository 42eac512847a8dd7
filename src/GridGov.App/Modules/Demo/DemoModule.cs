using GridGov.Data;
using GridGov.Kernel.Hosting;
using GridGov.Kernel.Modules;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GridGov.Modules.Demo;

/// <summary>
/// The demo county, with its published logins: seeded last, on an empty database, only in
/// Development or when <c>Demo:Seed</c> asks for it, so a production start creates no account with a known password.
/// </summary>
public sealed class DemoModule : IGridGovModule
{
    public int Order => 1000;

    public void AddServices(IServiceCollection services, ModuleHost host) => services.AddScoped<DemoCounty>();

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!DemoData.Wanted(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>())) return;
        var db = services.GetRequiredService<GridGovDbContext>();
        // Seeding acts as the system, whose scope is the whole tree: no filter hides an area from it.
        if (!await db.Set<AdminArea>().AnyAsync(ct))
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var summary = await services.GetRequiredService<DemoCounty>().SeedAsync(ct);
            await TargetsHistory.GenerateAsync(services, ct);
            services.GetRequiredService<ILogger<DemoModule>>()
                .LogInformation("Seeded the demo county in {Seconds:F1} s: {Summary}", watch.Elapsed.TotalSeconds, summary);
        }
        if (await db.Users.AnyAsync(u => u.UserName == DemoCounty.Logins[0].UserName, ct))
            Console.WriteLine(DemoCounty.LoginTable());
    }
}
