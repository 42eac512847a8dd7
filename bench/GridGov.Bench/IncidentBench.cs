using GridGov.Kernel.Time;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Data;
using GridGov.Modules.Incidents.Domain;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Bench;

/// <summary>
/// The closed loop under load: the app served on loopback over PostgreSQL holding a year of
/// historical incidents, driven through its HTTP API by concurrent clients, each running report →
/// accept → dispatch → acknowledge → finish → verify; then the city's metrics for the year. Measures only.
/// </summary>
internal static class IncidentBench
{
    private static readonly string[] Steps = ["report", "accept", "dispatch", "acknowledge", "finish", "verify"];

    /// <param name="paceMs">
    /// The mean pause a client takes between its steps, as a person at a desk or on a phone does
    /// (each pause drawn between half and one and a half times it); 0 sends the next step at once.
    /// </param>
    public static async Task RunAsync(string connection, int historical, int clients, int loops, bool reuse, int paceMs = 0)
    {
        var port = FreePort();
        using var server = StartServer(connection, port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
        await WaitUntilUpAsync(http, server);

        var watch = Stopwatch.StartNew();
        if (!reuse)
        {
            await using (var db = DatabaseSetup.CreateForSystem(DatabaseProvider.Postgres, connection)) await GenerateAsync(db, historical);
            Console.WriteLine($"Wrote {historical:N0} historical incidents with their timelines in {watch.Elapsed.TotalSeconds:F0} s");
        }

        var tokens = new Dictionary<string, string>();
        foreach (var user in new[] { "gridworker", "county", "department", "admin" })
        {
            // The demo's staff sign in with the demo authenticator's code as well (the department handler has none).
            var response = await http.PostAsJsonAsync("/api/v1/auth/token",
                new { userName = user, password = "GridGov@2026", code = GridGov.Tests.Totp.Code(GridGov.Modules.Demo.DemoCounty.AuthenticatorKey) });
            response.EnsureSuccessStatusCode();
            tokens[user] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }

        var times = Steps.ToDictionary(s => s, _ => new ConcurrentBag<double>());
        var measuring = false;
        var failures = new ConcurrentBag<string>();
        async Task<JsonElement> Call(string step, string user, HttpMethod method, string url, object? body)
        {
            using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[user]);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (measuring) times[step].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (measuring && paceMs > 0) await Task.Delay(paceMs / 2 + Random.Shared.Next(paceMs + 1));
            if (!response.IsSuccessStatusCode) failures.Add($"{step} {(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        async Task LoopsAsync(int count)
        {
            // Paced clients come in spread over one loop's worth of pauses, as people at work do, so
            // that the first steps of all of them are not asked in the same second.
            if (measuring && paceMs > 0) await Task.Delay(Random.Shared.Next(paceMs * Steps.Length + 1));
            for (var i = 0; i < count; i++)
            {
                var report = await Call("report", "gridworker", HttpMethod.Post, "/api/v1/incidents",
                    new { categoryCode = "SAFE.GAS", description = "燃气管道有异味", address = "滨河小区3号楼" });
                if (!report.TryGetProperty("incident", out var incident)) continue;
                var id = incident.GetProperty("id").GetInt32();
                var url = $"/api/v1/incidents/{id}/steps";
                await Call("accept", "county", HttpMethod.Post, url, new { action = "Accept" });
                await Call("dispatch", "county", HttpMethod.Post, url, new { action = "Dispatch" });
                await Call("acknowledge", "department", HttpMethod.Post, url, new { action = "Acknowledge" });
                await Call("finish", "department", HttpMethod.Post, url, new { action = "Finish", note = "处置完毕" });
                await Call("verify", "gridworker", HttpMethod.Post, url, new { action = "VerifyPass", note = "复核通过" });
            }
        }

        // Loops first, unmeasured and unpaced, so that start-up, tiered compilation and opening the
        // pool's connections (each a new server process that prepares its statements) are not counted.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => LoopsAsync(10)));
        await Task.WhenAll(Enumerable.Range(0, Math.Min(clients, 40)).Select(_ => LoopsAsync(2)));
        foreach (var f in failures) Console.WriteLine("warm-up failure: " + f[..Math.Min(f.Length, 400)]);
        failures.Clear();
        measuring = true;
        watch.Restart();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => LoopsAsync(loops)));
        var loopSeconds = watch.Elapsed.TotalSeconds;

        var from = DateTime.UtcNow.AddHours(8).AddDays(-365).ToString("yyyy-MM-dd");
        var to = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        // The city and the township read daily tallies; a village the monthly ones and the days around them from the incidents.
        var metrics = new List<(string Name, List<double> Times, int Reported)>();
        foreach (var (name, area) in new[] { ("city", "141100000000"), ("township", "141127100000"), ("village", "141127100001") })
        {
            var runs = new List<double>();
            JsonElement last = default;
            for (var i = -1; i < 10; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/incidents/metrics?area={area}&from={from}&to={to}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens["admin"]);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                last = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                if (i >= 0) runs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            runs.Sort();
            metrics.Add((name, runs, last.GetProperty("total").GetProperty("reported").GetInt32()));
        }
        server.Kill(entireProcessTree: true);

        Console.WriteLine();
        var pacing = paceMs > 0 ? $", each pausing {paceMs / 2}–{paceMs * 3 / 2} ms between steps" : ", each sending its next step at once";
        Console.WriteLine($"{clients} clients{pacing}: {loops} loops each in {loopSeconds:F1} s ({clients * loops * Steps.Length / loopSeconds:F0} steps/s), {failures.Count} failures");
        foreach (var f in failures.Take(5)) Console.WriteLine("  " + f[..Math.Min(f.Length, 300)]);
        Console.WriteLine("| step | p50 | p95 | max |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var step in Steps)
        {
            var t = times[step].Order().ToList();
            Console.WriteLine($"| {step} | {t[t.Count / 2]:F0} ms | {t[(int)Math.Ceiling(t.Count * 0.95) - 1]:F0} ms | {t[^1]:F0} ms |");
        }
        foreach (var (name, runs, reported) in metrics)
            Console.WriteLine($"| {name} metrics over a year ({reported:N0} incidents) | {runs[runs.Count / 2]:F0} ms | {runs[(int)Math.Ceiling(runs.Count * 0.95) - 1]:F0} ms | {runs[^1]:F0} ms |");
    }

    /// <summary>A year of incidents over the demo county's grids, most carried round the whole loop, written in bulk.</summary>
    private static async Task GenerateAsync(GridGovDbContext db, int count)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await GridGov.Modules.Demo.IncidentHistory.GenerateAsync(db, count, 11, DateTime.UtcNow, null, CancellationToken.None);
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
    }

    /// <summary>The web app as it ships, in its own process: build it first with <c>dotnet build -c Release src/GridGov.Web</c>.</summary>
    internal static Process StartServer(string connection, int port)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "GridGov.sln"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("run from the repository");
        var bin = Path.Combine(root, "src", "GridGov.Web", "bin", "Release", "net10.0");
        if (!File.Exists(Path.Combine(bin, "GridGov.Web.dll")))
            throw new InvalidOperationException("Build the app first: dotnet build -c Release src/GridGov.Web");
        var start = new ProcessStartInfo("dotnet", ["GridGov.Web.dll"]) { WorkingDirectory = bin, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["Database__Provider"] = "Postgres";
        // Below the server's max_connections (100 by default), which the bench's own connections share.
        start.Environment["ConnectionStrings__GridGov"] = connection + ";Maximum Pool Size=40";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Deadlines__WatchSeconds"] = "0";
        start.Environment["Files__Folder"] = Path.Combine(Path.GetTempPath(), "gridgov-bench-photos");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // A production host seeds no demo unless asked: the benchmark asks, for its county and logins.
        start.Environment["Demo__Seed"] = "true";
        start.Environment["Privacy__KeyFile"] = BenchKeys.File;
        var process = Process.Start(start)!;
        // The app logs failures to its console: they are shown, the rest is not.
        var echo = 0;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (e.Data.StartsWith("fail:")) echo = 12;
            if (echo-- > 0) Console.Error.WriteLine("app: " + e.Data);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task WaitUntilUpAsync(HttpClient http, Process server)
    {
        for (var i = 0; i < 600; i++)
        {
            if (server.HasExited) throw new InvalidOperationException("the app stopped on start-up");
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException("the app did not start");
    }

    internal static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
