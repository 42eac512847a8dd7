using System.Net;
using System.Net.Http.Json;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Kernel.Auditing;
using GridGov.Modules.People.Domain;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests;

public abstract class TerritoryApiTests(GridGovApp app)
{
    private const string Lan = "141127000000";
    private const string Binhe = "141127100001";
    private const string Dongguan = "141127100002";

    [Fact]
    public async Task Health_reports_a_migrated_database()
    {
        var client = app.Anonymous();
        var health = await client.GetJsonAsync("/healthz");
        Assert.Equal("healthy", health.Str("status"));
        Assert.Equal(0, health.Int("pendingMigrations"));
    }

    [Fact]
    public async Task The_demo_county_has_the_published_grids_in_range_and_coverage_names_each_township_without_a_grid()
    {
        app.SkipIfUnavailable();
        var levels = await app.AsSystemAsync(db => db.Set<Grid>().Where(g => g.Path.StartsWith("140000000000/141100000000/141127000000/"))
            .GroupBy(g => g.Level).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N));
        Assert.Equal(75, levels[1]);
        Assert.Equal(396, levels[2]);
        Assert.Equal(1100, levels[3]);

        var county = await app.ApiAsync("county");
        var report = await county.GetJsonAsync($"/api/v1/coverage/{Lan}");
        // The demo grids only the county seat (东村镇): the other eleven townships are one line each, and nothing else is wrong.
        Assert.False(report.GetProperty("passes").GetBoolean());
        var totals = report.GetProperty("totals").EnumerateObject().ToDictionary(t => t.Name, t => t.Value.GetInt32());
        Assert.Equal(11, totals["AreaWithoutGrid"]);
        Assert.All(totals.Where(t => t.Key != "AreaWithoutGrid"), t => Assert.Equal(0, t.Value));
        Assert.All(report.GetProperty("violations").EnumerateArray(), v => Assert.EndsWith("000", v.Str("objectCode")));
        Assert.DoesNotContain(report.GetProperty("violations").EnumerateArray(), v => v.Str("objectCode") == "141127100000");
        Assert.Equal(75 + 396 + 1100, report.Int("gridsChecked"));
        Assert.InRange(report.Int("householdsChecked"), 22_000, 27_000);

        var seat = await county.GetJsonAsync("/api/v1/coverage/141127100000");
        Assert.True(seat.GetProperty("passes").GetBoolean(), seat.ToString());
    }

    [Fact]
    public async Task Binhe_has_six_compounds_and_about_7500_residents()
    {
        var county = await app.ApiAsync("county");
        var binhe = (await county.GetJsonAsync($"/api/v1/territory/nodes/{Binhe}")).GetProperty("node");
        Assert.InRange(binhe.Int("residents"), 7_000, 8_000);
        var names = await app.AsSystemAsync(db => db.Set<Building>().Where(b => b.Path.Contains(Binhe)).Select(b => b.Name).ToListAsync());
        var compounds = GridGov.Modules.Demo.LuliangDivisions.BinheCompounds;
        Assert.Equal(6, compounds.Length);
        Assert.All(names, n => Assert.Contains(compounds, c => n.StartsWith(c)));
        Assert.All(compounds, c => Assert.Contains(names, n => n.StartsWith(c)));
    }

    [Fact]
    public async Task Tree_counts_are_the_rows_under_each_node()
    {
        var county = await app.ApiAsync("county");
        var view = await county.GetJsonAsync($"/api/v1/territory/nodes/{Binhe}");
        var children = view.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(8, children.Count);
        Assert.Equal(view.GetProperty("node").Int("households"), children.Sum(c => c.Int("households")));
        var first = children[0];
        var (households, residents) = await app.AsSystemAsync(async db => (
            await db.Set<Household>().CountAsync(h => h.IsActive && h.Path.StartsWith(first.Str("path"))),
            // Residents on the register: other tests deregister people on the demo's grids.
            await db.Set<Person>().CountAsync(p => p.IsActive && p.Path.StartsWith(first.Str("path")))));
        Assert.Equal(households, first.Int("households"));
        Assert.Equal(residents, first.Int("residents"));
        Assert.InRange(households, 300, 500);
    }

    [Fact]
    public async Task A_grid_is_opened_renamed_retired_and_keeps_its_history()
    {
        var community = await Scratch.CommunityAsync(app);
        var admin = await app.ApiAsync("admin");
        var l1 = await admin.PostJsonAsync("/api/v1/grids", new { parentCode = community, name = "一网格" }, HttpStatusCode.Created);
        Assert.Equal(community + "10001", l1.Str("code"));
        Assert.Equal(1, l1.Int("level"));
        var l2 = await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l1.Str("code"), name = "一组" }, HttpStatusCode.Created);
        var l3 = await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l2.Str("code"), name = "一格" }, HttpStatusCode.Created);
        Assert.Equal(3, l3.Int("level"));
        Assert.StartsWith(l2.Str("path"), l3.Str("path"));
        await (await admin.PostAsJsonAsync("/api/v1/grids", new { parentCode = l3.Str("code"), name = "四级" }))
            .ProblemAsync(HttpStatusCode.Conflict, "grid_parent_level");

        var renamed = await admin.PatchJsonAsync($"/api/v1/grids/{l3.Str("code")}", new { name = "改名后", version = l3.Int("version") });
        Assert.Equal("改名后", renamed.Str("name"));
        // The version the editor read is now stale: a second save over it is refused, not merged.
        await (await admin.PatchAsJsonAsync($"/api/v1/grids/{l3.Str("code")}", new { name = "又改名", version = l3.Int("version") }))
            .ProblemAsync(HttpStatusCode.Conflict, "concurrency_conflict");
        await (await admin.PatchAsJsonAsync($"/api/v1/grids/{l3.Str("code")}", new { name = "又改名" })).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var history = await admin.GetJsonAsync($"/api/v1/grids/{l3.Str("code")}/history");
        var change = history.GetProperty("items").EnumerateArray().First();
        Assert.Equal("admin", change.Str("userName"));
        Assert.Contains("改名后", change.Str("after"));
        Assert.Contains("一格", change.Str("before"));

        await Scratch.HouseholdsAsync(app, l3.Str("code"), 1);
        await (await admin.PostAsJsonAsync($"/api/v1/grids/{l2.Str("code")}/retire", new { }))
            .ProblemAsync(HttpStatusCode.Conflict, "grid_not_empty");
        var empty = await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l2.Str("code"), name = "空格" }, HttpStatusCode.Created);
        var retired = await admin.PostJsonAsync($"/api/v1/grids/{empty.Str("code")}/retire", new { });
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, retired.GetProperty("closedOn").ValueKind);
        Assert.Equal(1, await app.AsSystemAsync(db => db.Set<Grid>().CountAsync(g => g.Code == empty.Str("code"))));
    }

    [Fact]
    public async Task Households_move_and_grids_split_merge_and_move_with_everything_on_them()
    {
        var community = await Scratch.CommunityAsync(app);
        var admin = await app.ApiAsync("admin");
        var l1a = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = community, name = "甲" }, HttpStatusCode.Created)).Str("code");
        var l1b = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = community, name = "乙" }, HttpStatusCode.Created)).Str("code");
        var l2 = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l1a, name = "甲一" }, HttpStatusCode.Created)).Str("code");
        var l3a = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l2, name = "甲一1" }, HttpStatusCode.Created)).Str("code");
        var l3b = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l2, name = "甲一2" }, HttpStatusCode.Created)).Str("code");
        var ids = await Scratch.HouseholdsAsync(app, l3a, 6);

        var moved = await admin.PostJsonAsync($"/api/v1/households/{ids[0]}/move", new { gridCode = l3b });
        Assert.Equal(l3b, moved.Str("gridCode"));
        await (await admin.PostAsJsonAsync($"/api/v1/households/{ids[1]}/move", new { gridCode = l2 }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var split = await admin.PostJsonAsync($"/api/v1/grids/{l3a}/split", new { newName = "甲一3", householdIds = ids.Skip(1).Take(2) }, HttpStatusCode.Created);
        Assert.Equal(2, split.Int("households"));
        Assert.Equal(2, split.Int("residents"));
        Assert.Equal(3, (await admin.GetJsonAsync($"/api/v1/grids/{l3a}")).Int("households"));

        var merged = await admin.PostJsonAsync($"/api/v1/grids/{l3b}/merge", new { targetCode = l3a });
        Assert.Equal(4, merged.Int("households"));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, (await admin.GetJsonAsync($"/api/v1/grids/{l3b}")).GetProperty("closedOn").ValueKind);

        var movedL2 = await admin.PostJsonAsync($"/api/v1/grids/{l2}/move", new { parentCode = l1b });
        var l1bPath = (await admin.GetJsonAsync($"/api/v1/grids/{l1b}")).Str("path");
        Assert.StartsWith(l1bPath, movedL2.Str("path"));
        Assert.Equal(6, movedL2.Int("households"));
        var stale = await app.AsSystemAsync(db => db.Set<Person>().CountAsync(p => ids.Contains(p.HouseholdId) && !p.Path.StartsWith(l1bPath)));
        Assert.Equal(0, stale);
        Assert.Equal(0, (await admin.GetJsonAsync($"/api/v1/grids/{l1a}")).Int("households"));
        await (await admin.PostAsJsonAsync($"/api/v1/grids/{l3a}/move", new { parentCode = l1b }))
            .ProblemAsync(HttpStatusCode.Conflict, "grid_move_level");
    }

    [Fact]
    public async Task Staff_and_party_organisation_are_assigned_to_grids()
    {
        var community = await Scratch.CommunityAsync(app);
        var admin = await app.ApiAsync("admin");
        var l1 = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = community, name = "甲" }, HttpStatusCode.Created)).Str("code");
        var leader = await admin.PostJsonAsync($"/api/v1/grids/{l1}/staff", new { role = "GridLeader", name = "王建国", phone = "13912345678" }, HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync($"/api/v1/grids/{l1}/staff", new { role = "GridLeader", name = "李娜" }))
            .ProblemAsync(HttpStatusCode.Conflict, "grid_has_leader");
        await admin.PostJsonAsync($"/api/v1/grids/{l1}/staff", new { role = "FullTimeWorker", name = "张晓梅", userName = "gridworker" }, HttpStatusCode.Created);
        var staff = await admin.GetJsonAsync($"/api/v1/grids/{l1}/staff");
        Assert.Equal(2, staff.GetArrayLength());
        // A staff member's phone is personal data: masked in every answer, the one that created it too.
        Assert.Equal("139****5678", leader.Str("maskedPhone"));
        Assert.Contains(staff.EnumerateArray(), s => s.Str("maskedPhone") == "139****5678");
        Assert.DoesNotContain("13912345678", staff.GetRawText());
        await (await admin.PostAsync($"/api/v1/grids/{l1}/staff/{leader.Int("id")}/end", null)).JsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(1, (await admin.GetJsonAsync($"/api/v1/grids/{l1}/staff")).GetArrayLength());

        await admin.PostJsonAsync($"/api/v1/grids/{l1}/party", new { kind = "Branch", name = "甲网格党支部" }, HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync($"/api/v1/grids/{l1}/party", new { kind = "Group", name = "错层" }))
            .ProblemAsync(HttpStatusCode.Conflict, "party_org_level");
    }

    [Fact]
    public async Task A_grid_worker_reads_and_changes_only_their_own_grid()
    {
        var worker = await app.ApiAsync("gridworker");
        var root = await worker.GetJsonAsync("/api/v1/territory/nodes");
        var own = root.GetProperty("node").Str("code");
        Assert.Equal("14112710000130001", own);
        Assert.Empty(root.GetProperty("ancestors").EnumerateArray());
        Assert.True((await worker.GetJsonAsync($"/api/v1/grids/{own}/households")).Int("total") > 0);

        await (await worker.GetAsync("/api/v1/grids/14112710000130002")).ProblemAsync(HttpStatusCode.NotFound, "grid_not_found");
        await (await worker.GetAsync($"/api/v1/territory/nodes/{Binhe}")).ProblemAsync(HttpStatusCode.NotFound, "node_not_found");
        await (await worker.PatchAsJsonAsync($"/api/v1/grids/{own}", new { name = "x" })).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task Community_staff_cannot_read_or_change_a_neighbouring_community()
    {
        var staff = await app.ApiAsync("community");
        var dongguanGrid = Dongguan + "10001";
        await (await staff.GetAsync($"/api/v1/grids/{dongguanGrid}")).ProblemAsync(HttpStatusCode.NotFound, "grid_not_found");
        await (await staff.PatchAsJsonAsync($"/api/v1/grids/{dongguanGrid}", new { name = "越界" })).ProblemAsync(HttpStatusCode.NotFound, "grid_not_found");
        await (await staff.PostAsJsonAsync("/api/v1/grids", new { parentCode = Dongguan, name = "越界" })).ProblemAsync(HttpStatusCode.NotFound, "area_not_found");
        await (await staff.GetAsync($"/api/v1/coverage/{Lan}")).ProblemAsync(HttpStatusCode.NotFound, "area_not_found");
        var name = await app.AsSystemAsync(db => db.Set<Grid>().Where(g => g.Code == dongguanGrid).Select(g => g.Name).SingleAsync());
        Assert.NotEqual("越界", name);
        Assert.Equal(200, (int)(await staff.GetAsync($"/api/v1/grids/{Binhe}10001")).StatusCode);
    }

    [Fact]
    public async Task Every_change_is_logged_in_the_same_transaction()
    {
        var community = await Scratch.CommunityAsync(app);
        var admin = await app.ApiAsync("admin");
        var before = await app.AsSystemAsync(db => db.Set<ChangeRecord>().CountAsync());
        var grid = await admin.PostJsonAsync("/api/v1/grids", new { parentCode = community, name = "记录" }, HttpStatusCode.Created);
        var records = await app.AsSystemAsync(db => db.Set<ChangeRecord>().Where(c => c.EntityType == "Grid" && c.Action == "Added")
            .OrderByDescending(c => c.Id).FirstAsync());
        Assert.Equal("admin", records.UserName);
        Assert.Contains(grid.Str("code"), records.After);
        Assert.True(await app.AsSystemAsync(db => db.Set<ChangeRecord>().CountAsync()) > before);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TerritoryApiOnSqlite(SqliteApp app) : TerritoryApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TerritoryApiOnPostgres(PostgresApp app) : TerritoryApiTests(app);
