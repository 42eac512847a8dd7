using System.Net;
using System.Net.Http.Json;
using GridGov.IntegrationTests.Infrastructure;

namespace GridGov.IntegrationTests;

/// <summary>Every API error is an RFC 7807 problem with a stable code, in the request's language.</summary>
public abstract class ProblemTests(GridGovApp app)
{
    [Fact]
    public async Task Unknown_routes_and_missing_tokens_are_problems()
    {
        var anonymous = app.Anonymous();
        await (await anonymous.GetAsync("/api/v1/grids/14112710000110001")).ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        var client = await app.ApiAsync("county");
        await (await client.GetAsync("/api/v1/no-such-thing")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.DeleteAsync("/api/v1/coverage/141127000000")).ProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task Messages_follow_the_request_language()
    {
        var zh = await app.ApiAsync("county", "zh-CN");
        var en = await app.ApiAsync("county", "en");
        var chinese = await (await zh.GetAsync("/api/v1/grids/14112799999919999")).ProblemAsync(HttpStatusCode.NotFound, "grid_not_found");
        var english = await (await en.GetAsync("/api/v1/grids/14112799999919999")).ProblemAsync(HttpStatusCode.NotFound, "grid_not_found");
        Assert.Equal("未找到网格 14112799999919999", chinese.Str("title"));
        Assert.Equal("No grid 14112799999919999", english.Str("title"));
    }

    [Fact]
    public async Task Validation_problems_name_each_offending_field()
    {
        var en = await app.ApiAsync("admin", "en");
        var problem = await (await en.PostAsJsonAsync("/api/v1/grids/14112710000110001/staff", new { role = "Volunteer", name = "", phone = "123" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("is required", problem.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal("bad_phone", problem.GetProperty("fieldCodes").Str("phone"));
        await (await en.PostAsync("/api/v1/grids", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")))
            .ProblemAsync(HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task The_api_is_described_by_an_openapi_document_and_a_reference_page()
    {
        var client = app.Anonymous();
        var doc = await client.GetJsonAsync("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/territory/nodes/{code}", "/api/v1/grids/{code}/split", "/api/v1/coverage/{areaCode}", "/api/v1/users", "/api/v1/auth/token" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from the OpenAPI document");
        Assert.Equal("bearer", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").Str("scheme"));
        var reference = await client.GetAsync("/api/reference/");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("openapi/v1.json", await reference.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ProblemsOnSqlite(SqliteApp app) : ProblemTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ProblemsOnPostgres(PostgresApp app) : ProblemTests(app);
