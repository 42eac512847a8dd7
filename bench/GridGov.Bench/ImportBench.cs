using System.Diagnostics;
using System.Text;
using GridGov.Data;
using GridGov.Host;
using GridGov.Kernel.Security;
using GridGov.Modules.Demo;
using GridGov.Modules.People.Application;
using GridGov.Modules.People.Application.Import;
using GridGov.Modules.People.Domain;
using GridGov.Modules.Territory.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GridGov.Bench;

/// <summary>
/// The ledger import end to end (upload: parse, validate, dedupe; commit: write with history and
/// tallies) for a CSV of generated people on an empty city, beside psql's \copy of the same file
/// into a bare table; and search latency on a populated city. Measures only.
/// </summary>
internal static class ImportBench
{
    /// <summary>Rows per second of the import and of the two \copy baselines of the same run (PostgreSQL only).</summary>
    public sealed record ImportFigures(double ImportRowsPerSecond, double? BareCopyRowsPerSecond, double? IndexedCopyRowsPerSecond);

    public static async Task<ImportFigures> RunAsync(DatabaseProvider provider, string connection, int rows)
    {
        var db = DatabaseSetup.CreateForSystem(provider, connection);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.MigrateAsync();
        Console.WriteLine("Generating the city's grids (no people)…");
        await new CityGenerator(db, populate: false).GenerateAsync(_ => { });
        var grids = await db.Set<Grid>().Where(g => g.Level == 3).OrderBy(g => g.Id).Select(g => g.Code).ToListAsync();
        await db.DisposeAsync();

        var csv = Path.Combine(Path.GetTempPath(), $"gridgov-import-{rows}.csv");
        WriteCsv(csv, grids, rows);
        Console.WriteLine($"CSV: {rows:N0} rows, {new FileInfo(csv).Length / 1024 / 1024} MB");

        double? copySeconds = provider == DatabaseProvider.Postgres ? await CopyAsync(connection, csv) : null;

        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Database:Provider"] = provider.ToString();
        builder.Configuration["ConnectionStrings:GridGov"] = connection;
        builder.Configuration["Import:MaxBytes"] = (2L * 1024 * 1024 * 1024).ToString();
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
        builder.AddGridGov();
        await using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        scope.ServiceProvider.GetRequiredService<GridGovDbContext>().Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var import = scope.ServiceProvider.GetRequiredService<LedgerImport>();
        var watch = Stopwatch.StartNew();
        ImportReport preview;
        await using (var file = File.OpenRead(csv)) preview = await import.UploadAsync(file, CancellationToken.None);
        var previewSeconds = watch.Elapsed.TotalSeconds;
        var done = await import.CommitAsync(preview.Token, goodRowsOnly: false, CancellationToken.None);
        var total = watch.Elapsed.TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024;
        Console.WriteLine();
        Console.WriteLine("| import | rows | seconds | rows/s | peak memory |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| GridGov upload + commit ({provider}) | {done.NewPeople:N0} | {total:F1} | {done.NewPeople / total:N0} | {peak} MB |");
        Console.WriteLine($"| of which the upload check | {preview.Rows:N0} | {previewSeconds:F1} | {preview.Rows / previewSeconds:N0} | |");
        if (copySeconds is { } s) Console.WriteLine($"| psql \\copy into a bare table | {rows:N0} | {s:F1} | {rows / s:N0} | |");
        double? indexed = null;
        if (provider == DatabaseProvider.Postgres)
        {
            var floor = await IndexedCopyAsync(connection);
            indexed = rows / floor;
            Console.WriteLine($"| psql \\copy of the imported rows into indexed copies of People, Households, ChangeRecords | {rows:N0} | {floor:F1} | {rows / floor:N0} | |");
        }
        File.Delete(csv);
        return new ImportFigures(done.NewPeople / total, rows / copySeconds, indexed);
    }

    /// <summary>The app's search p50 over every query and scope, and the p50 of hand-written SQL for the same kinds of match, same run.</summary>
    public sealed record SearchFigures(double SearchP50Ms, double? RawSqlP50Ms);

    public static async Task<SearchFigures> SearchAsync(DatabaseProvider provider, string connection, int runs)
    {
        var queries = new[] { "", "zh", "wangwei", "lix", "zxy", "王", "张伟", "王秀英", "0021", "101X", "138", "30062号楼", "第5镇8社区" };
        var db = DatabaseSetup.CreateForSystem(provider, connection);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.MigrateAsync();
        // A person deep in the table: the millionth on a full city, the middle one on a small one.
        var skip = Math.Min(1_000_000, await db.Set<Person>().CountAsync() / 2);
        var sample = await db.Set<Person>().OrderBy(p => p.Id).Skip(skip).Select(p => new { p.IdNumber, p.Phone, p.Path }).FirstAsync();
        await db.DisposeAsync();
        queries = [.. queries, sample.IdNumber, sample.IdNumber[^6..], sample.Phone ?? "13800000000"];
        // The sample person's city, county and community: the widest scope and two everyday ones.
        var parts = sample.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var scopes = new[] { ("city", 2), ("county", 3), ("community", 5) }
            .Select(s => (s.Item1, string.Join("/", parts.Take(s.Item2)) + "/")).ToList();
        var all = new List<double>();
        Console.WriteLine("| search scope · query | p50 | max | |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (scopeName, scopePath) in scopes)
        {
            var times = new List<double>();
            var byQuery = queries.ToDictionary(q => q, _ => new List<double>());
            var user = new CurrentUser();
            user.SignIn("bench", "bench", [Roles.CountyCentre], scopePath, null);
            for (var i = -1; i < runs; i++)
                foreach (var q in queries)
                {
                    await using var context = new GridGovDbContext(Options(provider, connection), user, TimeProvider.System);
                    var search = new PersonSearch(context, user, new PersonTags(context, user, TimeProvider.System));
                    var watch = Stopwatch.StartNew();
                    await search.SearchAsync(q, false, GridGov.Kernel.Paging.PageRequest.Of(1, 50), CancellationToken.None);
                    if (i < 0) continue;
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    byQuery[q].Add(watch.Elapsed.TotalMilliseconds);
                }
            foreach (var (q, t) in byQuery)
                Console.WriteLine($"| {scopeName} · \"{(q.Length == 0 ? "(everyone)" : q)}\" | {t.Order().ElementAt(t.Count / 2):F0} ms | {t.Max():F0} ms | |");
            times.Sort();
            all.AddRange(times);
            Console.WriteLine($"| **{scopeName}: {queries.Length} kinds × {runs}** | p50 {times[times.Count / 2]:F0} ms | max {times[^1]:F0} ms | **p95 {times[(int)(times.Count * 0.95)]:F0} ms** |");
        }
        all.Sort();
        var raw = provider == DatabaseProvider.Postgres ? await RawSearchP50Async(connection, scopes.Select(s => s.Item2).ToList(), sample.IdNumber, runs) : (double?)null;
        if (raw is { } r) Console.WriteLine($"| hand-written SQL for the same kinds of match (name, pinyin, ID index) in the same scopes | p50 {r:F1} ms | | |");
        return new SearchFigures(all[all.Count / 2], raw);
    }

    /// <summary>
    /// What the database alone takes for searches of the same kinds, each the one indexed statement
    /// a person would write by hand: the floor the app's search is measured against.
    /// </summary>
    private static async Task<double> RawSearchP50Async(string connection, IReadOnlyList<string> scopes, string idNumber, int runs)
    {
        await using var conn = new Npgsql.NpgsqlConnection(connection);
        await conn.OpenAsync();
        var matches = new (string Where, object Value)[]
        {
            ("\"PinyinFull\" LIKE @q", "wangwei%"), ("\"PinyinInitials\" LIKE @q", "zxy%"), ("\"Name\" LIKE @q", "王%"),
            ("\"Name\" LIKE @q", "张伟%"), ("\"IdNumberIndex\" = @q", GridGov.Modules.People.Domain.Person.IndexOfId(idNumber)),
        };
        var times = new List<double>();
        for (var i = -1; i < runs; i++)
            foreach (var scope in scopes)
                foreach (var (where, value) in matches)
                {
                    await using var command = new Npgsql.NpgsqlCommand(
                        $"SELECT \"Id\", \"Name\", \"HouseholdId\" FROM \"People\" WHERE \"Path\" LIKE @scope AND \"IsActive\" AND {where} ORDER BY \"Id\" LIMIT 50", conn);
                    command.Parameters.AddWithValue("scope", scope + "%");
                    command.Parameters.AddWithValue("q", value);
                    var watch = Stopwatch.StartNew();
                    await using (var reader = await command.ExecuteReaderAsync()) while (await reader.ReadAsync()) { }
                    if (i >= 0) times.Add(watch.Elapsed.TotalMilliseconds);
                }
        times.Sort();
        return times[times.Count / 2];
    }

    private static Microsoft.EntityFrameworkCore.DbContextOptions<GridGovDbContext> Options(DatabaseProvider provider, string connection)
    {
        var builder = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<GridGovDbContext>();
        DatabaseSetup.Configure(builder, provider, connection);
        return builder.Options;
    }

    private static void WriteCsv(string path, IReadOnlyList<string> grids, int rows)
    {
        var factory = new PopulationFactory(7, new DateOnly(2026, 1, 1), "141125");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine(string.Join(",", LedgerColumns.All));
        var written = 0;
        var householdNo = 0;
        while (written < rows)
        {
            var grid = grids[householdNo % grids.Count];
            var number = $"H{++householdNo:D7}";
            var (household, members) = factory.NewHousehold(number, "导入路1号", Placement.OnGrid(1, "x/"), null);
            foreach (var p in members)
            {
                if (written++ == rows) break;
                writer.WriteLine($"{grid},{number},柳林县导入路{householdNo}号,{p.Name},{p.IdNumber},{p.Phone},{p.RelationToHead},户籍人口");
            }
        }
    }

    /// <summary>
    /// What PostgreSQL alone needs to store the rows the import wrote, with the same indexes:
    /// the imported people, households and history copied out, then timed copying back into
    /// empty tables built LIKE the real ones INCLUDING ALL.
    /// </summary>
    private static async Task<double> IndexedCopyAsync(string connection)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        var total = 0.0;
        foreach (var table in new[] { "People", "Households", "ChangeRecords" })
        {
            var file = Path.Combine(Path.GetTempPath(), $"gridgov-floor-{table}.csv");
            await PsqlAsync(b, $"\\copy \"{table}\" TO '{file}' CSV");
            await PsqlAsync(b, $"DROP TABLE IF EXISTS floor_{table}; CREATE TABLE floor_{table} (LIKE \"{table}\" INCLUDING ALL)");
            total += await PsqlAsync(b, $"\\copy floor_{table} FROM '{file}' CSV");
            await PsqlAsync(b, $"DROP TABLE floor_{table}");
            File.Delete(file);
        }
        return total;
    }

    private static async Task<double> PsqlAsync(Npgsql.NpgsqlConnectionStringBuilder b, string command)
    {
        var start = new ProcessStartInfo("psql", ["-h", b.Host!, "-p", b.Port.ToString(), "-U", b.Username!, "-d", b.Database!, "-v", "ON_ERROR_STOP=1", "-c", command])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        var watch = Stopwatch.StartNew();
        using var psql = Process.Start(start)!;
        await psql.WaitForExitAsync();
        if (psql.ExitCode != 0) throw new InvalidOperationException(await psql.StandardError.ReadToEndAsync());
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> CopyAsync(string connection, string csv)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        await using (var conn = new Npgsql.NpgsqlConnection(connection))
        {
            await conn.OpenAsync();
            await new Npgsql.NpgsqlCommand("""
                DROP TABLE IF EXISTS bare_import;
                CREATE TABLE bare_import (grid text, household text, address text, name text, id_number text, phone text, relation text, residency text)
                """, conn).ExecuteNonQueryAsync();
        }
        var start = new ProcessStartInfo("psql", ["-h", b.Host!, "-p", b.Port.ToString(), "-U", b.Username!, "-d", b.Database!, "-c", $"\\copy bare_import FROM '{csv}' CSV HEADER"])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        var watch = Stopwatch.StartNew();
        using var psql = Process.Start(start)!;
        await psql.WaitForExitAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"psql \\copy: {(await psql.StandardOutput.ReadToEndAsync()).Trim()} {(await psql.StandardError.ReadToEndAsync()).Trim()} in {seconds:F1} s");
        return seconds;
    }
}
