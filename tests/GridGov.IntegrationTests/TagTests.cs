using System.Net;
using System.Net.Http.Json;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests;

public abstract class TagTests(GridGovApp app)
{
    private const string Binhe = "141127100001";

    [Fact]
    public async Task The_catalogue_is_seeded_and_sensitive_tags_exist_only_for_entitled_roles()
    {
        var community = await app.ApiAsync("community");
        var all = (await community.GetJsonAsync("/api/v1/tags")).EnumerateArray().Select(t => t.Str("code")).ToList();
        Assert.Contains("home_watch", all);
        Assert.Contains("elderly", all);
        Assert.Contains("veteran", all);

        var worker = await app.ApiAsync("gridworker");
        var seen = (await worker.GetJsonAsync("/api/v1/tags")).EnumerateArray().Select(t => t.Str("code")).ToList();
        Assert.DoesNotContain("subsistence", seen);
        Assert.Contains("veteran", seen);
        var someone = await app.AsSystemAsync(db => db.Set<Person>().Where(p => p.IsActive && p.Path.EndsWith("14112710000130001/")).Select(p => p.Id).FirstAsync());
        var refused = await (await worker.PostAsJsonAsync($"/api/v1/people/{someone}/tags", new { code = "subsistence" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("unknown_tag", refused.GetProperty("fieldCodes").Str("tag"));
        var theirTags = await worker.GetJsonAsync($"/api/v1/people/{someone}/tags");
        var sensitiveCodes = new[] { "subsistence", "disabled", "edge_household", "home_watch" };
        Assert.DoesNotContain(theirTags.EnumerateArray(), t => sensitiveCodes.Contains(t.Str("code")));
        await (await worker.GetAsync($"/api/v1/territory/nodes/14112710000130001?tag=disabled")).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Tags_are_counted_in_the_database_at_every_level_and_elderly_is_derived_from_age()
    {
        var county = await app.ApiAsync("county");
        foreach (var (code, tag) in new[] { ("141127000000", "veteran"), (Binhe, "party_member"), (Binhe + "10001", "elderly"), (Binhe + "30001", "subsistence") })
        {
            var view = await county.GetJsonAsync($"/api/v1/territory/nodes/{code}?tag={tag}");
            var node = view.GetProperty("node");
            var path = node.Str("path");
            var expected = await app.AsSystemAsync(async db =>
            {
                var today = GridGov.Kernel.Time.ChinaTime.Today(TimeProvider.System);
                if (tag == "elderly")
                    return await db.Set<Person>().CountAsync(p => p.IsActive && p.Path.StartsWith(path) && p.BirthDate <= today.AddYears(-60));
                var id = await db.Set<TagDefinition>().Where(t => t.Code == tag).Select(t => t.Id).SingleAsync();
                return await db.Set<PersonTag>().Where(t => t.TagId == id && t.Path.StartsWith(path) && (t.ValidTo == null || t.ValidTo >= today))
                    .Select(t => t.PersonId).Distinct().CountAsync(pid => db.Set<Person>().Any(p => p.Id == pid && p.IsActive));
            });
            Assert.Equal(expected, node.Int("tagged"));
            var children = view.GetProperty("children").EnumerateArray().ToList();
            if (children.Count > 0) Assert.Equal(expected, children.Sum(c => c.Int("tagged")));
            Assert.True(expected > 0 || tag == "subsistence", $"{tag} under {code} counted nobody");
        }
    }

    [Fact]
    public async Task A_tag_with_a_validity_period_needs_an_end_and_ends_without_being_deleted()
    {
        var admin = await app.ApiAsync("admin");
        var someone = await app.AsSystemAsync(db => db.Set<Person>().Where(p => p.IsActive && p.Path.EndsWith("14112710000130003/")).Select(p => p.Id).FirstAsync());
        // A tag kept by a programme (home watch, from the watches) is never attached by hand.
        await (await admin.PostAsJsonAsync($"/api/v1/people/{someone}/tags", new { code = "home_watch", validFrom = "2026-01-01", validTo = "2026-01-14" }))
            .ProblemAsync(HttpStatusCode.Conflict, "tag_kept_by_programme");
        if ((await admin.GetJsonAsync("/api/v1/tags")).EnumerateArray().All(t => t.Str("code") != "relief_stay"))
            await admin.PostJsonAsync("/api/v1/tags", new { id = 0, code = "relief_stay", name = "临时安置", englishName = "Temporary relief stay", isSensitive = false,
                hasValidity = true, isDerived = false }, HttpStatusCode.Created);
        var noEnd = await (await admin.PostAsJsonAsync($"/api/v1/people/{someone}/tags", new { code = "relief_stay" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("required", noEnd.GetProperty("fieldCodes").Str("validTo"));
        var from = GridGov.Kernel.Time.ChinaTime.Today(TimeProvider.System);
        var watch = await admin.PostJsonAsync($"/api/v1/people/{someone}/tags",
            new { code = "relief_stay", validFrom = from, validTo = from.AddDays(14) }, HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync($"/api/v1/people/{someone}/tags", new { code = "relief_stay", validFrom = from, validTo = from.AddDays(7) }))
            .ProblemAsync(HttpStatusCode.Conflict, "tag_already_active");
        await (await admin.PostAsJsonAsync($"/api/v1/people/{someone}/tags", new { code = "elderly" })).ProblemAsync(HttpStatusCode.Conflict, "tag_derived");
        var found = await admin.GetJsonAsync($"/api/v1/people?tag=relief_stay&area=14112710000130003&pageSize=200&q=");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), p => p.Int("id") == someone);

        await (await admin.PostAsync($"/api/v1/people/{someone}/tags/{watch.Int("id")}/end", null)).JsonAsync(HttpStatusCode.NoContent);
        var tags = await admin.GetJsonAsync($"/api/v1/people/{someone}/tags");
        var ended = tags.EnumerateArray().First(t => t.Str("code") == "relief_stay" && t.GetProperty("id").ValueKind == System.Text.Json.JsonValueKind.Number && t.Int("id") == watch.Int("id"));
        Assert.Equal(from, DateOnly.Parse(ended.Str("validTo")));
    }

    [Fact]
    public async Task Tags_follow_their_person_when_the_household_moves()
    {
        var community = await Scratch.CommunityAsync(app);
        var admin = await app.ApiAsync("admin");
        var l1 = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = community, name = "甲" }, HttpStatusCode.Created)).Str("code");
        var l2 = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l1, name = "甲一" }, HttpStatusCode.Created)).Str("code");
        var a = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l2, name = "一" }, HttpStatusCode.Created)).Str("code");
        var b = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l2, name = "二" }, HttpStatusCode.Created)).Str("code");
        var household = (await Scratch.HouseholdsAsync(app, a, 1))[0];
        var person = await app.AsSystemAsync(db => db.Set<Person>().Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        await admin.PostJsonAsync($"/api/v1/people/{person}/tags", new { code = "veteran" }, HttpStatusCode.Created);
        await admin.PostJsonAsync($"/api/v1/households/{household}/move", new { gridCode = b });
        Assert.Equal(1, (await admin.GetJsonAsync($"/api/v1/territory/nodes/{b}?tag=veteran")).GetProperty("node").Int("tagged"));
        Assert.Equal(0, (await admin.GetJsonAsync($"/api/v1/territory/nodes/{a}?tag=veteran")).GetProperty("node").Int("tagged"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TagsOnSqlite(SqliteApp app) : TagTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TagsOnPostgres(PostgresApp app) : TagTests(app);
