using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GridGov.EndToEndTests;

/// <summary>Each role lands on its own work, on a phone and at a desk; the cockpit's numbers and map hold what they claim.</summary>
[Collection(LiveAppCollection.Name)]
public sealed class WorkspaceTests(LiveApp app)
{
    [Theory]
    [InlineData("gridworker", 390, "/$", "[data-testid=today]")]
    [InlineData("gridworker", 1366, "/$", "[data-testid=my-grid]")]
    [InlineData("community", 390, "/$", "[data-testid=queues]")]
    [InlineData("community", 1366, "/$", "[data-testid=area-figures]")]
    [InlineData("township", 390, "/$", "[data-testid=area-figures]")]
    [InlineData("township", 1366, "/$", "[data-testid=queues]")]
    [InlineData("county", 390, "/incidents\\?list=Queue$", "[data-testid=desk-filter-box]")]
    [InlineData("county", 1366, "/incidents\\?list=Queue$", "[data-testid=incidents]")]
    [InlineData("department", 390, "/incidents\\?list=Department$", "[data-testid=desk-filter-box]")]
    [InlineData("department", 1366, "/incidents\\?list=Department$", "[data-testid=desk-filter-box]")]
    [InlineData("auditor", 390, "/cockpit$", "[data-testid=cockpit-figures]")]
    [InlineData("auditor", 1366, "/cockpit$", "[data-testid=map]")]
    [InlineData("admin", 390, "/$", "[data-testid=children]")]
    [InlineData("security", 1366, "/admin/users$", "h1")]
    [InlineData("auditadmin", 390, "/audit/chain$", "h1")]
    public async Task Each_role_lands_on_its_own_work(string user, int width, string landing, string shows)
    {
        var page = await app.SignedInPageAsync(user, width: width, height: width < 500 ? 844 : 900);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(landing));
        await Assertions.Expect(page.Locator(shows).First).ToBeVisibleAsync();
        await app.ShotAsync(page, $"40-home-{user}-{width}");
    }

    [Fact]
    public async Task The_cockpit_draws_every_grid_of_the_county_and_its_numbers_open_their_lists()
    {
        var page = await app.SignedInPageAsync("county", width: 1366, height: 900);
        // The coverage check run now is the one the cockpit shows, whatever the watch kept before.
        await page.GotoAsync("/coverage/141127000000");
        var problems = (await page.Locator("[data-testid=violation-total]").TextContentAsync())!.Trim();
        await page.GotoAsync("/cockpit?period=year");
        await Assertions.Expect(page.Locator("[data-testid=coverage-verdict]")).ToHaveAttributeAsync("data-problems", problems!);
        var map = page.Locator("[data-testid=map] .gg-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-features", new Regex(@"^\d+$"));
        var grids = await page.Locator("[data-testid=map-counts]").GetAttributeAsync("data-grids");
        Assert.Equal("75", grids);
        Assert.Equal(grids, await map.GetAttributeAsync("data-features"));
        Assert.Equal(12, await page.Locator("[data-testid=trend-months] .gg-chart-table tbody tr").CountAsync());
        Assert.True(await page.Locator("[data-testid=ranking] tbody tr").CountAsync() >= 1);
        await app.ShotAsync(page, "41-county-cockpit");

        // A figure's number is the count of the list it opens.
        foreach (var figure in new[] { "incidents.reported", "incidents.closed", "incidents.overdue" })
        {
            await page.GotoAsync("/cockpit?period=year");
            var tile = page.Locator($"[data-testid=cockpit-figures] [data-figure='{figure}']");
            var value = await tile.GetAttributeAsync("data-value");
            await tile.ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=incident-count]")).ToHaveAttributeAsync("data-total", value!);
        }

        // So is a township's number in the ranking.
        await page.GotoAsync("/cockpit?period=year");
        var reported = page.Locator("[data-testid=ranking] tbody tr a[data-rank-reported]").First;
        var count = (await reported.TextContentAsync())!.Trim();
        await reported.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=incident-count]")).ToHaveAttributeAsync("data-total", count);

        // And the people carrying a tag: the chart draws one bar per tag, the count opens those people (a
        // community's, where the list counts them all rather than stopping at its limit).
        await page.GotoAsync("/cockpit?area=141127100001");
        var tagRows = await page.Locator("[data-testid=tag-table] a[data-tag-count]").CountAsync();
        Assert.True(tagRows >= 10, "the county's staff see every tag of the catalogue");
        await Assertions.Expect(page.Locator("[data-testid=tags-chart] .gg-chart canvas, [data-testid=tags-chart] .gg-chart svg").First).ToBeVisibleAsync();
        var counts = new List<(string Code, int N)>();
        foreach (var link in await page.Locator("[data-testid=tag-table] a[data-tag-count]").AllAsync())
            counts.Add(((await link.GetAttributeAsync("data-tag-count"))!, int.Parse((await link.TextContentAsync())!.Trim())));
        var (code, n) = counts.Where(c => c.N is > 0 and < 200).OrderBy(c => c.N).First();
        await page.Locator($"[data-testid=tag-table] a[data-tag-count={code}]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=found]")).ToHaveAttributeAsync("data-total", n.ToString());
    }

    [Fact]
    public async Task The_cockpit_on_a_phone_fits_and_a_grid_on_the_map_opens_its_page()
    {
        var page = await app.SignedInPageAsync("township", width: 390, height: 844);
        await page.GotoAsync("/cockpit");
        await Assertions.Expect(page.Locator("[data-testid=map] .gg-map")).ToHaveAttributeAsync("data-features", new Regex(@"^[1-9]\d*$"));
        Assert.Equal(await page.Locator("[data-testid=map-counts]").GetAttributeAsync("data-grids"),
            await page.Locator("[data-testid=map] .gg-map").GetAttributeAsync("data-features"));
        await app.ShotAsync(page, "42-township-cockpit-phone");
        await page.Locator("[data-testid=map] .gg-chart-table > summary").ClickAsync();
        await page.Locator("[data-testid=map-table] tbody a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/territory/\\d{17}$"));
    }

    [Fact]
    public async Task A_reporter_hears_in_the_inbox_that_their_report_was_not_accepted()
    {
        var worker = await app.SignedInPageAsync("gridworker", width: 390, height: 844);
        await worker.GotoAsync("/incidents/report");
        await worker.SelectOptionAsync("[data-testid=category]", "SAFE.GAS");
        await worker.FillAsync("textarea[name=description]", "楼道里堆放杂物，疑似重复上报");
        await worker.FillAsync("input[name=address]", "滨河小区5号楼");
        await worker.ClickAsync("[data-testid=submit-report]");
        await Assertions.Expect(worker.Locator("[data-testid=state]")).ToHaveTextAsync("待受理");
        var number = (await worker.Locator("[data-testid=incident] h1 .gg-code").TextContentAsync())!.Trim();
        var before = await UnreadAsync(worker);

        var county = await app.SignedInPageAsync("county", width: 1366, height: 900);
        await county.GotoAsync($"/incidents?list=Queue&number={number}");
        await county.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(county.Locator("[data-testid=step-Reject]")).Not.ToHaveAttributeAsync("open", "");
        await county.Locator("[data-testid=step-Reject] summary").ClickAsync();
        await county.FillAsync("[data-testid=step-Reject] textarea[name=note]", "与已上报事件重复");
        await county.ClickAsync("[data-testid=do-Reject]");
        await Assertions.Expect(county.Locator("[data-testid=state]")).ToHaveTextAsync("不予受理");

        await worker.GotoAsync("/");
        Assert.Equal(before + 1, await UnreadAsync(worker));
        await worker.ClickAsync("[data-testid=notices-link]");
        var notice = worker.Locator("[data-testid=notice][data-kind=rejected]").Filter(new() { HasText = number });
        await Assertions.Expect(notice).ToHaveCountAsync(1);
        await app.ShotAsync(worker, "43-gridworker-phone-inbox");
        await notice.Locator("[data-testid=mark-read]").ClickAsync();
        await Assertions.Expect(worker.Locator("[data-testid=notice][data-kind=rejected]").Filter(new() { HasText = number }).Locator("[data-testid=mark-read]"))
            .ToHaveCountAsync(0);
        Assert.Equal(before, await UnreadAsync(worker));
        await worker.Locator("[data-testid=notice]").Filter(new() { HasText = number }).Locator("a").First.ClickAsync();
        await Assertions.Expect(worker.Locator("[data-testid=state]")).ToHaveTextAsync("不予受理");
    }

    [Fact]
    public async Task The_desk_urges_a_late_department_and_prints_the_dispatch_slip_and_the_handling_record()
    {
        var county = await app.SignedInPageAsync("county", width: 1366, height: 900);
        await county.GotoAsync("/incidents?list=All&state=Handling&overdue=true");
        await county.Locator("[data-testid=incidents] tbody tr a").First.ClickAsync();
        await Assertions.Expect(county.Locator("[data-testid=incident]")).ToBeVisibleAsync();
        var url = county.Url;
        await county.Locator("[data-testid=step-Urge]").EvaluateAsync("d => d.open = true");
        await county.FillAsync("[data-testid=step-Urge] textarea[name=note]", "已超期，请今日内办结");
        await county.ClickAsync("[data-testid=do-Urge]");
        await Assertions.Expect(county.Locator("[data-testid=timeline] li").Last).ToContainTextAsync("催办");
        await Assertions.Expect(county.Locator("[data-testid=state]")).ToHaveTextAsync("办理中");

        await county.ClickAsync("[data-testid=print-slip]");
        await Assertions.Expect(county.Locator("[data-testid=slip][data-kind=slip] h1")).ToHaveTextAsync("交办单");
        await Assertions.Expect(county.Locator("header.gg-bar")).ToHaveCountAsync(0);
        await app.ShotAsync(county, "45-dispatch-slip");
        await county.GotoAsync(url.Split('?')[0] + "/record");
        await Assertions.Expect(county.Locator("[data-testid=slip-timeline] tbody tr").Last).ToContainTextAsync("催办");
        await county.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(county.Locator("[data-print]")).Not.ToBeVisibleAsync();
        await app.ShotAsync(county, "46-handling-record-print");
    }

    /// <summary>The grid worker reports each matter at one address from the phone form; answers their numbers.</summary>
    private async Task<List<string>> ReportOnThePhoneAsync(string address, params string[] descriptions)
    {
        var worker = await app.SignedInPageAsync("gridworker", width: 390, height: 844);
        var numbers = new List<string>();
        foreach (var what in descriptions)
        {
            await worker.GotoAsync("/incidents/report");
            await worker.SelectOptionAsync("[data-testid=category]", "SAFE.GAS");
            await worker.FillAsync("textarea[name=description]", what);
            await worker.FillAsync("input[name=address]", address);
            await worker.ClickAsync("[data-testid=submit-report]");
            await Assertions.Expect(worker.Locator("[data-testid=state]")).ToHaveTextAsync("待受理");
            numbers.Add((await worker.Locator("[data-testid=incident] h1 .gg-code").TextContentAsync())!.Trim());
        }
        return numbers;
    }

    [Fact]
    public async Task The_desk_merges_a_duplicate_picked_from_the_reports_nearby_and_the_survivor_shows_both_timelines()
    {
        var numbers = await ReportOnThePhoneAsync("滨河小区11号楼", "11号楼燃气管道漏气", "11号楼楼道有燃气味");

        var county = await app.SignedInPageAsync("county", width: 390, height: 844);
        await county.GotoAsync($"/incidents?list=Queue&number={numbers[1]}");
        await county.GetByRole(AriaRole.Link, new() { Name = numbers[1] }).ClickAsync();
        await Assertions.Expect(county.Locator("[data-testid=step-MergeInto]")).Not.ToHaveAttributeAsync("open", "");
        await county.Locator("[data-testid=step-MergeInto] summary").ClickAsync();
        await county.Locator("[data-testid=merge-candidates] label").Filter(new() { HasText = numbers[0] }).Locator("input").CheckAsync();
        await app.ShotAsync(county, "50-county-phone-merge-duplicate");
        await county.ClickAsync("[data-testid=do-MergeInto]");
        await Assertions.Expect(county.Locator("[data-testid=state]")).ToHaveTextAsync("已合并");
        await county.ClickAsync("[data-testid=merged-into]");
        await Assertions.Expect(county.Locator("[data-testid=incident] h1 .gg-code")).ToHaveTextAsync(numbers[0]);
        await Assertions.Expect(county.Locator("[data-testid=duplicates-merged]")).ToContainTextAsync("11号楼楼道有燃气味");
        await Assertions.Expect(county.Locator("[data-testid=timeline]").First.Locator("li").Last).ToContainTextAsync(numbers[1]);
        await app.ShotAsync(county, "51-county-phone-survivor-with-duplicate");
    }

    [Fact]
    public async Task The_dispatch_desk_accepts_the_chosen_reports_in_one_action()
    {
        var numbers = await ReportOnThePhoneAsync("滨河小区7号楼", "井盖缺失", "路灯不亮");

        var county = await app.SignedInPageAsync("county", width: 390, height: 844);
        await county.GotoAsync($"/incidents?list=Queue&number={numbers[0][..10]}&sort=Newest");
        foreach (var number in numbers)
            await county.Locator("[data-testid=incidents] tbody tr").Filter(new() { HasText = number }).Locator("[data-testid=bulk-pick]").CheckAsync();
        await app.ShotAsync(county, "47-county-phone-bulk-accept");
        await county.ClickAsync("[data-testid=bulk-Accept]");
        await Assertions.Expect(county.Locator("[data-testid=bulk-results]")).ToContainTextAsync("已办理 2 件");
        foreach (var number in numbers)
        {
            await county.GotoAsync($"/incidents?list=All&number={number}");
            await Assertions.Expect(county.Locator("[data-testid=incidents] tbody tr")).ToContainTextAsync("待派遣");
        }
    }

    [Fact]
    public async Task On_a_phone_an_administrator_picks_the_area_to_check_and_a_slip_prints_from_the_incident()
    {
        var admin = await app.SignedInPageAsync("admin", width: 390, height: 844);
        await admin.GotoAsync("/coverage");
        await Assertions.Expect(admin.Locator("[data-testid=coverage-choose]")).ToBeVisibleAsync();
        await app.ShotAsync(admin, "48-admin-phone-coverage-choose");
        await admin.GotoAsync("/coverage?under=141127000000");
        await admin.Locator("[data-testid=check-area]").Filter(new() { HasText = "东村镇" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[data-testid=coverage-passes]")).ToBeVisibleAsync();

        var county = await app.SignedInPageAsync("county", width: 390, height: 844);
        await county.GotoAsync("/incidents?list=All&state=Handling");
        await county.Locator("[data-testid=incidents] tbody tr a").First.ClickAsync();
        await Assertions.Expect(county.Locator("[data-testid=incident]")).ToBeVisibleAsync();
        await county.ClickAsync("[data-testid=print-slip]");
        await Assertions.Expect(county.Locator("[data-testid=slip]")).ToBeVisibleAsync();
        await app.ShotAsync(county, "49-county-phone-dispatch-slip");
    }

    [Fact]
    public async Task A_form_posts_without_reloading_the_page_and_answers_in_place()
    {
        var worker = await app.SignedInPageAsync("gridworker", width: 390, height: 844);
        await worker.GotoAsync("/incidents/report");
        // A value kept on the window survives only if the post was enhanced: a full load starts a new window.
        await worker.EvaluateAsync("() => window.__sameDocument = 'kept'");
        await worker.SelectOptionAsync("[data-testid=category]", "SAFE.GAS");
        await worker.FillAsync("textarea[name=description]", "消防通道被占用");
        await worker.FillAsync("input[name=address]", "滨河小区2号楼");
        await worker.ClickAsync("[data-testid=submit-report]");
        await Assertions.Expect(worker.Locator("[data-testid=state]")).ToHaveTextAsync("待受理");
        Assert.Matches("/incidents/\\d+", worker.Url);
        Assert.Equal("kept", await worker.EvaluateAsync<string>("() => window.__sameDocument"));

        // A refused post answers on the same page, with what was typed still there.
        await worker.GotoAsync("/incidents/report");
        await worker.EvaluateAsync("() => window.__sameDocument = 'kept'");
        await worker.SelectOptionAsync("[data-testid=category]", "SAFE.GAS");
        // Only blanks: the browser's own check is taken away so that the server's answers.
        await worker.EvalOnSelectorAsync("textarea[name=description]", "t => t.removeAttribute('required')");
        await worker.FillAsync("textarea[name=description]", "   ");
        await worker.FillAsync("input[name=address]", "滨河小区2号楼");
        await worker.ClickAsync("[data-testid=submit-report]");
        await Assertions.Expect(worker.Locator("[data-testid=form-error], .gg-field-error").First).ToBeVisibleAsync();
        Assert.Equal("kept", await worker.EvaluateAsync<string>("() => window.__sameDocument"));
        await Assertions.Expect(worker.Locator("input[name=address]")).ToHaveValueAsync("滨河小区2号楼");
    }

    [Fact]
    public async Task A_grid_worker_taps_the_place_on_the_map_and_the_report_carries_it()
    {
        var worker = await app.SignedInPageAsync("gridworker", width: 390, height: 844);
        await worker.GotoAsync("/incidents/report");
        var map = worker.Locator("[data-testid=place-map] .gg-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-features", new Regex("^[1-9]"));
        await map.ClickAsync();
        var longitude = worker.Locator("input[name=longitude]");
        await Assertions.Expect(longitude).ToHaveValueAsync(new Regex(@"^1\d\d\.\d{6}$"));
        await Assertions.Expect(worker.Locator("[data-testid=place-map] [data-pick-readout]")).ToContainTextAsync(await longitude.InputValueAsync());
        var (lon, lat) = (await longitude.InputValueAsync(), await worker.Locator("input[name=latitude]").InputValueAsync());
        await worker.SelectOptionAsync("[data-testid=category]", "SAFE.GAS");
        await worker.FillAsync("textarea[name=description]", "井盖松动，位置见地图");
        await worker.FillAsync("input[name=address]", "滨河小区东门");
        await app.ShotAsync(worker, "52-gridworker-phone-place-on-map");
        await worker.ClickAsync("[data-testid=submit-report]");
        await Assertions.Expect(worker.Locator("[data-testid=state]")).ToHaveTextAsync("待受理");
        await Assertions.Expect(worker.Locator("[data-testid=place]")).ToHaveTextAsync($"{lon}, {lat}");
    }

    [Fact]
    public async Task An_administrator_draws_a_grids_boundary_on_the_map_or_uploads_it_and_a_bad_file_is_refused_with_its_reason()
    {
        const string grid = "14112710000230002";
        var admin = await app.SignedInPageAsync("admin", width: 1366, height: 900);
        await admin.GotoAsync($"/territory/{grid}/manage");
        var geojson = admin.Locator("[data-testid=boundary-geojson]");
        var original = await geojson.InputValueAsync();
        var map = admin.Locator("[data-testid=boundary-map] .gg-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-features", new Regex("^[1-9]"));
        var box = (await map.BoundingBoxAsync())!;
        foreach (var (x, y) in new[] { (0.45, 0.45), (0.55, 0.45), (0.55, 0.55), (0.45, 0.55) })
            await map.ClickAsync(new() { Position = new() { X = (float)(box.Width * x), Y = (float)(box.Height * y) } });
        var readout = admin.Locator("[data-testid=boundary-map] [data-pick-readout]");
        await Assertions.Expect(readout).ToContainTextAsync("4");
        await Assertions.Expect(geojson).ToHaveValueAsync(new Regex("\"type\":\"Polygon\""));
        await admin.ClickAsync("[data-testid=boundary-map] [data-pick-undo]");
        await Assertions.Expect(readout).ToContainTextAsync("3");
        await app.ShotAsync(admin, "53-admin-draws-a-boundary");
        await admin.ClickAsync("[data-testid=boundary-form] button[type=submit]");
        await Assertions.Expect(admin.Locator("[data-testid=form-done]")).ToBeVisibleAsync();

        // A Shapefile exported in projected metres is refused with the reason, and the grid keeps its boundary.
        await UploadBoundaryAsync(admin, """{"type":"Polygon","coordinates":[[[37500000,4240000],[37500500,4240000],[37500500,4240500],[37500000,4240000]]]}""");
        await Assertions.Expect(admin.Locator("[data-testid=form-error]")).ToContainTextAsync("经纬度");

        // The original outline, uploaded as a file, puts the grid back as it was.
        await UploadBoundaryAsync(admin, original);
        await Assertions.Expect(admin.Locator("[data-testid=form-done]")).ToBeVisibleAsync();
        Assert.Equal(original, await geojson.InputValueAsync());
    }

    /// <summary>Uploads a geometry as GIS tools export a Shapefile: one feature in a collection.</summary>
    private static async Task UploadBoundaryAsync(IPage page, string geometry)
    {
        var file = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"NAME":"grid"},"geometry":""" + geometry + "}]}";
        await page.SetInputFilesAsync("[data-testid=boundary-file]", new FilePayload
        {
            Name = "grid.geojson", MimeType = "application/geo+json", Buffer = System.Text.Encoding.UTF8.GetBytes(file),
        });
        await page.ClickAsync("[data-testid=boundary-form] button[type=submit]");
    }

    [Fact]
    public async Task Where_a_tile_server_is_configured_the_map_lays_its_tiles_under_the_grids_and_credits_it()
    {
        var page = await app.SignedInPageAsync("auditor", width: 1366, height: 900);
        await page.GotoAsync("/cockpit");
        var map = page.Locator("[data-testid=map] .gg-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-tiles-shown", new Regex("^[1-9]"));
        await Assertions.Expect(page.Locator("[data-testid=map-credit]")).ToHaveTextAsync(LiveApp.TileCredit);
        var tile = new Regex(@"/(\d+)/(\d+)/(\d+)\.png$");
        // The images load after the map is drawn.
        for (var waited = 0; waited < 50 && !app.TileRequests.Any(u => tile.IsMatch(u)); waited++) await Task.Delay(200);
        var asked = app.TileRequests.Select(u => tile.Match(u)).Where(m => m.Success).ToList();
        Assert.NotEmpty(asked);
        // Lan County spans about a degree: the tiles come at a county's zoom, not the world's.
        Assert.All(asked, m => Assert.InRange(int.Parse(m.Groups[1].Value), 6, 18));
        await app.ShotAsync(page, "54-cockpit-map-on-tiles");
    }

    [Fact]
    public async Task An_unknown_address_answers_the_apps_own_not_found_page()
    {
        var page = await app.SignedInPageAsync("community", width: 390, height: 844);
        var response = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("[data-testid=not-found] h1")).ToHaveTextAsync("未找到");
        await app.ShotAsync(page, "44-not-found");
    }

    private static async Task<int> UnreadAsync(IPage page) =>
        await page.Locator("[data-testid=unread-count]").CountAsync() == 0 ? 0
            : int.Parse((await page.Locator("[data-testid=unread-count]").TextContentAsync())!.Trim());
}
