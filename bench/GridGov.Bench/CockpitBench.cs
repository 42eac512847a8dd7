using System.Diagnostics;
using GridGov.Data;
using GridGov.Host;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.Cockpit.Application;
using GridGov.Modules.Incidents.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Bench;

/// <summary>
/// The cockpit of a county and of the whole generated city, read through the app's own
/// composition, over a year of incidents on the city's grids; beside it, one indexed count of the
/// same year's incidents, the least a dashboard that reads rows would do for one of its numbers.
/// </summary>
internal static class CockpitBench
{
    private const string CityPath = "140000000000/141100000000/";
    private const string CountyPath = CityPath + "141127000000/";

    public static async Task RunAsync(DatabaseProvider provider, string connection, int incidents, int runs)
    {
        await using (var db = DatabaseSetup.CreateForSystem(provider, connection))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(60));
            // A city generated before the latest tallies gets them from the migrations, as a deployment would.
            await db.Database.MigrateAsync();
            var built = Stopwatch.StartNew();
            await GridGov.Modules.People.Application.TagTallies.BackfillAsync(db, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
            if (built.Elapsed.TotalSeconds > 1) Console.WriteLine($"Built the tag tallies of a city generated before them in {built.Elapsed.TotalSeconds:F0} s");
            if (!await db.Set<Incident>().AnyAsync())
            {
                var watch = Stopwatch.StartNew();
                await GridGov.Modules.Demo.IncidentHistory.GenerateAsync(db, incidents, 17, DateTime.UtcNow, null, CancellationToken.None);
                await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres ? "VACUUM ANALYZE" : "ANALYZE");
                Console.WriteLine($"Generated {incidents:N0} incidents over the city's grids in {watch.Elapsed.TotalSeconds:F0} s");
            }
            Console.WriteLine($"{await db.Set<Incident>().CountAsync():N0} incidents in the database");
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(), ["ConnectionStrings:GridGov"] = connection,
            ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        });
        builder.AddGridGov();
        await using var app = builder.Build();

        Console.WriteLine();
        Console.WriteLine("| cockpit (本年) | p50 | p95 | max | one indexed count of the year's incidents, p50 | p95 ratio | note |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (label, path) in new[] { ("county (岚县)", CountyPath), ("whole city", CityPath) })
        {
            var cockpit = new List<double>();
            var counts = new List<double>();
            var note = "";
            for (var i = 0; i < runs + 2; i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().SignIn("bench", "bench", [Roles.CountyCentre], path, null);
                var reader = scope.ServiceProvider.GetRequiredService<CockpitReader>();
                var watch = Stopwatch.StartNew();
                var view = await reader.ReadAsync(null, PeriodPreset.Year, null, CancellationToken.None);
                if (i >= 2) cockpit.Add(watch.Elapsed.TotalMilliseconds);
                note = $"{view.Figures.Values.First(v => v.Key == "incidents.reported").Value:N0} reported, {view.Ranking.Count} places ranked, " +
                       $"{view.Map.Drawn:N0} level-{view.Map.Level} grids drawn, {view.Map.Markers.Count} points, " +
                       $"{view.Tags?.FirstOrDefault(t => t.Code == "elderly")?.Residents:N0} elderly of {view.Tags?.Count} tags";

                var db = scope.ServiceProvider.GetRequiredService<GridGovDbContext>();
                var start = WorkCalendar.StartOf(view.From);
                watch.Restart();
                await db.Set<Incident>().CountAsync(x => x.ReportedAt >= start && x.Path.StartsWith(path));
                if (i >= 2) counts.Add(watch.Elapsed.TotalMilliseconds);
            }
            var (p50, p95, max) = Stats(cockpit);
            var (c50, _, _) = Stats(counts);
            Console.WriteLine($"| {label} | {p50:F0} ms | {p95:F0} ms | {max:F0} ms | {c50:F0} ms | {p95 / c50:F1}x | {note} |");
        }
    }

    private static (double P50, double P95, double Max) Stats(List<double> times)
    {
        var t = times.Order().ToList();
        return (t[t.Count / 2], t[(int)Math.Ceiling(t.Count * 0.95) - 1], t[^1]);
    }
}
