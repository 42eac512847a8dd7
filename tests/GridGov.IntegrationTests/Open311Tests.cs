using System.Net.Http.Json;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using GridGov.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests;

/// <summary>
/// Open311 GeoReport v2 driven as a civic client drives it: public reads in JSON and XML with no
/// personal data, posting with the address given either way, address_id kept, filters checked, and
/// every error the standard's list of {code, description}.
/// </summary>
public abstract class Open311Tests(GridGovApp app)
{
    private const string Grid = "14112710000130001";

    private static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var error = Assert.Single(errors.EnumerateArray());
        Assert.Equal((int)status, error.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("description").GetString()));
        return error;
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => new(fields.ToDictionary(f => f.Key, f => f.Value));

    [Fact]
    public async Task Anyone_reads_services_and_requests_in_json_and_xml_without_personal_data()
    {
        var reporter = await app.ApiAsync("county");
        var created = await (await reporter.PostAsync("/open311/v2/requests.json", Form(("service_code", "CITY.LIGHT"), ("description", "路灯不亮"),
            ("address_string", "滨河路"), ("address_id", Grid), ("first_name", "市民"), ("phone", "13800001111")))).JsonAsync(HttpStatusCode.Created);
        var id = created[0].Str("service_request_id");

        var anonymous = app.Anonymous();
        var services = XDocument.Parse(await anonymous.GetStringAsync("/open311/v2/services.xml"));
        Assert.Equal("services", services.Root!.Name.LocalName);
        Assert.Contains(services.Root.Elements("service"), s => s.Element("service_code")?.Value == "CITY.LIGHT");

        var json = await anonymous.GetJsonAsync($"/open311/v2/requests/{id}.json");
        var request = Assert.Single(json.EnumerateArray());
        Assert.Equal((id, "open", Grid), (request.Str("service_request_id"), request.Str("status"), request.Str("address_id")));
        var text = json.GetRawText();
        Assert.DoesNotContain("13800001111", text);
        Assert.DoesNotContain("市民", text);

        var xml = XDocument.Parse(await anonymous.GetStringAsync($"/open311/v2/requests.xml?service_request_id={id}"));
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        Assert.Equal(Grid, xml.Root.Element("request")!.Element("address_id")!.Value);
        var list = await anonymous.GetJsonAsync("/open311/v2/requests.json?service_code=CITY.LIGHT&status=open");
        Assert.Contains(list.EnumerateArray(), r => r.Str("service_request_id") == id);
        Assert.All(list.EnumerateArray(), r => Assert.Equal("open", r.Str("status")));
    }

    [Fact]
    public async Task A_request_is_placed_by_its_grid_alone_or_by_its_coordinates_alone()
    {
        var reporter = await app.ApiAsync("county");
        var byGrid = await (await reporter.PostAsync("/open311/v2/requests.json", Form(("service_code", "CITY.LIGHT"), ("description", "路灯不亮"),
            ("address_id", Grid)))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(Grid, (await app.Anonymous().GetJsonAsync($"/open311/v2/requests/{byGrid[0].Str("service_request_id")}.json"))[0].Str("address_id"));

        var boundary = await app.AsSystemAsync(db => db.Set<GridGov.Modules.Territory.Domain.Grid>().Where(g => g.Code == Grid).Select(g => g.BoundaryGeoJson).SingleAsync());
        Assert.NotNull(boundary);
        var centre = GridGov.Modules.Territory.Application.GeoJson.Read(boundary)!.InteriorPoint;
        var (lon, lat) = (centre.X, centre.Y);
        var byPoint = await (await reporter.PostAsync("/open311/v2/requests.xml", Form(("service_code", "CITY.LIGHT"), ("description", "路灯不亮"),
            ("lat", lat.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("long", lon.ToString(System.Globalization.CultureInfo.InvariantCulture))))).Content.ReadAsStringAsync();
        var createdId = XDocument.Parse(byPoint).Root!.Element("request")!.Element("service_request_id")!.Value;
        Assert.Equal(Grid, (await app.Anonymous().GetJsonAsync($"/open311/v2/requests/{createdId}.json"))[0].Str("address_id"));

        await ErrorAsync(await reporter.PostAsync("/open311/v2/requests.json", Form(("service_code", "CITY.LIGHT"), ("description", "路灯不亮"))),
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Filters_are_checked_and_errors_come_as_the_standards_list_in_either_format()
    {
        var anonymous = app.Anonymous();
        await ErrorAsync(await anonymous.GetAsync("/open311/v2/requests.json?status=bogus"), HttpStatusCode.BadRequest);
        await ErrorAsync(await anonymous.GetAsync("/open311/v2/services.json?jurisdiction_id=elsewhere.example"), HttpStatusCode.NotFound);
        await ErrorAsync(await anonymous.GetAsync("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"), HttpStatusCode.BadRequest);
        await ErrorAsync(await anonymous.GetAsync("/open311/v2/requests.json?start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z"), HttpStatusCode.BadRequest);
        await ErrorAsync(await anonymous.GetAsync("/open311/v2/requests/999999999.json"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/open311/v2/services.json?jurisdiction_id=gridgov")).StatusCode);

        var xml = await anonymous.GetAsync("/open311/v2/requests.xml?status=bogus");
        Assert.Equal(HttpStatusCode.BadRequest, xml.StatusCode);
        var error = XDocument.Parse(await xml.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(("errors", "400"), (error.Name.LocalName, error.Element("error")!.Element("code")!.Value));

        // Posting needs an api_key (or an account's bearer token); reading does not.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/open311/v2/requests.json", Form(("service_code", "CITY.LIGHT")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/open311/v2/services.csv")).StatusCode);
    }

    [Fact]
    public async Task A_named_client_posts_with_its_api_key_within_its_area_until_the_key_is_revoked()
    {
        var county = await app.ApiAsync("county");
        var issued = await county.PostJsonAsync("/api/v1/open311-clients", new { name = "岚县随手拍", areaCode = "141127000000" }, HttpStatusCode.Created);
        var key = issued.Str("apiKey");
        var clientId = issued.GetProperty("client").Int("id");
        Assert.StartsWith("gg311_", key);
        var listed = Assert.Single((await county.GetJsonAsync("/api/v1/open311-clients")).GetProperty("items").EnumerateArray(), c => c.Int("id") == clientId);
        Assert.DoesNotContain(key, listed.GetRawText());
        Assert.StartsWith(listed.Str("keyStart"), key);
        // Only the key's hash is kept.
        var stored = await app.AsSystemAsync(db => db.Set<GridGov.Modules.Incidents.Domain.Open311Client>().IgnoreQueryFilters().SingleAsync(c => c.Id == clientId));
        Assert.Equal(GridGov.Modules.Incidents.Domain.Open311Client.HashOf(key), stored.KeyHash);
        Assert.DoesNotContain(key, stored.KeyHash);

        // As a GeoReport client posts: a form with the api_key and no other credential.
        var anonymous = app.Anonymous();
        var created = await (await anonymous.PostAsync("/open311/v2/requests.xml", Form(("api_key", key), ("service_code", "CITY.LIGHT"),
            ("description", "路灯不亮"), ("address_id", Grid)))).Content.ReadAsStringAsync();
        var id = XDocument.Parse(created).Root!.Element("request")!.Element("service_request_id")!.Value;
        var incident = await county.GetJsonAsync($"/api/v1/incidents/{id}");
        Assert.Equal(("open311:岚县随手拍", "Open311"), (incident.Str("reportedBy"), incident.Str("source")));
        Assert.NotNull((await county.GetJsonAsync("/api/v1/open311-clients")).GetProperty("items").EnumerateArray().Single(c => c.Int("id") == clientId).Str("lastUsedAt"));

        // A client files only within its area; a county issues keys only for its own.
        await (await county.PostAsJsonAsync("/api/v1/open311-clients", new { name = "柳林", areaCode = "141125000000" })).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var elsewhere = (await (await app.ApiAsync("admin")).PostJsonAsync("/api/v1/open311-clients", new { name = "柳林随手拍", areaCode = "141125000000" }, HttpStatusCode.Created)).Str("apiKey");
        await ErrorAsync(await anonymous.PostAsync("/open311/v2/requests.json", Form(("api_key", elsewhere), ("service_code", "CITY.LIGHT"),
            ("description", "路灯不亮"), ("address_id", Grid))), HttpStatusCode.BadRequest);

        await ErrorAsync(await anonymous.PostAsync("/open311/v2/requests.json", Form(("api_key", "gg311_" + new string('0', 48)), ("service_code", "CITY.LIGHT"))), HttpStatusCode.Forbidden);
        // A signed-in browser's cookie is no credential here: a page elsewhere cannot post in its user's name.
        var browser = new Browser(app);
        await browser.SignInAsync("county", GridGovApp.Password);
        await ErrorAsync(await browser.PostFromElsewhereAsync("/open311/v2/requests.json", new Dictionary<string, string>
            { ["service_code"] = "CITY.LIGHT", ["description"] = "路灯不亮", ["address_id"] = Grid }), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.NoContent, (await county.PostAsync($"/api/v1/open311-clients/{clientId}/revoke", null)).StatusCode);
        await ErrorAsync(await anonymous.PostAsync("/open311/v2/requests.json", Form(("api_key", key), ("service_code", "CITY.LIGHT"),
            ("description", "路灯不亮"), ("address_id", Grid))), HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Open311OnSqlite(SqliteApp app) : Open311Tests(app);

[Collection(PostgresCollection.Name)]
public sealed class Open311OnPostgres(PostgresApp app) : Open311Tests(app);
