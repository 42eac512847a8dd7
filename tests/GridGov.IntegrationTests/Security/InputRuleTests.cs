using System.Net;
using System.Net.Http.Json;
using GridGov.IntegrationTests.Infrastructure;

namespace GridGov.IntegrationTests.Security;

/// <summary>Shared data has an owner, the report channel follows the role, enums are names the domain knows, edits carry versions.</summary>
public abstract class InputRuleTests(GridGovApp app)
{
    [Fact]
    public async Task A_save_of_text_longer_than_its_column_is_a_field_error_whichever_path_wrote_it()
    {
        // Written past every domain method: the save itself refuses it, on either provider alike.
        var refused = await Assert.ThrowsAsync<GridGov.Kernel.Errors.ValidationException>(() => app.AsSystemAsync(async db =>
        {
            db.Add(new GridGov.Kernel.Notices.Notice(new string('a', 281), "test", new("incident", "1", "X", "140000000000/", "/incidents/1"), DateTime.UtcNow));
            await db.SaveChangesAsync();
        }));
        Assert.Equal("too_long", refused.Fields["audience"]);
    }

    [Fact]
    public async Task Only_the_owner_changes_shared_catalogues()
    {
        var county = await app.ApiAsync("county");
        await (await county.PutAsJsonAsync("/api/v1/incident-categories/SAFE.GAS", new { name = "改掉", englishName = "changed" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
        await (await county.PostAsJsonAsync("/api/v1/tags", new { id = 0, code = "county_tag", name = "县标签", englishName = "x", isSensitive = false, hasValidity = false, isDerived = false }))
            .ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
        var categories = await county.GetJsonAsync("/api/v1/incident-categories");
        Assert.Contains(categories.EnumerateArray(), c => c.Str("code") == "SAFE.GAS" && c.Str("name") != "改掉");
    }

    [Fact]
    public async Task A_grid_worker_cannot_record_a_report_as_a_hotline_call_but_the_centre_can()
    {
        var worker = await app.ApiAsync("gridworker");
        var refused = await (await worker.PostAsJsonAsync("/api/v1/incidents",
            new { categoryCode = "SAFE.GAS", description = "燃气味", address = "某处", source = "Hotline" })).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("channel_not_yours", refused.GetProperty("fieldCodes").Str("source"));
        await (await worker.PostAsJsonAsync("/api/v1/incidents",
            new { categoryCode = "SAFE.GAS", description = "燃气味", address = "某处", source = "Open311" })).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var county = await app.ApiAsync("county");
        var taken = await (await county.PostAsJsonAsync("/api/v1/incidents", new
        {
            categoryCode = "SAFE.GAS", description = "热线来电", address = "某处", source = "Hotline", gridCode = "14112710000130001",
        })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Hotline", taken.GetProperty("incident").Str("source"));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("-5")]
    [InlineData("\"99\"")]
    [InlineData("\"Migrant, RegisteredResident\"")]
    [InlineData("\"Martian\"")]
    public async Task An_enum_value_the_domain_does_not_know_is_a_field_error_and_nothing_is_stored(string residency)
    {
        var l3 = await Scratch.LevelThreeAsync(app);
        var household = (await Scratch.HouseholdsAsync(app, l3, 1))[0];
        var admin = await app.ApiAsync("admin");
        var body = $$"""{"name":"枚举","idNumber":"{{HistoryPrivacyTests.NewIdNumber()}}","relationToHead":"子女","residency":{{residency}}}""";
        var response = await admin.PostAsync($"/api/v1/households/{household}/members", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("fieldCodes").TryGetProperty("residency", out _), problem.ToString());
        var members = await admin.GetJsonAsync($"/api/v1/households/{household}");
        Assert.DoesNotContain(members.GetProperty("members").EnumerateArray(), m => m.Str("name") == "枚举");
    }

    [Fact]
    public async Task An_enum_in_the_query_string_must_be_a_known_name()
    {
        var auditor = await app.ApiAsync("auditor");
        var problem = await (await auditor.GetAsync("/api/v1/sign-in-events?outcome=99")).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("unknown", problem.GetProperty("fieldCodes").Str("outcome"));
    }

    [Fact]
    public async Task Household_and_key_place_edits_carry_the_version_read_and_a_stale_one_is_a_conflict()
    {
        var l3 = await Scratch.LevelThreeAsync(app);
        var household = (await Scratch.HouseholdsAsync(app, l3, 1))[0];
        var admin = await app.ApiAsync("admin");
        var read = await admin.GetJsonAsync($"/api/v1/households/{household}");
        var version = read.Int("version");
        await (await admin.PutAsJsonAsync($"/api/v1/households/{household}", new { number = "V1", address = "版本路1号", version })).JsonAsync(HttpStatusCode.NoContent);
        await (await admin.PutAsJsonAsync($"/api/v1/households/{household}", new { number = "V2", address = "版本路2号", version }))
            .ProblemAsync(HttpStatusCode.Conflict, "concurrency_conflict");
        Assert.Equal("V1", (await admin.GetJsonAsync($"/api/v1/households/{household}")).Str("number"));

        await admin.PostJsonAsync($"/api/v1/grids/{l3}/key-places", new { name = "版本学校", kind = "School", address = "路", contactName = "甲", contactPhone = "13700001234" },
            HttpStatusCode.Created);
        var place = (await admin.GetJsonAsync($"/api/v1/grids/{l3}/places")).GetProperty("keyPlaces")[0];
        var body = new { name = "版本学校", kind = "School", address = "新路", contactName = "乙", contactPhone = place.Str("maskedContactPhone"), version = place.Int("version") };
        await (await admin.PutAsJsonAsync($"/api/v1/key-places/{place.Int("id")}", body)).JsonAsync(HttpStatusCode.NoContent);
        await (await admin.PutAsJsonAsync($"/api/v1/key-places/{place.Int("id")}", body with { })).ProblemAsync(HttpStatusCode.Conflict, "concurrency_conflict");
        var after = (await admin.GetJsonAsync($"/api/v1/grids/{l3}/places")).GetProperty("keyPlaces")[0];
        Assert.Equal(("乙", "137****1234"), (after.Str("contactName"), after.Str("maskedContactPhone")));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InputRulesOnSqlite(SqliteApp app) : InputRuleTests(app);

[Collection(PostgresCollection.Name)]
public sealed class InputRulesOnPostgres(PostgresApp app) : InputRuleTests(app);
