using System.Collections.Concurrent;
using System.Diagnostics;
using GridGov.Data;
using GridGov.Host;
using GridGov.Kernel.Security;
using GridGov.Modules.Training.Application;
using GridGov.Modules.Training.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Bench;

/// <summary>
/// Training vouchers over the generated city, through the app's own composition and services (the
/// calls the API makes, without HTTP): the eligibility of every resident under a city programme's
/// rules, issuing vouchers to the eligible up to a budget, and redemptions by paced provider
/// clients. Measures only. The baseline beside eligibility is one indexed read of the same people.
/// </summary>
internal static class TrainingBench
{
    private const string CityPath = "140000000000/141100000000/";
    private const string City = "141100000000";

    public sealed record Result(int People, double EligibilityS, double BaselineS, int Issued, double IssueS, List<double> Redemptions, int Failures);

    public static async Task<Result> RunAsync(DatabaseProvider provider, string connection, int issue, int clients, int loops, int paceMs)
    {
        await using (var db = DatabaseSetup.CreateForSystem(provider, connection))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.MigrateAsync();
            // Each run measures one programme on otherwise empty training tables, so that runs compare.
            if (provider == DatabaseProvider.Postgres)
                await db.Database.ExecuteSqlRawAsync("TRUNCATE \"AttendanceMarks\", \"Enrolments\", \"ClaimChallenges\", \"VoucherSteps\", \"Vouchers\", "
                    + "\"PaymentBatches\", \"TrainingClasses\", \"ProviderStaff\", \"TrainingProviders\", \"EligibilityRules\", \"VoucherProgrammes\", \"Submissions\" CASCADE");
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(), ["ConnectionStrings:GridGov"] = connection + ";Maximum Pool Size=80;Command Timeout=600",
            ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        });
        builder.AddGridGov();
        await using var app = builder.Build();

        async Task<(T Result, double Ms)> As<T>(string role, string name, Func<IServiceProvider, Task<T>> work)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SignIn(name, name, [role], CityPath, null);
            var started = Stopwatch.GetTimestamp();
            var result = await work(scope.ServiceProvider);
            return (result, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        Task<(T Result, double Ms)> Bureau<T>(Func<IServiceProvider, Task<T>> work) => As(Roles.HrBureau, "bench-hr", work);

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var (programme, _) = await Bureau(s => s.GetRequiredService<ProgrammeBook>().DefineAsync(new DefineProgramme("全市普惠制培训券", ProgrammeKind.Universal,
            City, today.AddDays(-1), today.AddDays(365), (long)issue * 2000, new Dictionary<CertificateLevel, int> { [CertificateLevel.Junior] = 1000,
                [CertificateLevel.Senior] = 2000 }, new RulesInput(null, null, 16, 60, null, 1, true)), CancellationToken.None));

        // The baseline: the same people's facts read by one indexed query each batch, without rules, tags or vouchers.
        var baseline = Stopwatch.StartNew();
        await using (var db = DatabaseSetup.CreateForSystem(provider, connection))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            for (var after = 0; ;)
            {
                var ids = await db.Set<GridGov.Modules.People.Domain.Person>().AsNoTracking()
                    .Where(p => p.IsActive && p.Id > after && p.Path.StartsWith(CityPath)).OrderBy(p => p.Id).Take(EligibilityCheck.Batch)
                    .Select(p => new { p.Id, p.BirthDate, p.Residency, p.PhoneIndex }).ToListAsync();
                if (ids.Count == 0) break;
                after = ids[^1].Id;
            }
        }
        var baselineS = baseline.Elapsed.TotalSeconds;
        var (count, eligibilityMs) = await Bureau(s => s.GetRequiredService<EligibilityCheck>().CountAsync(programme.Id, null, CancellationToken.None));
        Console.WriteLine($"Eligibility of {count.People:N0} residents: {count.Eligible:N0} eligible, {count.NotEligible:N0} not, {count.Unknown:N0} unknown, "
            + $"in {eligibilityMs / 1000:F1} s ({baselineS:F1} s to read the same rows)");

        var (summary, issueMs) = await Bureau(s => s.GetRequiredService<VoucherIssuer>().IssueEligibleAsync(programme.Id, new IssueEligible(), CancellationToken.None));
        Console.WriteLine($"Issued {summary.Issued:N0} vouchers in {issueMs / 1000:F1} s ({summary.Considered:N0} people considered)");

        // What the server's autovacuum does shortly after 600,000 rows arrive, done before measuring rather than in the middle of it.
        await using (var db = DatabaseSetup.CreateForSystem(provider, connection))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres
                ? "VACUUM ANALYZE \"Vouchers\", \"VoucherSteps\", \"ChangeRecords\"" : "ANALYZE");
        }
        // Warm-up redemptions first, unmeasured and unpaced, as in the incident benchmark: start-up, tiered
        // compilation and opening the pool's connections (each a new server process) are not counted.
        // With fewer, the compiler's thread still took a sixth of both cores while the clients were timed.
        const int warmUp = 4 * 100 + 40 * 5;
        var codes = await PrepareRedemptionsAsync(provider, connection, programme.Id, clients * loops + warmUp, today);
        var (classes, _) = await ClassesAsync(As, clients * loops + warmUp, today);
        var queue = new ConcurrentQueue<string>(codes.Take(4 * 100));
        var times = new ConcurrentBag<double>();
        var taken = 0;
        var failures = new ConcurrentBag<string>();
        async Task ClientAsync(int pace)
        {
            if (pace > 0) await Task.Delay(Random.Shared.Next(pace + 1));
            while (queue.TryDequeue(out var code))
            {
                // Seats spread over the classes in the order codes are taken, so that no class fills before the others.
                var n = Interlocked.Increment(ref taken);
                try
                {
                    var (_, ms) = await As(Roles.TrainingProvider, "bench-provider", s => s.GetRequiredService<Redemption>()
                        .RedeemAsync(new Redeem(code, classes[n % classes.Count], Guid.NewGuid().ToString("N")), CancellationToken.None));
                    times.Add(ms);
                }
                catch (Exception e) { failures.Add(e.Message); }
                if (pace > 0) await Task.Delay(pace / 2 + Random.Shared.Next(pace + 1));
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ClientAsync(0)));
        queue = new ConcurrentQueue<string>(codes.Skip(4 * 100).Take(40 * 5));
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => ClientAsync(0)));
        foreach (var f in failures.Take(3)) Console.WriteLine("  warm-up failure: " + f[..Math.Min(f.Length, 300)]);
        (times, failures, queue) = ([], [], new ConcurrentQueue<string>(codes.Skip(warmUp)));
        Console.WriteLine($"Redeeming {clients * loops:N0} vouchers with {clients} clients…");
        var (pausedBefore, fullBefore) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2));
        var (cpuBefore, wall) = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.StartNew());
        using var efMeters = EfMeters.Listen();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => ClientAsync(paceMs)));
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine($"  during the redemptions: {GC.CollectionCount(2) - fullBefore} full collections, "
            + $"{(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:F0} ms paused by the collector; the app's processor time "
            + $"{cpu.TotalMilliseconds / Math.Max(1, times.Count):F1} ms a redemption over {wall.Elapsed.TotalSeconds:F1} s; {efMeters}");
        foreach (var f in failures.Take(3)) Console.WriteLine("  " + f[..Math.Min(f.Length, 300)]);
        return new Result(count.People, eligibilityMs / 1000, baselineS, summary.Issued, issueMs / 1000, [.. times], failures.Count);
    }

    /// <summary>Vouchers claimed by their holders, as the claim page leaves them (the texted code is the claim's own benchmark, not this one's).</summary>
    private static async Task<List<string>> PrepareRedemptionsAsync(DatabaseProvider provider, string connection, int programmeId, int count, DateOnly today)
    {
        await using var db = DatabaseSetup.CreateForSystem(provider, connection);
        var vouchers = await db.Set<Voucher>().Where(v => v.ProgrammeId == programmeId && v.State == VoucherState.Issued).OrderBy(v => v.Id).Take(count).ToListAsync();
        foreach (var v in vouchers) v.Claim("trainee:" + v.PersonId, DateTime.UtcNow, today, null);
        await db.SaveChangesAsync();
        return vouchers.Select(v => v.Code).ToList();
    }

    /// <summary>A provider with a bench account and enough open classes for every redemption.</summary>
    private static async Task<(List<int> Classes, double Ms)> ClassesAsync(
        Func<string, string, Func<IServiceProvider, Task<List<int>>>, Task<(List<int>, double)>> @as, int seats, DateOnly today)
    {
        var (provider, _) = await @as(Roles.HrBureau, "bench-hr", async s =>
        {
            var book = s.GetRequiredService<ProviderBook>();
            var p = await book.ApproveAsync(new ProviderInput("基准测试培训学校", "91141100MA0BENCH01", City, "0358-0000000",
                [new ApprovedOccupation("电工", CertificateLevel.Senior)]), CancellationToken.None);
            var db = s.GetRequiredService<GridGovDbContext>();
            db.Add(ProviderStaff.Of(p.Id, "bench-provider", "bench-hr", DateTime.UtcNow));
            await db.SaveChangesAsync();
            return [p.Id];
        });
        return await @as(Roles.TrainingProvider, "bench-provider", async s =>
        {
            var book = s.GetRequiredService<ClassBook>();
            var ids = new List<int>();
            for (var i = 0; i * 500 < seats; i++)
                ids.Add((await book.PlanAsync(new PlanClass(ClassKind.Open, $"电工基准班{i + 1}", "电工", CertificateLevel.Senior, today, today.AddDays(20), 500, 16),
                    CancellationToken.None)).Id);
            return ids;
        });
    }

    public static string Row(string name, List<double> times)
    {
        times.Sort();
        return times.Count == 0 ? $"| {name} | – | – | – | 0 |"
            : $"| {name} | {times[times.Count / 2]:F0} ms | {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:F0} ms | {times[^1]:F0} ms | {times.Count} |";
    }
}
