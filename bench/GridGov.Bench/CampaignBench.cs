using System.Collections.Concurrent;
using System.Diagnostics;
using GridGov.Data;
using GridGov.Host;
using GridGov.Kernel.Security;
using GridGov.Modules.FieldWork.Application;
using GridGov.Modules.FieldWork.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Bench;

/// <summary>
/// A screening campaign over every household of the generated city, through the app's own
/// composition and services (the same calls the API makes, without HTTP): the start that freezes
/// its universe, then coverage for the city, a county and a community read again and again, idle
/// and while paced clients record outcomes at once. Measures only.
/// </summary>
internal static class CampaignBench
{
    private const string CityPath = "140000000000/141100000000/";
    private static readonly (string Name, string Area)[] Places = [("city", "141100000000"), ("county", "141127000000"), ("community", "141127100001")];

    public static async Task RunAsync(DatabaseProvider provider, string connection, int clients, int loops, int paceMs, int runs)
    {
        // A city generated before the field work tables gets them from the migrations, as a deployment would.
        await using (var db = DatabaseSetup.CreateForSystem(provider, connection))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.MigrateAsync();
            // Each run measures one campaign on an otherwise empty field work schema, so that runs compare.
            if (provider == DatabaseProvider.Postgres)
                await db.Database.ExecuteSqlRawAsync("TRUNCATE \"CampaignSubjects\", \"CampaignCoverages\", \"CampaignTaggings\", \"Campaigns\", \"Submissions\"");
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(), ["ConnectionStrings:GridGov"] = connection + ";Maximum Pool Size=80;Command Timeout=600",
            ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        });
        builder.AddGridGov();
        await using var app = builder.Build();

        async Task<(T Result, double Ms)> As<T>(Func<IServiceProvider, Task<T>> work)
        {
            await using var scope = app.Services.CreateAsyncScope();
            // The city's own staff: scope filter on, the city in view and in reach.
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SignIn("bench", "bench", [Roles.CountyCentre], CityPath, null);
            var started = Stopwatch.GetTimestamp();
            var result = await work(scope.ServiceProvider);
            return (result, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var (defined, _) = await As(s => s.GetRequiredService<CampaignBook>().DefineAsync(new DefineCampaign("全市入户排查", "141100000000",
            CampaignPopulation.Households, today, today.AddDays(14), [new CampaignQuestion("fever", "是否发热", QuestionType.YesNo, Required: true)]),
            CancellationToken.None));
        var (started, freezeMs) = await As(s => s.GetRequiredService<CampaignBook>().StartAsync(defined.Id, CancellationToken.None));
        var universe = started.UniverseSubjects;
        Console.WriteLine($"Froze the universe of {universe:N0} households ({started.UniversePeople:N0} people) in {freezeMs / 1000:F1} s");
        // What the server's autovacuum does shortly after a million rows arrive, done before measuring rather than in the middle of it.
        await using (var db = DatabaseSetup.CreateForSystem(provider, connection))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres
                ? "VACUUM ANALYZE \"CampaignSubjects\", \"CampaignCoverages\"" : "ANALYZE");
        }

        Task<double> Coverage(string area) =>
            As(s => s.GetRequiredService<CampaignCoverageReader>().CoverageAsync(defined.Id, area, CancellationToken.None)).ContinueWith(t => t.Result.Ms);
        var idle = Places.ToDictionary(p => p.Name, _ => new List<double>());
        foreach (var (name, area) in Places)
            for (var i = -2; i < runs; i++)
            {
                var ms = await Coverage(area);
                if (i >= 0) idle[name].Add(ms);
            }

        // Each subject once, spread over the city's grids: a shuffled list of their numbers in the campaign's id range.
        var order = new ConcurrentQueue<int>(Enumerable.Range(1, universe).OrderBy(_ => Random.Shared.Next()).Take(clients * (loops + 3)));
        var recording = new ConcurrentBag<double>();
        var failures = new ConcurrentBag<string>();
        var measuring = false;
        async Task ClientAsync(int count)
        {
            if (measuring && paceMs > 0) await Task.Delay(Random.Shared.Next(paceMs + 1));
            for (var i = 0; i < count && order.TryDequeue(out var n); i++)
            {
                try
                {
                    var (_, ms) = await As(s => s.GetRequiredService<CampaignBook>().StepAsync(defined.Id, CampaignFreeze.IdOf(defined.Id, n),
                        new SubjectStep(SubjectAction.Complete, null, new Dictionary<string, string?> { ["fever"] = CampaignForm.No }, null,
                            Guid.NewGuid().ToString("N")), CancellationToken.None));
                    if (measuring) recording.Add(ms);
                }
                catch (Exception e) { failures.Add(e.Message); }
                if (measuring && paceMs > 0) await Task.Delay(paceMs / 2 + Random.Shared.Next(paceMs + 1));
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Min(clients, 20)).Select(_ => ClientAsync(3)));
        failures.Clear();
        measuring = true;
        var busy = Places.ToDictionary(p => p.Name, _ => new ConcurrentBag<double>());
        var watch = Stopwatch.StartNew();
        var writers = Task.WhenAll(Enumerable.Range(0, clients).Select(_ => ClientAsync(loops)));
        while (!writers.IsCompleted)
            foreach (var (name, area) in Places)
                busy[name].Add(await Coverage(area));
        await writers;
        var seconds = watch.Elapsed.TotalSeconds;
        var (final, _) = await As(s => s.GetRequiredService<CampaignCoverageReader>().CoverageAsync(defined.Id, "141100000000", CancellationToken.None));

        Console.WriteLine();
        var pacing = paceMs > 0 ? $", each pausing {paceMs / 2}–{paceMs * 3 / 2} ms between outcomes" : "";
        Console.WriteLine($"{clients} clients{pacing}: {recording.Count:N0} outcomes in {seconds:F1} s ({recording.Count / seconds:F0}/s), {failures.Count} failures; "
            + $"the city's coverage then {final.Total.Done:N0} of {final.Total.Target:N0}");
        foreach (var f in failures.Take(5)) Console.WriteLine("  " + f[..Math.Min(f.Length, 300)]);
        Console.WriteLine("| measure | p50 | p95 | max | runs |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| freezing the universe ({universe:N0} households, {started.UniversePeople:N0} people) | {freezeMs / 1000:F1} s | | | 1 |");
        foreach (var (name, _) in Places) Console.WriteLine(Row($"coverage, {name}, idle", idle[name]));
        foreach (var (name, _) in Places) Console.WriteLine(Row($"coverage, {name}, while the clients record", [.. busy[name]]));
        Console.WriteLine(Row("recording an outcome (paced clients)", [.. recording]));
    }

    private static string Row(string name, List<double> times)
    {
        times.Sort();
        return times.Count == 0 ? $"| {name} | – | – | – | 0 |"
            : $"| {name} | {times[times.Count / 2]:F0} ms | {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:F0} ms | {times[^1]:F0} ms | {times.Count} |";
    }
}
