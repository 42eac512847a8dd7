using System.Net;
using System.Text.Json;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Modules.People.Application;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests.Kernel;

/// <summary>The read contract: any module's figures by key, for a place in view and a period, the same numbers the modules' own pages show.</summary>
public abstract class FigureBoardTests(GridGovApp app)
{
    private const string Lan = "141127000000";

    [Fact]
    public async Task The_catalogue_lists_the_figures_of_every_module_the_reader_may_read()
    {
        var county = (await (await app.ApiAsync("county")).GetJsonAsync("/api/v1/figures")).EnumerateArray().Select(f => f.Str("key")).ToList();
        Assert.Contains("incidents.on_time_rate", county);
        Assert.Contains("people.residents", county);
        var department = (await (await app.ApiAsync("department")).GetJsonAsync("/api/v1/figures")).EnumerateArray().Select(f => f.Str("key")).ToList();
        Assert.DoesNotContain(department, k => k.StartsWith("incidents.") || k.StartsWith("people."));
    }

    [Fact]
    public async Task Figures_read_through_the_contract_equal_the_modules_own_figures()
    {
        var county = await app.ApiAsync("county");
        var (from, to) = ("2026-01-01", "2026-12-31");
        var read = await county.GetJsonAsync($"/api/v1/figures/values?key=incidents.reported&key=incidents.closed&key=incidents.on_time_rate&key=people.residents&area={Lan}&from={from}&to={to}");
        var values = read.GetProperty("values").EnumerateArray().ToDictionary(v => v.Str("key"));
        var metrics = (await county.GetJsonAsync($"/api/v1/incidents/metrics?area={Lan}&from={from}&to={to}")).GetProperty("total");
        Assert.Equal(metrics.Int("reported"), (int)values["incidents.reported"].GetProperty("value").GetDouble());
        Assert.Equal(metrics.Int("closed"), (int)values["incidents.closed"].GetProperty("value").GetDouble());
        var onTime = metrics.GetProperty("onTimeRate");
        static double? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();
        Assert.Equal(Number(onTime), Number(values["incidents.on_time_rate"].GetProperty("value")));
        Assert.Equal("/incidents?area=141127000000&from=2026-01-01&to=2026-12-31&measure=Closed", values["incidents.closed"].Str("listLink"));
        var residents = await app.AsViewerOfAsync(read.Str("path"), db => db.Set<GridGov.Modules.People.Domain.Person>().CountAsync(p => p.IsActive));
        Assert.Equal(residents, (int)values[PopulationFigureSource.Residents].GetProperty("value").GetDouble());
        Assert.True(residents > 0);
    }

    [Fact]
    public async Task The_residents_figure_opens_the_list_of_the_people_it_counts()
    {
        const string Grid = "14112710000130001";
        var worker = await app.ApiAsync("gridworker");
        var figure = (await worker.GetJsonAsync($"/api/v1/figures/values?key={PopulationFigureSource.Residents}&area={Grid}")).GetProperty("values")[0];
        Assert.Equal($"/people?area={Grid}", figure.Str("listLink"));
        var listed = await worker.GetJsonAsync($"/api/v1/people?area={Grid}&pageSize=200");
        Assert.Equal((int)figure.GetProperty("value").GetDouble(), listed.Int("total"));
        Assert.True(listed.Int("total") > 0);
        // The page the link opens lists the same people; an area out of view lists nothing.
        var browser = new Browser(app);
        await browser.SignInAsync("gridworker", GridGovApp.Password);
        var html = await (await browser.GetAsync(figure.Str("listLink"))).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/people/{listed.GetProperty("items")[0].Int("id")}\"", html);
        Assert.Contains($"name=\"area\" value=\"{Grid}\"", html);
        await (await worker.GetAsync($"/api/v1/people?area={Scratch.Liulin}")).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_place_outside_view_reads_as_unknown_and_bad_requests_name_their_field()
    {
        var worker = await app.ApiAsync("gridworker");
        var outside = await (await worker.GetAsync($"/api/v1/figures/values?key=incidents.reported&area={Scratch.Liulin}")).Content.ReadAsStringAsync();
        var missing = await (await worker.GetAsync("/api/v1/figures/values?key=incidents.reported&area=149999999999")).Content.ReadAsStringAsync();
        string Field(string body) => JsonDocument.Parse(body).RootElement.GetProperty("errors").GetRawText();
        Assert.Equal(Field(missing), Field(outside));
        Assert.Contains("area", Field(outside));
        await (await worker.GetAsync("/api/v1/figures/values?key=nobody.knows")).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await worker.GetAsync("/api/v1/figures/values?key=incidents.reported&from=2026-05-01&to=2026-04-01")).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        // Another module's figure the reader may not read is unknown to them, not forbidden.
        await (await (await app.ApiAsync("department")).GetAsync("/api/v1/figures/values?key=incidents.reported")).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FigureBoardOnSqlite(SqliteApp app) : FigureBoardTests(app);

[Collection(PostgresCollection.Name)]
public sealed class FigureBoardOnPostgres(PostgresApp app) : FigureBoardTests(app);
