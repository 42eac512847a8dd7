using System.Diagnostics;
using GridGov.Bench;
using GridGov.Data;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Application;
using GridGov.Modules.Territory.Application;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// Measures, never asserts. Usage:
//   dotnet run -c Release --project bench/GridGov.Bench -- --provider postgres --connection "Host=127.0.0.1;Username=postgres;Database=gridgov_bench"
//   dotnet run -c Release --project bench/GridGov.Bench -- --provider sqlite --connection "Data Source=/tmp/gridgov-bench.db"
// Add --reuse to measure an existing generated database again; --households-per-grid 14-20 for a 3.4-million city.
//   --import 1000000   the ledger import of a generated CSV, beside psql \copy of the same file
//   --search           search latency on a generated city (run after a generation)
//   --ci               every benchmark at a small scale, each printed as a ratio to its baseline of the same run
//   --incidents 1000000 --clients 100 --loops 5   the closed loop through the HTTP API over a year of incidents (PostgreSQL);
//                                                 add --pace 1000 for clients that pause about a second between steps
//   --cockpit 300000   the cockpit of a county and of the whole city (after a generation; adds that many incidents once)
//   --training 200000 --clients 100 --loops 10 --pace 1000   training vouchers over the generated city (after a generation):
//                                                   eligibility of every resident, issuing that many, paced redemptions
//   --bulletins 3     weekly bulletins of the city, every county and every township over ten indicators (after a generation)
//   --campaign --clients 100 --loops 20 --pace 1000   a screening of every household of the generated city (after a
//                                                   generation): freezing its universe, coverage while paced clients record outcomes
var options = Args.Parse(args);
// The benchmark and the app it starts share one key ring, so either reads what the other wrote.
GridGov.Kernel.Privacy.PersonalDataKeys.Load(BenchKeys.File);
var provider = options.Get("provider", "postgres") == "sqlite" ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
var connection = options.Get("connection", provider == DatabaseProvider.Sqlite
    ? "Data Source=/tmp/gridgov-bench.db"
    : "Host=127.0.0.1;Username=postgres;Database=gridgov_bench");
var runs = int.Parse(options.Get("runs", "20"));
Console.WriteLine($"GridGov benchmark · {provider} · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd}");
if (options.Has("import"))
{
    await Fresh(provider, connection);
    await ImportBench.RunAsync(provider, connection, int.Parse(options.Get("import", "1000000")));
    return;
}
if (options.Has("incidents"))
{
    if (!options.Has("reuse")) await Fresh(provider, connection);
    await IncidentBench.RunAsync(connection, int.Parse(options.Get("incidents", "1000000")), int.Parse(options.Get("clients", "100")),
        int.Parse(options.Get("loops", "5")), options.Has("reuse"), int.Parse(options.Get("pace", "0")));
    return;
}
if (options.Has("ci"))
{
    // Every benchmark at a small scale, each beside its baseline of the same run, so a tenfold
    // slowdown shows in every CI output as a ratio rather than as a number nobody remembers.
    await Fresh(provider, connection);
    var import = await ImportBench.RunAsync(provider, connection, int.Parse(options.Get("ci-import", "20000")));
    await Fresh(provider, connection);
    await using (var db = DatabaseSetup.CreateForSystem(provider, connection))
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.MigrateAsync();
        var (_, _, people) = await new CityGenerator(db, 1, 2).GenerateAsync(_ => { });
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres ? "VACUUM ANALYZE" : "ANALYZE");
        Console.WriteLine($"Small city for search: {people:N0} residents");
    }
    var search = await ImportBench.SearchAsync(provider, connection, 3);
    var training = await TrainingBench.RunAsync(provider, connection, 2000, 10, 5, 0);
    Console.WriteLine();
    Console.WriteLine("== benchmark ratios (each against a baseline measured in this run)");
    if (import.IndexedCopyRowsPerSecond is { } indexed)
        Console.WriteLine($"import: {import.ImportRowsPerSecond:N0} rows/s = {import.ImportRowsPerSecond / indexed:F2}x psql \\copy into the indexed tables ({indexed:N0} rows/s), {import.ImportRowsPerSecond / import.BareCopyRowsPerSecond!.Value:F3}x \\copy into a bare table");
    Console.WriteLine($"training: eligibility of {training.People:N0} residents in {training.EligibilityS:F2} s = {training.EligibilityS / training.BaselineS:F1}x reading the same rows ({training.BaselineS:F2} s); "
        + $"{training.Issued:N0} vouchers issued in {training.IssueS:F2} s; {TrainingBench.Row("redemption", training.Redemptions)}");
    if (search.RawSqlP50Ms is { } raw)
        Console.WriteLine($"search: p50 {search.SearchP50Ms:F1} ms = {search.SearchP50Ms / raw:F1}x hand-written indexed SQL (p50 {raw:F1} ms)");
    return;
}
if (options.Has("bulletins"))
{
    await BulletinBench.RunAsync(provider, connection, int.Parse(options.Get("bulletins", "3")));
    return;
}
if (options.Has("training"))
{
    var t = await TrainingBench.RunAsync(provider, connection, int.Parse(options.Get("training", "200000")), int.Parse(options.Get("clients", "100")),
        int.Parse(options.Get("loops", "10")), int.Parse(options.Get("pace", "1000")));
    Console.WriteLine("| measure | p50 | p95 | max | runs |");
    Console.WriteLine("|---|---|---|---|---|");
    Console.WriteLine($"| eligibility of {t.People:N0} residents | {t.EligibilityS:F1} s ({t.EligibilityS / t.BaselineS:F1}x reading the same rows, {t.BaselineS:F1} s) | | | 1 |");
    Console.WriteLine($"| issuing {t.Issued:N0} vouchers | {t.IssueS:F1} s | | | 1 |");
    Console.WriteLine(TrainingBench.Row($"a redemption ({t.Failures} failures)", t.Redemptions));
    return;
}
if (options.Has("campaign"))
{
    await CampaignBench.RunAsync(provider, connection, int.Parse(options.Get("clients", "100")), int.Parse(options.Get("loops", "20")),
        int.Parse(options.Get("pace", "1000")), runs);
    return;
}
if (options.Has("cockpit"))
{
    await CockpitBench.RunAsync(provider, connection, int.Parse(options.Get("cockpit", "300000")), runs);
    return;
}
if (options.Has("search"))
{
    await ImportBench.SearchAsync(provider, connection, int.Parse(options.Get("runs", "10")));
    return;
}

if (!options.Has("reuse"))
{
    await Fresh(provider, connection);
    await using var db = DatabaseSetup.CreateForSystem(provider, connection);
    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
    await db.Database.MigrateAsync();
    var watch = Stopwatch.StartNew();
    Console.WriteLine("Generating the city…");
    var range = options.Get("households-per-grid", "12-18").Split('-').Select(int.Parse).ToArray();
    var (grids, households, residents) = await new CityGenerator(db, range[0], range[1]).GenerateAsync(Console.WriteLine);
    if (provider == DatabaseProvider.Postgres) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
    else await db.Database.ExecuteSqlRawAsync("ANALYZE");
    Console.WriteLine($"Generated {grids:N0} grids, {households:N0} households, {residents:N0} residents in {watch.Elapsed.TotalSeconds:F0} s");
}

const string City = "141100000000", County = "141127000000";
var county = await Measure("Tree counts, one county (岚县)", runs, () => TreeAsync(County));
var city = await Measure("Tree counts, whole city", Math.Max(3, runs / 4), () => TreeAsync(City));
var coverage = await Measure("Coverage check, whole city", 3, async () =>
{
    var (db, user) = Context();
    await using var _ = db;
    var report = await new CoverageCheck(db, user, new PopulationStatistics(db), TimeProvider.System).RunAsync(City, CancellationToken.None);
    var kinds = string.Join(", ", report.Totals.Where(t => t.Value > 0).Select(t => $"{t.Key} {t.Value}"));
    return $"{report.GridsChecked:N0} grids, {report.HouseholdsChecked:N0} households, {report.Totals.Values.Sum():N0} violations ({kinds})";
});
Console.WriteLine();
Console.WriteLine("| measure | p50 | p95 | max | note |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var m in new[] { county, city, coverage }) Console.WriteLine(m);

async Task<string> TreeAsync(string code)
{
    var (db, user) = Context();
    await using var _ = db;
    var view = await new TerritoryTree(db, user, new PopulationStatistics(db)).GetAsync(code, false, CancellationToken.None);
    return $"{view.Children.Count} children, {view.Node!.Households:N0} households, {view.Node.Residents:N0} residents";
}

(GridGovDbContext, CurrentUser) Context()
{
    // Measured as the city's own staff would see it: scope filter on, city-wide view.
    var user = new CurrentUser();
    user.SignIn("bench", "bench", [Roles.CountyCentre], "140000000000/141100000000/", null);
    var db = new GridGovDbContext(Build(provider, connection), user, TimeProvider.System);
    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
    return (db, user);
}

static DbContextOptions<GridGovDbContext> Build(DatabaseProvider provider, string connection)
{
    var builder = new DbContextOptionsBuilder<GridGovDbContext>();
    DatabaseSetup.Configure(builder, provider, connection);
    return builder.Options;
}

static async Task<Result> Measure(string name, int runs, Func<Task<string>> work)
{
    var note = await work(); // warm-up: first query compiles and fills caches
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        note = await work();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    var result = new Result(name, times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1], times[^1], note);
    Console.WriteLine($"{name}: p50 {result.P50:F0} ms, p95 {result.P95:F0} ms ({runs} runs) · {note}");
    return result;
}

static async Task Fresh(DatabaseProvider provider, string connection)
{
    if (provider == DatabaseProvider.Sqlite)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource;
        foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        return;
    }
    // Pooled connections to the database about to be dropped would be killed under the next user.
    NpgsqlConnection.ClearAllPools();
    var builder = new NpgsqlConnectionStringBuilder(connection);
    var database = builder.Database!;
    builder.Database = "postgres";
    await using var admin = new NpgsqlConnection(builder.ConnectionString);
    await admin.OpenAsync();
    await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
    await new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin).ExecuteNonQueryAsync();
}

internal sealed record Result(string Name, double P50, double P95, double Max, string Note)
{
    public override string ToString() => $"| {Name} | {P50:F0} ms | {P95:F0} ms | {Max:F0} ms | {Note} |";
}

internal sealed class Args(Dictionary<string, string> values)
{
    public static Args Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
            if (args[i].StartsWith("--"))
                values[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--") ? args[++i] : "true";
        return new Args(values);
    }

    public string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public bool Has(string name) => values.ContainsKey(name);
}

/// <summary>Where the benchmark keeps the keys for the personal data it generates.</summary>
internal static class BenchKeys
{
    public static readonly string File = Path.Combine(Path.GetTempPath(), "gridgov-bench-keys", "personal-data.json");
}
