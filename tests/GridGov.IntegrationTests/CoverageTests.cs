using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Modules.People.Domain;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests;

/// <summary>Breaks a clean community in each way the coverage check knows and sees each reported, with a link.</summary>
public abstract class CoverageTests(GridGovApp app)
{
    private sealed record Cut(string Community, string L1, string L2, string L3);

    /// <summary>A community with one grid of each level and the given households on the level-3 grid.</summary>
    private async Task<Cut> CutAsync(string? communityBoundary = null, string? l1Boundary = null)
    {
        var community = await Scratch.CommunityAsync(app, communityBoundary);
        var admin = await app.ApiAsync("admin");
        var l1 = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = community, name = "一", boundary = l1Boundary }, HttpStatusCode.Created)).Str("code");
        var l2 = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l1, name = "一一" }, HttpStatusCode.Created)).Str("code");
        var l3 = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l2, name = "一一一" }, HttpStatusCode.Created)).Str("code");
        return new Cut(community, l1, l2, l3);
    }

    private async Task<JsonElement> ReportAsync(string area) => await (await app.ApiAsync("admin")).GetJsonAsync($"/api/v1/coverage/{area}");

    private static List<JsonElement> Of(JsonElement report, string kind) =>
        report.GetProperty("violations").EnumerateArray().Where(v => v.Str("kind") == kind).ToList();

    [Fact]
    public async Task Grids_outside_their_size_range_are_reported_at_every_level()
    {
        var cut = await CutAsync();
        await Scratch.HouseholdsAsync(app, cut.L3, 25);
        var report = await ReportAsync(cut.Community);
        // Liulin has no rule of its own: 300–500 / 50–100 / 10–20.
        var large = Assert.Single(Of(report, "GridTooLarge"));
        Assert.Equal(cut.L3, large.Str("objectCode"));
        Assert.Equal($"/territory/{cut.L3}", large.Str("link"));
        Assert.Equal([cut.L1, cut.L2], Of(report, "GridTooSmall").Select(v => v.Str("objectCode")).Order().ToList());
        Assert.False(report.GetProperty("passes").GetBoolean());
    }

    [Fact]
    public async Task Households_and_buildings_without_a_grid_are_reported()
    {
        var cut = await CutAsync();
        var householdId = await app.AsSystemAsync(async db =>
        {
            var area = await db.Set<AdminArea>().SingleAsync(a => a.Code == cut.Community);
            var household = Household.Create("无网格户", "某路1号", Placement.Unassigned(area.Path));
            db.Add(household);
            db.Add(Building.Create("无网格楼", "某路1号", Placement.Unassigned(area.Path)));
            await db.SaveChangesAsync();
            return household.Id;
        });
        var report = await ReportAsync(cut.Community);
        var household = Assert.Single(Of(report, "HouseholdWithoutGrid"));
        Assert.Equal($"/households/{householdId}", household.Str("link"));
        Assert.Single(Of(report, "BuildingWithoutGrid"));
        Assert.Equal(1, report.GetProperty("totals").Int("HouseholdWithoutGrid"));
    }

    [Fact]
    public async Task Wrong_nesting_and_households_on_upper_or_retired_grids_are_reported()
    {
        var cut = await CutAsync();
        var other = (await (await app.ApiAsync("admin")).PostJsonAsync("/api/v1/grids", new { parentCode = cut.L2, name = "一一二" }, HttpStatusCode.Created)).Str("code");
        await Scratch.HouseholdsAsync(app, other, 2);
        await app.AsSystemAsync(async db =>
        {
            // A level-3 grid hung directly under a level-1 grid, households put on a level-2 grid, and a retired grid still holding households.
            var l1 = await db.Set<Grid>().SingleAsync(g => g.Code == cut.L1);
            var l3 = await db.Set<Grid>().SingleAsync(g => g.Code == cut.L3);
            db.Entry(l3).Property(g => g.ParentGridId).CurrentValue = l1.Id;
            var l2 = await db.Set<Grid>().SingleAsync(g => g.Code == cut.L2);
            var h = await db.Set<Household>().FirstAsync(x => x.Path.StartsWith(l2.Path) && x.GridId != l3.Id);
            db.Entry(h).Property(x => x.GridId).CurrentValue = l2.Id;
            var retired = await db.Set<Grid>().SingleAsync(g => g.Code == other);
            db.Entry(retired).Property(g => g.ClosedOn).CurrentValue = new DateOnly(2026, 1, 1);
            await db.SaveChangesAsync();
        });
        var report = await ReportAsync(cut.Community);
        Assert.Contains(Of(report, "WrongNesting"), v => v.Str("objectCode") == cut.L3);
        Assert.Contains(Of(report, "PeopleOnUpperLevelGrid"), v => v.Str("objectCode") == cut.L2);
        Assert.Contains(Of(report, "PeopleOnRetiredGrid"), v => v.Str("objectCode") == other);
    }

    [Fact]
    public async Task Overlapping_siblings_gaps_and_shapes_outside_the_parent_are_reported()
    {
        var community = await Scratch.CommunityAsync(app, Scratch.Box(0, 0, 10, 10));
        var admin = await app.ApiAsync("admin");
        var west = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = community, name = "西", boundary = Scratch.Box(0, 0, 6, 10) }, HttpStatusCode.Created)).Str("code");
        var east = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = community, name = "东", boundary = Scratch.Box(5, 0, 9, 12) }, HttpStatusCode.Created)).Str("code");
        var report = await ReportAsync(community);

        var overlap = Assert.Single(Of(report, "SiblingsOverlap"));
        Assert.Equal([west, east], new[] { overlap.Str("objectCode"), overlap.GetProperty("values")[0].GetString()! }.Order().ToArray());
        Assert.Equal(east, Assert.Single(Of(report, "OutsideParent")).Str("objectCode"));
        var gap = Assert.Single(Of(report, "GapInParent"));
        Assert.Equal(community, gap.Str("objectCode"));
        Assert.Equal(10.0, gap.GetProperty("values")[0].GetDouble(), 1);
    }

    [Fact]
    public async Task A_household_located_outside_its_grid_is_reported()
    {
        var cut = await CutAsync();
        var admin = await app.ApiAsync("admin");
        var version = (await admin.GetJsonAsync($"/api/v1/grids/{cut.L3}")).Int("version");
        await admin.PatchJsonAsync($"/api/v1/grids/{cut.L3}", new { boundary = Scratch.Box(111.0, 38.0, 111.1, 38.1), version });
        await Scratch.HouseholdsAsync(app, cut.L3, 1, (111.05, 38.05));
        var outside = await Scratch.HouseholdsAsync(app, cut.L3, 1, (112.0, 38.05));
        var report = await ReportAsync(cut.Community);
        var found = Assert.Single(Of(report, "HouseholdOutsideGrid"));
        Assert.Equal($"/households/{outside[0]}", found.Str("link"));
    }

    [Fact]
    public async Task A_bad_boundary_is_refused_with_the_field_named()
    {
        var community = await Scratch.CommunityAsync(app);
        var admin = await app.ApiAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/grids", new { parentCode = community, name = "坏", boundary = "{\"type\":\"Point\",\"coordinates\":[1,2]}" });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("bad_polygon", problem.GetProperty("fieldCodes").Str("boundary"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CoverageOnSqlite(SqliteApp app) : CoverageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CoverageOnPostgres(PostgresApp app) : CoverageTests(app);
