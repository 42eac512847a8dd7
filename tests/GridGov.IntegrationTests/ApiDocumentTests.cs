using System.Net;
using System.Text;
using System.Text.Json;
using GridGov.IntegrationTests.Infrastructure;

namespace GridGov.IntegrationTests;

/// <summary>
/// The API says what it does: every operation declares its problem answers, every instant carries
/// its offset, nullable values are nullable in their schemas, and a malformed Open311 post is the
/// caller's mistake, not a 500. (The access matrices check each answer they receive against the document.)
/// </summary>
public abstract class ApiDocumentTests(GridGovApp app)
{
    private async Task<JsonElement> DocumentAsync() => await app.Anonymous().GetJsonAsync("/openapi/v1.json");

    [Fact]
    public async Task Every_operation_declares_its_problem_answers_with_the_problem_schema()
    {
        var doc = await DocumentAsync();
        var missing = new List<string>();
        var operations = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject())
            {
                operations++;
                var responses = op.Value.GetProperty("responses");
                foreach (var status in new[] { "400", "503" }.Concat(op.Name is "post" or "put" or "patch" or "delete" ? ["409", "404"] : []))
                    if (!responses.TryGetProperty(status, out var r)
                        || !r.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString()!.EndsWith("/Problem"))
                        missing.Add($"{op.Name.ToUpperInvariant()} {path.Name} {status}");
            }
        Assert.True(operations > 80, $"only {operations} operations");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        Assert.True(doc.GetProperty("paths").GetProperty("/api/v1/incidents/{id}/steps").GetProperty("post").GetProperty("responses").TryGetProperty("401", out _));
    }

    [Fact]
    public async Task Instants_come_back_with_their_offset_as_their_schema_says()
    {
        var worker = await app.ApiAsync("gridworker");
        await worker.GetAsync("/api/v1/people/export");
        var log = await (await app.ApiAsync("auditor")).GetJsonAsync("/api/v1/exports?pageSize=5");
        var at = log.GetProperty("items")[0].Str("at");
        Assert.Matches(@"(Z|[+-]\d{2}:\d{2})$", at);
        var instant = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.UtcNow - instant, TimeSpan.FromSeconds(-5), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_masked_personal_value_is_documented_as_the_text_it_travels_as()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        var phone = schemas.GetProperty("PersonView").GetProperty("properties").GetProperty("maskedPhone");
        var schema = phone.TryGetProperty("$ref", out var reference) ? schemas.GetProperty(reference.GetString()!.Split('/')[^1]) : phone;
        Assert.Equal("string", schema.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_nullable_enum_is_nullable_in_its_schema()
    {
        var doc = await DocumentAsync();
        var measure = doc.GetProperty("components").GetProperty("schemas").GetProperty("IncidentFilter").GetProperty("properties").GetProperty("measure");
        Assert.Contains(measure.GetProperty("type").EnumerateArray(), t => t.GetString() == "null");
        Assert.Contains(measure.GetProperty("enum").EnumerateArray(), e => e.ValueKind == JsonValueKind.Null);
        var metrics = await (await app.ApiAsync("county")).GetJsonAsync("/api/v1/incidents/metrics");
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("filter").GetProperty("measure").ValueKind);
    }

    [Fact]
    public async Task An_open311_post_with_no_body_or_with_numbers_for_coordinates_is_answered_not_a_500()
    {
        var client = await app.ApiAsync("county");
        var empty = await client.PostAsync("/open311/v2/requests.json", new StringContent("", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var none = await client.PostAsync("/open311/v2/requests.json", null);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        var numbers = await (await client.PostAsync("/open311/v2/requests.json", new StringContent(
            """{"service_code":"CITY.LIGHT","description":"路灯不亮","address_string":"滨河路","address_id":"14112710000130001","lat":38.28,"long":111.68}""",
            Encoding.UTF8, "application/json"))).JsonAsync(HttpStatusCode.Created);
        var request = (await client.GetJsonAsync($"/open311/v2/requests/{numbers[0].Str("service_request_id")}.json"))[0];
        Assert.Equal((38.28, 111.68), (request.GetProperty("lat").GetDouble(), request.GetProperty("long").GetDouble()));
        var broken = await client.PostAsync("/open311/v2/requests.json", new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApiDocumentOnSqlite(SqliteApp app) : ApiDocumentTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ApiDocumentOnPostgres(PostgresApp app) : ApiDocumentTests(app);
