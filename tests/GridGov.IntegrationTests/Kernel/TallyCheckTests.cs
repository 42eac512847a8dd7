using System.Net;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Modules.Incidents.Application;
using GridGov.Modules.Incidents.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests.Kernel;

/// <summary>
/// Every kept tally of every module equals a recount of its rows after the write paths have run:
/// the check is found by declaration, so a module that keeps a tally is checked here without a test of its own.
/// </summary>
public abstract class TallyCheckTests(GridGovApp app)
{
    private async Task<System.Text.Json.JsonElement> CheckAsync() => await (await app.ApiAsync("admin")).GetJsonAsync("/api/v1/tallies/check");

    [Fact]
    public async Task Every_kept_tally_equals_its_recount_after_reports_steps_and_registrations()
    {
        var admin = await app.ApiAsync("admin");
        var grid = await Scratch.LevelThreeAsync(app);
        var other = await Scratch.LevelThreeAsync(app);
        await Scratch.HouseholdsAsync(app, grid, 3);
        await Scratch.HouseholdsAsync(app, other, 2);
        var id = (await admin.PostJsonAsync("/api/v1/incidents", new { categoryCode = "SAFE.GAS", description = "tally", address = "滨河路8号", gridCode = grid }, HttpStatusCode.Created)).GetProperty("incident").Int("id");
        await admin.PostJsonAsync($"/api/v1/incidents/{id}/steps", new { action = "Accept" });
        await admin.PostJsonAsync($"/api/v1/incidents/{id}/steps", new { action = "Dispatch" });

        var report = await CheckAsync();
        Assert.Equal(["campaign-coverage", "incidents", "population", "tags"], report.GetProperty("tallies").EnumerateArray().Select(t => t.GetString()!).Order());
        Assert.True(report.GetProperty("agree").GetBoolean(), report.GetProperty("differences").GetRawText());
    }

    [Fact]
    public async Task A_tally_that_drifted_from_its_rows_is_named_with_both_figures()
    {
        await app.AsSystemAsync(db => IncidentTallies.FoldAsync(db, CancellationToken.None));
        var row = await app.AsSystemAsync(db => db.Set<IncidentTally>().IgnoreQueryFilters().AsNoTracking().Where(t => t.Reported > 0).FirstAsync());
        var (grain, period, path, group, lead) = (row.Grain, row.Period, row.Path, row.CategoryGroup, row.LeadDepartmentCode);
        try
        {
            await app.AsSystemAsync(db => db.Set<IncidentTally>().IgnoreQueryFilters().Where(t => t.Grain == grain && t.Period == period && t.Path == path && t.CategoryGroup == group && t.LeadDepartmentCode == lead)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.Reported, t => t.Reported + 1000)));
            var report = await CheckAsync();
            Assert.False(report.GetProperty("agree").GetBoolean());
            var difference = Assert.Single(report.GetProperty("differences").EnumerateArray(), d => d.Str("cell") == $"{grain}|{path}|{group}|{lead}");
            Assert.Equal("incidents", difference.Str("tally"));
            Assert.NotEqual(difference.Str("kept"), difference.Str("recounted"));
        }
        finally
        {
            await app.AsSystemAsync(db => IncidentTallies.RebuildAsync(db, CancellationToken.None));
        }
        Assert.True((await CheckAsync()).GetProperty("agree").GetBoolean());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TallyChecksOnSqlite(SqliteApp app) : TallyCheckTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TallyChecksOnPostgres(PostgresApp app) : TallyCheckTests(app);
