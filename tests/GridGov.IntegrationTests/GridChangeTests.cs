using System.Net;
using System.Net.Http.Json;
using GridGov.Data;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Kernel.Notices;
using GridGov.Modules.Incidents.Application;
using GridGov.Modules.Incidents.Domain;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests;

/// <summary>
/// A grid that holds incidents, notices and key places is merged and moved: every record follows
/// it, found under the new path by a viewer of the new scope and by no viewer of the old.
/// </summary>
public abstract class GridChangeTests(GridGovApp app)
{
    private sealed record Held(int Incidents, int Notices, int KeyPlaces, int TalliedReports, int Households);

    private async Task<Held> HeldUnderAsync(string path)
    {
        await app.AsSystemAsync(db => IncidentTallies.FoldAsync(db, CancellationToken.None));
        return await app.AsViewerOfAsync(path, async db => new Held(
            await db.Set<Incident>().CountAsync(i => i.Description == Marker),
            await db.Set<Notice>().CountAsync(n => n.SubjectType == IncidentNotices.SubjectType && db.Set<Incident>().Any(i => i.Number == n.SubjectLabel && i.Description == Marker)),
            await db.Set<KeyPlace>().CountAsync(k => k.Name.StartsWith(Marker)),
            await db.Set<IncidentTally>().Where(t => t.Grain == TallyGrain.CommunityMonth).SumAsync(t => t.Reported),
            await db.Set<Household>().CountAsync(h => h.IsActive)));
    }

    private const string Marker = "网格调整测试";

    [Fact]
    public async Task Incidents_notices_and_key_places_follow_their_grid_through_a_merge_and_a_move()
    {
        var community = await Scratch.CommunityAsync(app);
        var admin = await app.ApiAsync("admin");
        async Task<string> GridAsync(string parent, string name) =>
            (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = parent, name }, HttpStatusCode.Created)).Str("code");
        var l1a = await GridAsync(community, "甲");
        var l1b = await GridAsync(community, "乙");
        var l2 = await GridAsync(l1a, "甲一");
        var kept = await GridAsync(l2, "甲一1");
        var merged = await GridAsync(l2, "甲一2");
        foreach (var grid in new[] { kept, merged })
        {
            await admin.PostJsonAsync($"/api/v1/grids/{grid}/key-places", new { name = Marker + grid, kind = "School", address = "滨河路8号", contactName = "钱校长" }, HttpStatusCode.Created);
            await admin.PostJsonAsync("/api/v1/incidents", new { categoryCode = "SAFE.GAS", description = Marker, address = "滨河路8号", gridCode = grid }, HttpStatusCode.Created);
        }
        await Scratch.HouseholdsAsync(app, merged, 2);
        string PathOf(string code) => app.AsSystemAsync(db => db.Set<GridGov.Modules.Territory.Domain.Grid>().Where(g => g.Code == code).Select(g => g.Path).SingleAsync()).Result;
        var (l1aPath, l1bPath) = (PathOf(l1a), PathOf(l1b));
        var before = await HeldUnderAsync(l1aPath);
        Assert.Equal(new Held(2, before.Notices, 2, 2, 2), before);
        Assert.True(before.Notices > 0, "reporting sends notices");

        await admin.PostJsonAsync($"/api/v1/grids/{merged}/merge", new { targetCode = kept });
        // The level-3 grid holds everything; the community-month tallies live one level up, on 甲一.
        Assert.Equal(before with { TalliedReports = 0 }, await HeldUnderAsync(PathOf(kept)));
        Assert.Equal(before, await HeldUnderAsync(PathOf(l2)));
        Assert.Equal(new Held(0, 0, 0, 0, 0), await HeldUnderAsync(PathOf(merged)));

        await admin.PostJsonAsync($"/api/v1/grids/{l2}/move", new { parentCode = l1b });
        Assert.Equal(before, await HeldUnderAsync(l1bPath));
        Assert.Equal(new Held(0, 0, 0, 0, 0), await HeldUnderAsync(l1aPath));
        var audiences = await app.AsViewerOfAsync(l1bPath, db => db.Set<Notice>().Where(n => n.Audience.StartsWith("grid:"))
            .Where(n => db.Set<Incident>().Any(i => i.Number == n.SubjectLabel && i.Description == Marker)).Select(n => n.Audience).ToListAsync());
        Assert.All(audiences, a => Assert.StartsWith("grid:" + l1bPath, a));
    }

    [Fact]
    public async Task A_grid_that_still_holds_a_key_place_or_an_open_incident_does_not_retire()
    {
        var admin = await app.ApiAsync("admin");
        var withPlace = await Scratch.LevelThreeAsync(app);
        await admin.PostJsonAsync($"/api/v1/grids/{withPlace}/key-places", new { name = Marker, kind = "School", address = "滨河路8号", contactName = "钱校长" }, HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync($"/api/v1/grids/{withPlace}/retire", new { })).ProblemAsync(HttpStatusCode.Conflict, "grid_not_empty");
        var withIncident = await Scratch.LevelThreeAsync(app);
        await admin.PostJsonAsync("/api/v1/incidents", new { categoryCode = "SAFE.GAS", description = Marker, address = "滨河路8号", gridCode = withIncident }, HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync($"/api/v1/grids/{withIncident}/retire", new { })).ProblemAsync(HttpStatusCode.Conflict, "grid_not_empty");
    }

    [Fact]
    public void Every_path_scoped_table_but_the_audit_trails_and_those_their_module_moves_is_rewritten()
    {
        using var db = DatabaseSetup.CreateForSystem(DatabaseProvider.Sqlite, "Data Source=:memory:");
        var rewritten = PathRebase.RewrittenTypes(db.Model).Select(t => t.Name).ToList();
        Assert.Contains(nameof(KeyPlace), rewritten);
        Assert.Contains(nameof(Household), rewritten);
        Assert.DoesNotContain(nameof(Incident), rewritten);
        Assert.DoesNotContain(nameof(IncidentTally), rewritten);
        Assert.DoesNotContain(nameof(PersonAccess), rewritten);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GridChangesOnSqlite(SqliteApp app) : GridChangeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class GridChangesOnPostgres(PostgresApp app) : GridChangeTests(app);
