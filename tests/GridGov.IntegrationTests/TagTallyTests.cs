using System.Net;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Modules.People.Domain;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests;

/// <summary>
/// The cockpit's people by tag read the tag tallies; after every write path that changes who carries
/// a tag where (attach, end, registration, a move of a person, a household or a grid, deregistration
/// and reinstatement), each count equals the people list it opens and the tallies equal a recount.
/// </summary>
public abstract class TagTallyTests(GridGovApp app)
{
    private static DateOnly Today => GridGov.Kernel.Time.ChinaTime.Today(TimeProvider.System);

    private static int _born;

    /// <summary>Registers a resident through the API, born on the day given (made unique by a few days back per call).</summary>
    private static async Task<int> RegisterAsync(HttpClient admin, int householdId, DateOnly born, string relation = "户主")
    {
        var id = IdNumber.Compose("141125", born, Interlocked.Increment(ref _born) + 300, Sex.Female);
        var body = new { name = "标签居民", idNumber = id, relationToHead = relation, residency = "RegisteredResident" };
        return (await admin.PostJsonAsync($"/api/v1/households/{householdId}/members", body, HttpStatusCode.Created)).Int("id");
    }

    private async Task<Dictionary<string, (int Residents, string Link)>> CockpitTagsAsync(HttpClient client, string area) =>
        (await client.GetJsonAsync($"/api/v1/cockpit?area={area}")).GetProperty("tags").EnumerateArray()
            .ToDictionary(t => t.Str("code"), t => (t.Int("residents"), t.Str("link")));

    private async Task AssertCountsOpenTheirListsAsync(HttpClient client, params string[] areas)
    {
        foreach (var area in areas)
            foreach (var (code, (residents, link)) in await CockpitTagsAsync(client, area))
            {
                Assert.Contains($"tag={code}", link);
                // The list counts up to its limit and says when there are more; the tree counts the rows themselves.
                var list = await client.GetJsonAsync($"/api/v1/people?pageSize=1&{link.Split('?')[1]}");
                var total = list.Int("total");
                if (list.GetProperty("totalIsLowerBound").GetBoolean()) Assert.True(residents > total, $"{code} under {area}: {residents}, its list more than {total}");
                else Assert.True(total == residents, $"{code} under {area}: the cockpit says {residents}, its list holds {total}");
                var counted = (await client.GetJsonAsync($"/api/v1/territory/nodes/{area}?tag={code}")).GetProperty("node").Int("tagged");
                Assert.True(counted == residents, $"{code} under {area}: the cockpit says {residents}, a count of the rows {counted}");
            }
        var check = await (await app.ApiAsync("admin")).GetJsonAsync("/api/v1/tallies/check");
        Assert.True(check.GetProperty("agree").GetBoolean(), check.GetProperty("differences").GetRawText());
    }

    [Fact]
    public async Task People_by_tag_follow_every_write_path_and_equal_the_lists_they_open()
    {
        var admin = await app.ApiAsync("admin");
        var grid = await Scratch.LevelThreeAsync(app);
        var community = grid[..12];
        var households = await Scratch.HouseholdsAsync(app, grid, 2);
        var today = Today;
        var elder = await RegisterAsync(admin, households[0], new DateOnly(1950, 5, 3), "配偶");
        // Turned 60 on the first of this month, or today: counted from the residents, not the month rows.
        var sixtyThisMonth = await RegisterAsync(admin, households[0], TagShares.ElderlyBornFrom(today), "子女");
        var sixtyTomorrow = await RegisterAsync(admin, households[1], today.AddYears(-60).AddDays(1), "配偶");
        var young = await RegisterAsync(admin, households[1], new DateOnly(1990, 7, 9), "子女");

        var before = (await CockpitTagsAsync(admin, Scratch.Liulin))["elderly"].Residents;
        var communityTags = await CockpitTagsAsync(admin, community);
        Assert.Equal(2, communityTags["elderly"].Residents);
        await admin.PostJsonAsync($"/api/v1/people/{elder}/tags", new { code = "veteran" }, HttpStatusCode.Created);
        await admin.PostJsonAsync($"/api/v1/people/{young}/tags", new { code = "migrant_worker", validFrom = today.AddDays(-10), validTo = today.AddDays(-1) }, HttpStatusCode.Created);
        await admin.PostJsonAsync($"/api/v1/people/{sixtyTomorrow}/tags", new { code = "migrant_worker", validFrom = today.AddDays(-3), validTo = today }, HttpStatusCode.Created);
        await admin.PostJsonAsync($"/api/v1/people/{sixtyThisMonth}/tags", new { code = "returnee", validFrom = today.AddDays(3) }, HttpStatusCode.Created);
        var party = await admin.PostJsonAsync($"/api/v1/people/{young}/tags", new { code = "party_member" }, HttpStatusCode.Created);
        communityTags = await CockpitTagsAsync(admin, community);
        Assert.Equal(1, communityTags["veteran"].Residents);
        // A tag that ended yesterday is gone, one that ends today still counts, a return from a later day not yet.
        Assert.Equal(1, communityTags["migrant_worker"].Residents);
        Assert.Equal(0, communityTags["returnee"].Residents);
        Assert.Equal(1, communityTags["party_member"].Residents);
        await AssertCountsOpenTheirListsAsync(admin, community, Scratch.LiulinTown, Scratch.Liulin);
        Assert.Equal(before, (await CockpitTagsAsync(admin, Scratch.Liulin))["elderly"].Residents);

        await (await admin.PostAsync($"/api/v1/people/{young}/tags/{party.Int("id")}/end", null)).JsonAsync(HttpStatusCode.NoContent);
        await admin.PostJsonAsync($"/api/v1/people/{elder}/move", new { householdId = households[1] });
        await admin.PostJsonAsync($"/api/v1/people/{sixtyThisMonth}/deregister", new { reason = "MovedAway", on = today });
        Assert.Equal(1, (await CockpitTagsAsync(admin, community))["elderly"].Residents);
        await AssertCountsOpenTheirListsAsync(admin, community, Scratch.LiulinTown);
        await admin.PostJsonAsync($"/api/v1/people/{sixtyThisMonth}/reinstate", new { });
        Assert.Equal(2, (await CockpitTagsAsync(admin, community))["elderly"].Residents);

        // A household moves to another community's grid; then that grid's level-1 grid moves to another township.
        var otherGrid = await Scratch.LevelThreeAsync(app);
        await admin.PostJsonAsync($"/api/v1/households/{households[1]}/move", new { gridCode = otherGrid });
        Assert.Equal(1, (await CockpitTagsAsync(admin, community))["elderly"].Residents);
        Assert.Equal(1, (await CockpitTagsAsync(admin, otherGrid[..12]))["veteran"].Residents);
        await AssertCountsOpenTheirListsAsync(admin, community, otherGrid[..12], Scratch.LiulinTown);

        var otherTown = await OtherTownshipCommunityAsync();
        var levelOne = await app.AsSystemAsync(db => db.Set<Grid>().Where(g => g.Code == otherGrid).Select(g => g.Path).SingleAsync());
        await admin.PostJsonAsync($"/api/v1/grids/{GridGov.Kernel.Scoping.TreePath.Codes(levelOne)[^3]}/move", new { parentCode = otherTown });
        var town = otherTown[..9] + "000";
        Assert.Equal(1, (await CockpitTagsAsync(admin, town))["veteran"].Residents);
        Assert.Equal(1, (await CockpitTagsAsync(admin, town))["elderly"].Residents);
        await AssertCountsOpenTheirListsAsync(admin, town, Scratch.LiulinTown, Scratch.Liulin);
        Assert.Equal(before, (await CockpitTagsAsync(admin, Scratch.Liulin))["elderly"].Residents);

        // A level-2 grid moves under a level-1 grid of the other township: its people leave one level-1 rollup and township for another.
        var firstPath = await app.AsSystemAsync(db => db.Set<Grid>().Where(g => g.Code == grid).Select(g => g.Path).SingleAsync());
        await admin.PostJsonAsync($"/api/v1/grids/{GridGov.Kernel.Scoping.TreePath.Codes(firstPath)[^2]}/move",
            new { parentCode = GridGov.Kernel.Scoping.TreePath.Codes(levelOne)[^3] });
        Assert.Equal(2, (await CockpitTagsAsync(admin, town))["elderly"].Residents);
        Assert.Equal(0, (await CockpitTagsAsync(admin, community))["elderly"].Residents);
        await AssertCountsOpenTheirListsAsync(admin, town, community, Scratch.LiulinTown, Scratch.Liulin);
    }

    [Fact]
    public async Task Sensitive_tags_are_counted_only_for_roles_entitled_to_them_and_an_auditor_reads_the_rest()
    {
        var auditor = await app.ApiAsync("auditor");
        var seen = await CockpitTagsAsync(auditor, "141127000000");
        Assert.Contains("veteran", seen.Keys);
        Assert.DoesNotContain("subsistence", seen.Keys);
        Assert.DoesNotContain("home_watch", seen.Keys);
        var county = await CockpitTagsAsync(await app.ApiAsync("county"), "141127000000");
        Assert.Contains("home_watch", county.Keys);
        Assert.True(county["elderly"].Residents > 0 && county["veteran"].Residents > 0, "the demo county holds elderly people and veterans");
        await AssertCountsOpenTheirListsAsync(await app.ApiAsync("county"), "141127000000", "141127100000", "141127100001");
    }

    /// <summary>A community in a township of Liulin of its own, for a grid to move across townships.</summary>
    private async Task<string> OtherTownshipCommunityAsync()
    {
        var code = $"1411251{Random.Shared.Next(10, 99)}001";
        var townCode = code[..9] + "000";
        await app.AsSystemAsync(async db =>
        {
            var county = await db.Set<AdminArea>().SingleAsync(a => a.Code == Scratch.Liulin);
            var town = await db.Set<AdminArea>().SingleOrDefaultAsync(a => a.Code == townCode);
            if (town is null)
            {
                town = AdminArea.Create(townCode, "标签镇", county);
                db.Add(town);
                await db.SaveChangesAsync();
            }
            if (!await db.Set<AdminArea>().AnyAsync(a => a.Code == code))
            {
                db.Add(AdminArea.Create(code, "标签社区", town));
                await db.SaveChangesAsync();
            }
        });
        return code;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TagTalliesOnSqlite(SqliteApp app) : TagTallyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TagTalliesOnPostgres(PostgresApp app) : TagTallyTests(app);
