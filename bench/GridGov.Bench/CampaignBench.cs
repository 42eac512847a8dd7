using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace GridGov.Bench;

/// <summary>
/// A screening campaign over the whole generated city, through the HTTP API on PostgreSQL: the
/// start that freezes its universe (every household), then coverage for the city, a county and a
/// community read again and again while paced clients record outcomes. Measures only.
/// </summary>
internal static class CampaignBench
{
    private static readonly (string Name, string Area)[] Places = [("city", "141100000000"), ("county", "141127000000"), ("community", "141127100001")];

    public static async Task RunAsync(string connection, int clients, int loops, int paceMs, int runs)
    {
        var port = IncidentBench.FreePort();
        using var server = IncidentBench.StartServer(connection, port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
        await IncidentBench.WaitUntilUpAsync(http, server);
        var login = await http.PostAsJsonAsync("/api/v1/auth/token",
            new { userName = "admin", password = "GridGov@2026", code = GridGov.Tests.Totp.Code(GridGov.Modules.Demo.DemoCounty.AuthenticatorKey) });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;

        async Task<(JsonElement Body, double Ms, int Status)> Call(HttpMethod method, string url, object? body = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default, Stopwatch.GetElapsedTime(started).TotalMilliseconds, (int)response.StatusCode);
        }

        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        var defined = await Call(HttpMethod.Post, "/api/v1/campaigns", new
        {
            name = "全市入户排查", areaCode = "141100000000", population = "Households", from = today,
            to = DateTime.UtcNow.AddHours(8).AddDays(14).ToString("yyyy-MM-dd"),
            questions = new object[] { new { key = "fever", label = "是否发热", type = "YesNo", required = true } },
        });
        if (defined.Status != 201) throw new InvalidOperationException($"define: {defined.Status} {defined.Body}");
        var id = defined.Body.GetProperty("id").GetInt32();
        var started = await Call(HttpMethod.Post, $"/api/v1/campaigns/{id}/start");
        if (started.Status != 200) throw new InvalidOperationException($"start: {started.Status} {started.Body}");
        var universe = started.Body.GetProperty("universeSubjects").GetInt32();
        Console.WriteLine($"Froze the universe of {universe:N0} households ({started.Body.GetProperty("universePeople").GetInt32():N0} people) in {started.Ms / 1000:F1} s");

        var idle = new Dictionary<string, List<double>>();
        foreach (var (name, area) in Places)
        {
            idle[name] = [];
            for (var i = -1; i < runs; i++)
            {
                var read = await Call(HttpMethod.Get, $"/api/v1/campaigns/{id}/coverage?area={area}");
                if (i >= 0) idle[name].Add(read.Ms);
            }
        }

        // Each subject once, spread over the city's grids: a shuffled list of their numbers in the campaign's id range.
        var order = new ConcurrentQueue<int>(Enumerable.Range(1, universe).OrderBy(_ => Random.Shared.Next()).Take(clients * (loops + 2)));
        var recording = new ConcurrentBag<double>();
        var failures = new ConcurrentBag<string>();
        var measuring = false;
        async Task ClientAsync(int count)
        {
            if (measuring && paceMs > 0) await Task.Delay(Random.Shared.Next(paceMs + 1));
            for (var i = 0; i < count && order.TryDequeue(out var n); i++)
            {
                var subject = ((long)id << 32) | (uint)n;
                var step = await Call(HttpMethod.Post, $"/api/v1/campaigns/{id}/subjects/{subject}/steps",
                    new { action = "Complete", answers = new { fever = "no" }, clientKey = Guid.NewGuid().ToString("N") });
                if (measuring) recording.Add(step.Ms);
                if (step.Status != 200) failures.Add($"{step.Status} {step.Body}");
                if (measuring && paceMs > 0) await Task.Delay(paceMs / 2 + Random.Shared.Next(paceMs + 1));
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Min(clients, 20)).Select(_ => ClientAsync(2)));
        failures.Clear();
        measuring = true;
        var busy = Places.ToDictionary(p => p.Name, _ => new ConcurrentBag<double>());
        var watch = Stopwatch.StartNew();
        var writers = Task.WhenAll(Enumerable.Range(0, clients).Select(_ => ClientAsync(loops)));
        while (!writers.IsCompleted)
            foreach (var (name, area) in Places)
                busy[name].Add((await Call(HttpMethod.Get, $"/api/v1/campaigns/{id}/coverage?area={area}")).Ms);
        await writers;
        var seconds = watch.Elapsed.TotalSeconds;
        var final = await Call(HttpMethod.Get, $"/api/v1/campaigns/{id}/coverage?area=141100000000");
        server.Kill(entireProcessTree: true);

        Console.WriteLine();
        var pacing = paceMs > 0 ? $", each pausing {paceMs / 2}–{paceMs * 3 / 2} ms between outcomes" : "";
        Console.WriteLine($"{clients} clients{pacing}: {recording.Count:N0} outcomes in {seconds:F1} s, {failures.Count} failures; the city's coverage then "
            + $"{final.Body.GetProperty("total").GetProperty("done").GetInt32():N0} of {final.Body.GetProperty("total").GetProperty("target").GetInt32():N0}");
        foreach (var f in failures.Take(5)) Console.WriteLine("  " + f[..Math.Min(f.Length, 300)]);
        Console.WriteLine("| measure | p50 | p95 | max | runs |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| freezing the universe ({universe:N0} households) | {started.Ms / 1000:F1} s | | | 1 |");
        foreach (var (name, _) in Places) Console.WriteLine(Row($"coverage, {name}, idle", idle[name]));
        foreach (var (name, _) in Places) Console.WriteLine(Row($"coverage, {name}, while clients record", [.. busy[name]]));
        Console.WriteLine(Row("recording an outcome (paced clients)", [.. recording]));
    }

    private static string Row(string name, List<double> times)
    {
        times.Sort();
        return times.Count == 0 ? $"| {name} | – | – | – | 0 |"
            : $"| {name} | {times[times.Count / 2]:F0} ms | {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:F0} ms | {times[^1]:F0} ms | {times.Count} |";
    }
}
