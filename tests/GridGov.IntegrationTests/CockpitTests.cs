using System.Net;
using System.Text.Json;
using GridGov.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.IntegrationTests;

/// <summary>
/// The cockpit over the demo's year of incidents: every number equals the list it opens, the map
/// draws every grid in scope, and the tallies it reads agree with a recount of the rows.
/// </summary>
public abstract class CockpitTests(GridGovApp app)
{
    private const string Lan = "141127000000";

    private static async Task<int> TotalAsync(HttpClient client, string query) =>
        (await client.GetJsonAsync($"/api/v1/incidents?pageSize=1&{query}")).Int("total");

    [Fact]
    public async Task The_cockpit_shows_the_areas_latest_coverage_check_as_kept_by_the_watch_or_a_check_run_since()
    {
        var admin = await app.ApiAsync("admin");
        await GridGov.Modules.Territory.Application.CoverageWatch.CheckAllAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None);
        var township = (await admin.GetJsonAsync("/api/v1/cockpit?area=141127100000")).GetProperty("coverage");
        Assert.Equal("141127100000", township.Str("areaCode"));
        // At a restart only what was not checked lately is checked again.
        await GridGov.Modules.Territory.Application.CoverageWatch.CheckAllAsync(app.Services.GetRequiredService<IServiceScopeFactory>(),
            CancellationToken.None, checkedBefore: DateTime.UtcNow.AddHours(-1));
        var again = (await admin.GetJsonAsync("/api/v1/cockpit?area=141127100000")).GetProperty("coverage").GetProperty("checkedAt").GetDateTime();
        Assert.True(Math.Abs((again - township.GetProperty("checkedAt").GetDateTime()).TotalMilliseconds) < 1, "the township was checked again");

        // A check run by hand replaces the kept one; the cockpit shows exactly its verdict.
        var report = await admin.GetJsonAsync($"/api/v1/coverage/{Lan}");
        var problems = report.GetProperty("totals").EnumerateObject().Sum(p => p.Value.GetInt32());
        var coverage = (await admin.GetJsonAsync($"/api/v1/cockpit?area={Lan}")).GetProperty("coverage");
        Assert.Equal(problems, coverage.Int("problems"));
        Assert.Equal(problems == 0, coverage.GetProperty("passes").GetBoolean());
        // The database keeps microseconds.
        Assert.True(Math.Abs((report.GetProperty("generatedAt").GetDateTime() - coverage.GetProperty("checkedAt").GetDateTime()).TotalMilliseconds) < 1);
        Assert.True(problems > 0, "eleven of Lan County's twelve townships have no grid");
        Assert.True(coverage.GetProperty("problemsByKind").Int("AreaWithoutGrid") > 0);

        var browser = new Browser(app);
        await browser.SignInAsync("admin", GridGovApp.Password);
        var page = WebUtility.HtmlDecode(await (await browser.GetAsync($"/cockpit?area={Lan}")).Content.ReadAsStringAsync());
        Assert.Contains($"data-problems=\"{problems}\"", page);
        // A community the watch does not check says so rather than show nothing.
        Assert.Equal(JsonValueKind.Null, (await admin.GetJsonAsync("/api/v1/cockpit?area=141127100001")).GetProperty("coverage").ValueKind);
        Assert.Contains("data-testid=\"coverage-unchecked\"", await (await browser.GetAsync("/cockpit?area=141127100001")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Each_figure_of_the_county_equals_the_list_it_opens()
    {
        var county = await app.ApiAsync("county");
        var cockpit = await county.GetJsonAsync("/api/v1/cockpit?period=Year");
        var (from, to) = (cockpit.Str("from"), cockpit.Str("to"));
        var values = cockpit.GetProperty("figures").GetProperty("values").EnumerateArray().ToDictionary(v => v.Str("key"));
        Assert.True(values["incidents.reported"].GetProperty("value").GetDouble() > 100, "the demo's year should hold hundreds of incidents");
        foreach (var (key, measure) in new[] { ("incidents.reported", "Reported"), ("incidents.closed", "Closed"), ("incidents.overdue", "Overdue"),
                     ("incidents.escalated", "Escalated") })
        {
            var link = values[key].Str("listLink");
            Assert.Contains($"measure={measure}", link);
            Assert.Equal((int)values[key].GetProperty("value").GetDouble(), await TotalAsync(county, link.Split('?')[1]));
        }

        foreach (var row in cockpit.GetProperty("ranking").EnumerateArray())
        {
            var counts = row.GetProperty("counts");
            Assert.Equal(counts.Int("reported"), await TotalAsync(county, $"area={row.Str("code")}&from={from}&to={to}"));
            Assert.Equal(counts.Int("closedOnTime"), await TotalAsync(county, $"area={row.Str("code")}&from={from}&to={to}&measure=ClosedOnTime"));
        }

        var days = cockpit.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(30, days.Count);
        Assert.Equal(days.Sum(d => d.GetProperty("counts").Int("reported")),
            await TotalAsync(county, $"area={Lan}&from={days[0].Str("from")}&to={days[^1].Str("to")}"));
        var months = cockpit.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(months[^2].GetProperty("counts").Int("closed"),
            await TotalAsync(county, $"area={Lan}&from={months[^2].Str("from")}&to={months[^2].Str("to")}&measure=Closed"));
    }

    [Fact]
    public async Task The_map_draws_every_grid_in_scope_and_places_only_incidents_in_scope()
    {
        var county = await app.ApiAsync("county");
        var map = (await county.GetJsonAsync("/api/v1/cockpit")).GetProperty("map");
        Assert.Equal((1, 75, 75), (map.Int("level"), map.Int("drawn"), map.Int("gridsInScope")));
        var features = JsonDocument.Parse(map.Str("featuresJson")).RootElement.GetProperty("features");
        Assert.Equal(75, features.GetArrayLength());
        Assert.Equal(75, map.GetProperty("values").GetArrayLength());
        Assert.InRange(map.GetProperty("values").EnumerateArray().Sum(v => v.Int("value")), 22_000, 27_000);
        // Level-1 grids are coloured from their rollups: each equals the grid's own count in the tree, and together the county's.
        var households = (await county.GetJsonAsync($"/api/v1/territory/nodes/{Lan}")).GetProperty("node").Int("households");
        Assert.Equal(households, map.GetProperty("values").EnumerateArray().Sum(v => v.Int("value")));
        foreach (var value in map.GetProperty("values").EnumerateArray().Take(3))
            Assert.Equal((await county.GetJsonAsync($"/api/v1/territory/nodes/{value.Str("code")}")).GetProperty("node").Int("households"), value.Int("value"));

        var community = await app.ApiAsync("community");
        var binhe = (await community.GetJsonAsync("/api/v1/cockpit?figure=residents")).GetProperty("map");
        Assert.Equal(3, binhe.Int("level"));
        Assert.Equal(binhe.Int("gridsInScope"), binhe.Int("drawn"));
        Assert.All(binhe.GetProperty("values").EnumerateArray(), v => Assert.StartsWith("1411271000013", v.Str("code")));
        var markers = binhe.GetProperty("markers").EnumerateArray().Select(m => m.Int("id")).ToList();
        foreach (var id in markers.Take(5)) Assert.Equal(HttpStatusCode.OK, (await community.GetAsync($"/api/v1/incidents/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_area_outside_the_readers_view_is_unknown_and_a_reader_without_the_cockpit_is_refused()
    {
        var community = await app.ApiAsync("community");
        await (await community.GetAsync($"/api/v1/cockpit?area={Lan}")).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await community.GetAsync("/api/v1/cockpit?area=141127999999")).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAsync("department")).GetAsync("/api/v1/cockpit")).StatusCode);
    }

    [Fact]
    public async Task The_tallies_the_cockpit_reads_agree_with_a_recount_of_the_years_incidents()
    {
        var report = await (await app.ApiAsync("admin")).GetJsonAsync("/api/v1/tallies/check");
        Assert.True(report.GetProperty("agree").GetBoolean(), report.GetProperty("differences").GetRawText());
    }
}

[Collection(HistorySqliteCollection.Name)]
public sealed class CockpitOnSqlite(HistorySqliteApp app) : CockpitTests(app);

[Collection(HistoryPostgresCollection.Name)]
public sealed class CockpitOnPostgres(HistoryPostgresApp app) : CockpitTests(app);
