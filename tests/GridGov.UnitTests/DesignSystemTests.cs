using System.Text.Json;
using Bunit;
using GridGov.Kernel.Tallies;
using GridGov.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.UnitTests;

/// <summary>The shared components every page is built from: what each renders, and what it must never do.</summary>
public class DesignSystemTests : BunitContext
{
    public DesignSystemTests()
    {
        Services.AddLocalization();
        Services.AddSingleton(new GridGov.Kernel.Geo.MapTiles());
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
    }

    [Fact]
    public void A_page_header_has_one_h1_a_subtitle_and_the_pages_actions()
    {
        var cut = Render<PageHeader>(p => p.Add(x => x.Title, "事件").Add(x => x.Subtitle, "本月")
            .AddChildContent("<a class=\"gg-button\" href=\"/incidents/report\">上报</a>"));
        Assert.Equal("事件", cut.Find("h1").TextContent);
        Assert.Single(cut.FindAll("h1"));
        Assert.Equal("本月", cut.Find(".gg-hint").TextContent);
        Assert.Equal("/incidents/report", cut.Find(".gg-page-actions a").GetAttribute("href"));
        Assert.Empty(Render<PageHeader>(p => p.Add(x => x.Title, "x")).FindAll(".gg-page-actions"));
    }

    [Fact]
    public void An_empty_state_says_so_as_a_status_and_offers_a_way_on_only_when_given_one()
    {
        var bare = Render<EmptyState>(p => p.Add(x => x.Text, "没有消息").Add(x => x.TestId, "e"));
        Assert.Equal("status", bare.Find("[data-testid=e]").GetAttribute("role"));
        Assert.Empty(bare.FindAll("a"));
        var withWay = Render<EmptyState>(p => p.Add(x => x.Text, "没有").Add(x => x.ActionHref, "/people/import").Add(x => x.ActionLabel, "导入"));
        Assert.Equal("/people/import", withWay.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void A_destructive_step_is_closed_until_opened_looks_dangerous_and_warns_what_follows()
    {
        var cut = Render<ConfirmStep>(p => p.Add(x => x.Label, "注销").Add(x => x.Warning, "注销后此人不再计入人口")
            .AddChildContent("<form><button type=\"submit\">确认注销</button></form>"));
        var details = cut.Find("details");
        Assert.False(details.HasAttribute("open"));
        Assert.Contains("gg-danger", cut.Find("summary").ClassName);
        Assert.Equal("note", cut.Find(".gg-warning").GetAttribute("role"));
        // The only submit is inside the closed part: one tap on the label submits nothing.
        Assert.Null(cut.Find("summary").QuerySelector("button"));
        Assert.NotNull(cut.Find(".gg-confirm-body button[type=submit]"));
    }

    [Fact]
    public void Figure_tiles_format_each_kind_and_link_only_figures_that_have_a_list()
    {
        var reading = new FigureReading("a/", null, null,
        [
            new FigureValue("incidents.reported", "Figure.incidents.reported", FigureKind.Count, 1492, "/incidents?measure=Reported"),
            new FigureValue("incidents.on_time_rate", "Figure.incidents.on_time_rate", FigureKind.Percent, 90.44, null),
            new FigureValue("incidents.mean_handling_hours", "Figure.incidents.mean_handling_hours", FigureKind.Hours, null, null),
        ]);
        var cut = Render<FigureTiles>(p => p.Add(x => x.Reading, reading));
        var count = cut.Find("[data-figure='incidents.reported']");
        Assert.Equal("a", count.TagName.ToLowerInvariant());
        Assert.Equal("/incidents?measure=Reported", count.GetAttribute("href"));
        Assert.Equal("1,492", count.QuerySelector("b")!.TextContent);
        Assert.Equal("上报数", count.QuerySelector("span")!.TextContent);
        var rate = cut.Find("[data-figure='incidents.on_time_rate']");
        Assert.Equal("div", rate.TagName.ToLowerInvariant());
        Assert.Equal("90.4%", rate.QuerySelector("b")!.TextContent);
        Assert.Equal("–", cut.Find("[data-figure='incidents.mean_handling_hours'] b").TextContent);
    }

    [Fact]
    public void A_chart_carries_its_option_as_json_an_accessible_name_and_its_numbers_as_a_table()
    {
        var option = new { series = new[] { new { type = "line", data = new[] { new { value = 3, link = "/incidents?from=2026-11-01" } } } } };
        var cut = Render<EChart>(p => p.Add(x => x.Title, "近 30 天事件").Add(x => x.Option, option).Add(x => x.Height, 200)
            .AddChildContent("<table><tr><td>3</td></tr></table>"));
        var chart = cut.Find(".gg-chart");
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal("近 30 天事件", chart.GetAttribute("aria-label"));
        Assert.Contains("height:200px", chart.GetAttribute("style"));
        var parsed = JsonDocument.Parse(chart.GetAttribute("data-chart")!).RootElement;
        Assert.Equal("/incidents?from=2026-11-01", parsed.GetProperty("series")[0].GetProperty("data")[0].GetProperty("link").GetString());
        Assert.Equal("3", cut.Find("details table td").TextContent);
    }

    [Fact]
    public void A_map_carries_the_shapes_their_values_and_points_in_one_payload()
    {
        const string features = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"g1","name":"一格"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}""";
        var cut = Render<GeoMap>(p => p.Add(x => x.Title, "网格地图").Add(x => x.FeaturesJson, features)
            .Add(x => x.Shapes, [new GeoMap.Shape("g1", "一格", 330, "/territory/g1")])
            .Add(x => x.Points, [new GeoMap.Point("SJ1", 0.5, 0.5, "/incidents/1", true)]));
        var payload = JsonDocument.Parse(cut.Find(".gg-map").GetAttribute("data-map")!).RootElement;
        Assert.Equal(1, payload.GetProperty("geo").GetProperty("features").GetArrayLength());
        Assert.Equal(330, payload.GetProperty("shapes")[0].GetProperty("value").GetDouble());
        Assert.Equal("/incidents/1", payload.GetProperty("points")[0].GetProperty("link").GetString());
        Assert.True(payload.GetProperty("points")[0].GetProperty("alert").GetBoolean());
    }

    [Fact]
    public void The_pager_links_neighbouring_pages_keeping_the_filter_and_hides_itself_for_one_page()
    {
        var cut = Render<Pager>(p => p.Add(x => x.Page, 2).Add(x => x.PageCount, 3).Add(x => x.BaseUrl, "/incidents").Add(x => x.Query, "list=All&state=Closed"));
        var links = cut.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/incidents?page=1&list=All&state=Closed", "/incidents?page=3&list=All&state=Closed"], links);
        Assert.Empty(Render<Pager>(p => p.Add(x => x.Page, 1).Add(x => x.PageCount, 1)).Markup.Trim());
    }

    private const string OneGrid = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"g1","name":"一格"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}""";

    [Fact]
    public void A_map_picker_names_the_fields_it_fills_and_stands_aside_where_nothing_is_drawn()
    {
        var point = Render<MapPicker>(p => p.Add(x => x.Title, "点选位置").Add(x => x.FeaturesJson, OneGrid).Add(x => x.GridFieldName, "grid"));
        var map = point.Find(".gg-map");
        Assert.Equal("point", map.GetAttribute("data-pick"));
        Assert.Equal("grid", map.GetAttribute("data-pick-grid"));
        Assert.Empty(point.FindAll("[data-pick-controls]"));

        var polygon = Render<MapPicker>(p => p.Add(x => x.Title, "画边界").Add(x => x.FeaturesJson, OneGrid).Add(x => x.Polygon, true)
            .Add(x => x.TargetName, "Boundary.GeoJson").Add(x => x.Highlight, "g1"));
        Assert.Equal("polygon", polygon.Find(".gg-map").GetAttribute("data-pick"));
        Assert.Equal("Boundary.GeoJson", polygon.Find(".gg-map").GetAttribute("data-pick-target"));
        // The undo and clear buttons need the script: hidden until it shows them.
        Assert.True(polygon.Find("[data-pick-controls]").HasAttribute("hidden"));
        var payload = JsonDocument.Parse(polygon.Find(".gg-map").GetAttribute("data-map")!).RootElement;
        Assert.Equal(1, payload.GetProperty("shapes")[0].GetProperty("value").GetInt32());

        Assert.Empty(Render<MapPicker>(p => p.Add(x => x.Title, "x").Add(x => x.FeaturesJson, GridGov.Kernel.Geo.GeoFeatures.Empty)).Markup.Trim());
        Assert.Null(map.GetAttribute("data-tiles"));
    }

    [Fact]
    public void A_configured_tile_server_goes_under_every_map_with_its_credit()
    {
        Services.AddSingleton(new GridGov.Kernel.Geo.MapTiles { Url = "https://tiles.example.cn/{z}/{x}/{y}.png", Attribution = "© 某县测绘", MaxZoom = 16 });
        var cut = Render<GeoMap>(p => p.Add(x => x.Title, "网格地图").Add(x => x.FeaturesJson, OneGrid));
        Assert.Equal("https://tiles.example.cn/{z}/{x}/{y}.png", cut.Find(".gg-map").GetAttribute("data-tiles"));
        Assert.Equal("16", cut.Find(".gg-map").GetAttribute("data-tiles-max"));
        Assert.Equal("© 某县测绘", cut.Find("[data-testid=map-credit]").TextContent);
    }
}
