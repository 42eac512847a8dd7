using GridGov.Kernel.Scoping;
using GridGov.Modules.Incidents.Domain;

namespace GridGov.UnitTests;

public class IncidentTallyTests
{
    private const string County = "140000000000/141100000000/141127000000/";
    private const string Township = County + "141127100000/";
    private const string Community = Township + "141127100005/14112710000510007/14112710000520038/";
    private const string Grid = Community + "14112710000530101/";

    [Fact]
    public void An_incident_is_tallied_by_day_for_its_county_and_township_and_by_month_for_its_community()
    {
        Assert.Equal(County, IncidentTallyRow.PlaceOf(TallyGrain.CountyDay, Grid));
        Assert.Equal(Township, IncidentTallyRow.PlaceOf(TallyGrain.TownshipDay, Grid));
        Assert.Equal(Community, IncidentTallyRow.PlaceOf(TallyGrain.CommunityMonth, Grid));
        // A recount works from cells already cut by community.
        Assert.Equal(Community, IncidentTallyRow.PlaceOf(TallyGrain.CommunityMonth, Community));
        Assert.Equal(Township, IncidentTallyRow.PlaceOf(TallyGrain.TownshipDay, Community));
        Assert.Equal(20261123, IncidentTallyRow.PeriodOf(TallyGrain.CountyDay, new DateOnly(2026, 11, 23)));
        Assert.Equal(20261123, IncidentTallyRow.PeriodOf(TallyGrain.TownshipDay, new DateOnly(2026, 11, 23)));
        Assert.Equal(202611, IncidentTallyRow.PeriodOf(TallyGrain.CommunityMonth, new DateOnly(2026, 11, 23)));
        Assert.Equal(202611, IncidentTallyRow.PeriodOf(TallyGrain.CountyMonth, new DateOnly(2026, 11, 23)));
        Assert.Equal(County, IncidentTallyRow.PlaceOf(TallyGrain.CountyMonth, Grid));
    }

    [Theory]
    [InlineData("140000000000/", null)]
    [InlineData("140000000000/141100000000/", null)]
    [InlineData(County, County)]
    [InlineData(Township, County)]
    [InlineData(Grid, County)]
    public void The_county_on_a_path_is_the_area_with_a_county_part_and_nothing_below(string path, string? county) =>
        Assert.Equal(county, TreePath.CountyPath(path));

    [Theory]
    [InlineData(County, null)]
    [InlineData(Township, Township)]
    [InlineData(Township + "141127100005/", Township)]
    [InlineData(Grid, Township)]
    public void The_township_on_a_path_is_the_area_with_a_township_part_and_nothing_below(string path, string? township) =>
        Assert.Equal(township, TreePath.TownshipPath(path));

    [Fact]
    public void Grid_depth_counts_the_grid_levels_below_the_areas()
    {
        Assert.Equal(0, TreePath.GridDepth(County + "141127100000/141127100005/"));
        Assert.Equal(2, TreePath.GridDepth(Community));
        Assert.Equal(3, TreePath.GridDepth(Grid));
    }

    [Fact]
    public void An_incident_s_figures_follow_its_state_and_taking_them_back_out_leaves_zero()
    {
        var reported = Incident.Report(new IncidentReport("ENV.LITTER", "垃圾堆放", "滨河小区"), 1, Grid, HandlingLevel.Grid, "gridworker",
            new DateTime(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc));
        var before = IncidentFigures.Of(reported);
        Assert.Equal((1, 0, 0), (before.Reported, before.Accepted, before.Closed));

        reported.SelfResolve([Actor.GridWorker], "gridworker", new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc), "已清理", "x.jpg");
        var after = IncidentFigures.Of(reported);
        Assert.Equal((1, 1, 1, 1, 1, 60L), (after.Reported, after.Accepted, after.Closed, after.SelfResolved, after.ClosedOnTime, after.MinutesSum));
        var moved = IncidentFigures.Zero.Plus(after, 1).Plus(before, -1);
        Assert.Equal((0, 1, 1), (moved.Reported, moved.Accepted, moved.Closed));
        Assert.True(moved.Plus(after, -1).Plus(before, 1).IsZero);
    }
}
