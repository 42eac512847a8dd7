using System.Diagnostics;
using GridGov.Data;
using GridGov.Host;
using GridGov.Kernel.Security;
using GridGov.Kernel.Tallies;
using GridGov.Modules.Targets.Application;
using GridGov.Modules.Targets.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Bench;

/// <summary>
/// Weekly bulletins over the generated city, through the app's own services: ten indicators read
/// from the incident and training figures, a year target for every unit, then the city's bulletin
/// (13 counties), every county's (150 townships) and every township's (650 communities), each
/// snapshot computed and frozen, and the .docx of the city's and of the largest county's. The
/// baseline is the figure board's own reads of the same units for the same period. Measures only.
/// </summary>
internal static class BulletinBench
{
    private const string CityPath = "140000000000/141100000000/";

    public sealed record Result(double CityMs, double CityBaselineMs, double CountiesMs, int Townships, double TownshipsMs, int Communities,
        double CityDocxMs, double CountyDocxMs, int Failed);

    private static readonly (string Code, IndicatorKind Kind, string Numerator, string? Denominator)[] Indicators =
    [
        ("b.reported", IndicatorKind.Count, "incidents.reported", null), ("b.closed", IndicatorKind.Count, "incidents.closed", null),
        ("b.on_time", IndicatorKind.Rate, "incidents.closed_on_time", "incidents.closed"), ("b.rework", IndicatorKind.Rate, "incidents.rework", "incidents.closed"),
        ("b.escalated", IndicatorKind.Count, "incidents.escalated", null), ("b.trained", IndicatorKind.Count, "training.trained", null),
        ("b.certified", IndicatorKind.Count, "training.certified", null), ("b.skilled", IndicatorKind.Count, "training.skilled", null),
        ("b.high_skilled", IndicatorKind.Count, "training.high_skilled", null), ("b.employed", IndicatorKind.Count, "training.employed", null),
    ];

    public static async Task<List<Result>> RunAsync(DatabaseProvider provider, string connection, int runs)
    {
        await using (var db = DatabaseSetup.CreateForSystem(provider, connection))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.MigrateAsync();
            if (provider == DatabaseProvider.Postgres)
                await db.Database.ExecuteSqlRawAsync("TRUNCATE \"BulletinLines\", \"Bulletins\", \"TargetRevisions\", \"Targets\", \"Pledges\", \"ReportedFigures\", "
                    + "\"Indicators\", \"CycleSettings\" CASCADE");
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(), ["ConnectionStrings:GridGov"] = connection + ";Command Timeout=600",
            ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        });
        builder.AddGridGov();
        await using var app = builder.Build();

        async Task<(T Result, double Ms)> Office<T>(Func<IServiceProvider, Task<T>> work)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SignIn("bench-office", "bench-office", [Roles.CountyCentre], CityPath, null);
            var started = Stopwatch.GetTimestamp();
            var result = await work(scope.ServiceProvider);
            return (result, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var (ids, _) = await Office(async s =>
        {
            var book = s.GetRequiredService<IndicatorBook>();
            var made = new List<int>();
            foreach (var (code, kind, numerator, denominator) in Indicators)
                made.Add((await book.DefineAsync(new DefineIndicator(code, code, kind == IndicatorKind.Count ? "件" : "", kind, numerator, denominator, false,
                    PeriodKinds.Year | PeriodKinds.Week, 5, 1m, 0.8m), CancellationToken.None)).Id);
            return made;
        });
        var (tree, _) = await Office(async s =>
        {
            var map = s.GetRequiredService<ITerritoryMap>();
            var counties = await map.ChildrenAsync(CityPath, CancellationToken.None);
            var townships = new List<NodeRef>();
            foreach (var county in counties) townships.AddRange(await map.ChildrenAsync(county.Path, CancellationToken.None));
            return (Counties: counties, Townships: townships);
        });
        // A year target for every county and township on every count indicator, and a rate target for the rates.
        await Office(async s =>
        {
            var targets = s.GetRequiredService<TargetBook>();
            foreach (var unit in tree.Counties.Concat(tree.Townships))
                for (var i = 0; i < Indicators.Length; i++)
                    await targets.SetAsync(new SetTarget(ids[i], unit.Code, PeriodKind.Year, today, Indicators[i].Kind == IndicatorKind.Rate ? 90 : 50,
                        "bench"), CancellationToken.None);
            return 0;
        });

        var results = new List<Result>();
        for (var run = 0; run < runs; run++)
        {
            var week = today.AddDays(-7 * run);
            var (_, baselineMs) = await Office(async s =>
            {
                var board = s.GetRequiredService<FigureBoard>();
                var keys = Indicators.SelectMany(i => new[] { i.Numerator, i.Denominator }).OfType<string>().Distinct().ToList();
                return await board.ReadAtAsync(keys, tree.Counties.Select(c => c.Path).ToList(), new DateOnly(week.Year, 1, 1), week, CancellationToken.None);
            });
            var (city, cityMs) = await Office(s => s.GetRequiredService<BulletinDesk>().CompileAsync(new CompileBulletin("141100000000", week, ids),
                CancellationToken.None));
            var failed = city.State == BulletinState.Failed ? 1 : 0;
            double countiesMs = 0;
            var largest = (Id: 0, Rows: 0);
            foreach (var county in tree.Counties)
            {
                var (bulletin, ms) = await Office(s => s.GetRequiredService<BulletinDesk>().CompileAsync(new CompileBulletin(county.Code, week, ids),
                    CancellationToken.None));
                countiesMs += ms;
                failed += bulletin.State == BulletinState.Failed ? 1 : 0;
                var rows = bulletin.Sections.Sum(x => x.Rows.Count);
                if (rows > largest.Rows) largest = (bulletin.Id, rows);
            }
            double townshipsMs = 0;
            var communities = 0;
            foreach (var township in tree.Townships)
            {
                var (bulletin, ms) = await Office(s => s.GetRequiredService<BulletinDesk>().CompileAsync(new CompileBulletin(township.Code, week, ids),
                    CancellationToken.None));
                townshipsMs += ms;
                failed += bulletin.State == BulletinState.Failed ? 1 : 0;
                communities += bulletin.Sections[0].Rows.Count - 1;
            }
            var (_, cityDocxMs) = await Office(async s => { var (content, _) = await s.GetRequiredService<BulletinDocuments>().WordAsync(city.Id, CancellationToken.None); await content.DisposeAsync(); return 0; });
            var (_, countyDocxMs) = await Office(async s => { var (content, _) = await s.GetRequiredService<BulletinDocuments>().WordAsync(largest.Id, CancellationToken.None); await content.DisposeAsync(); return 0; });
            var result = new Result(cityMs, baselineMs, countiesMs, tree.Townships.Count, townshipsMs, communities, cityDocxMs, countyDocxMs, failed);
            Console.WriteLine($"run {run + 1}: city {cityMs:F0} ms (figure board alone {baselineMs:F0} ms), 13 counties {countiesMs / 1000:F1} s, "
                + $"{tree.Townships.Count} townships ({communities} communities) {townshipsMs / 1000:F1} s, .docx city {cityDocxMs:F0} ms / largest county {countyDocxMs:F0} ms, failed {failed}");
            results.Add(result);
        }
        return results;
    }
}
