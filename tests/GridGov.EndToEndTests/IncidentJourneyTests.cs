using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GridGov.EndToEndTests;

[Collection(LiveAppCollection.Name)]
public sealed class IncidentJourneyTests(LiveApp app)
{
    // A 1×1 PNG: what a phone camera sends is checked by the same bytes.
    private static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_report_with_a_photo_goes_from_a_grid_workers_phone_through_dispatch_and_handling_to_a_verified_close()
    {
        // The grid worker reports on a phone.
        var worker = await app.SignedInPageAsync("gridworker", width: 390, height: 844);
        await worker.GotoAsync("/incidents");
        await worker.ClickAsync("[data-testid=report-link]");
        await worker.SelectOptionAsync("[data-testid=category]", "SAFE.GAS");
        await worker.FillAsync("textarea[name=description]", "滨河小区3号楼东侧燃气管道有明显异味");
        await worker.FillAsync("input[name=address]", "滨河小区3号楼东侧");
        await worker.SetInputFilesAsync("[data-testid=photos]", new FilePayload { Name = "scene.png", MimeType = "image/png", Buffer = Photo });
        await FitsAsync(worker);
        await app.ShotAsync(worker, "20-gridworker-phone-report");
        await worker.ClickAsync("[data-testid=submit-report]");
        await Assertions.Expect(worker.Locator("[data-testid=state]")).ToHaveTextAsync("待受理");
        await Assertions.Expect(worker.Locator("[data-testid=timeline] img")).ToHaveCountAsync(1);
        // The photo is shown, not a broken image: waited for, as the browser fetches it after the page is in.
        await worker.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=timeline] img'); return !!i && i.complete && i.naturalWidth > 0; }",
            null, new() { Timeout = 10_000 });
        var url = worker.Url;
        var number = (await worker.Locator("[data-testid=incident] h1 .gg-code").TextContentAsync())!.Trim();
        Assert.Matches(new Regex(@"^SJ\d{14}$"), number);
        await app.ShotAsync(worker, "21-gridworker-phone-reported");

        // The county centre accepts and dispatches in one action each, on the routing table's suggestion.
        var county = await app.SignedInPageAsync("county", width: 390, height: 844);
        // The desk holds a year of the demo's incidents: the number finds this one.
        await county.GotoAsync("/incidents?list=Queue");
        await county.ClickAsync("[data-testid=desk-filter-box] summary");
        await county.FillAsync("[data-testid=filter-number]", number);
        await county.ClickAsync("[data-testid=filter-apply]");
        await Assertions.Expect(county.Locator("[data-testid=incidents] tbody tr")).ToHaveCountAsync(1);
        await county.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await county.ClickAsync("[data-testid=do-Accept]");
        await Assertions.Expect(county.Locator("[data-testid=state]")).ToHaveTextAsync("待派遣");
        await Assertions.Expect(county.Locator("[data-testid=lead]")).ToHaveValueAsync("EMERGENCY");
        await FitsAsync(county);
        await app.ShotAsync(county, "22-county-dispatch-desk");
        await county.ClickAsync("[data-testid=do-Dispatch]");
        await Assertions.Expect(county.Locator("[data-testid=state]")).ToHaveTextAsync("待签收");
        await Assertions.Expect(county.Locator("[data-testid=departments]")).ToContainTextAsync("应急管理局");

        // The department reports in, works and finishes with a photo.
        var department = await app.SignedInPageAsync("department", width: 390, height: 844);
        await department.GotoAsync($"/incidents?list=Department&number={number}");
        await department.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await department.ClickAsync("[data-testid=do-Acknowledge]");
        await Assertions.Expect(department.Locator("[data-testid=state]")).ToHaveTextAsync("办理中");
        await department.Locator("[data-testid=step-Finish] summary").ClickAsync();
        await department.FillAsync("[data-testid=step-Finish] textarea[name=note]", "关闭阀门，更换锈蚀管段，复测无泄漏");
        await department.SetInputFilesAsync("[data-testid=step-Finish] input[type=file]", new FilePayload { Name = "done.png", MimeType = "image/png", Buffer = Photo });
        await department.ClickAsync("[data-testid=do-Finish]");
        await Assertions.Expect(department.Locator("[data-testid=state]")).ToHaveTextAsync("待核查");
        await app.ShotAsync(department, "23-department-handled");

        // The grid worker verifies on site and the incident closes.
        await worker.GotoAsync($"/incidents?list=ToVerify&number={number}");
        await worker.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await worker.FillAsync("[data-testid=step-VerifyPass] textarea[name=note]", "现场复核，已无异味");
        await worker.ClickAsync("[data-testid=do-VerifyPass]");
        await Assertions.Expect(worker.Locator("[data-testid=state]")).ToHaveTextAsync("已办结");
        await Assertions.Expect(worker.Locator("[data-testid=timeline] li")).ToHaveCountAsync(6);
        await Assertions.Expect(worker.Locator("[data-testid=timeline] img")).ToHaveCountAsync(2);
        await FitsAsync(worker);
        await app.ShotAsync(worker, "24-gridworker-phone-closed");
        Assert.StartsWith(url.Split("?")[0], worker.Url);

        // The figures count it and open it.
        await county.GotoAsync("/incidents/metrics?area=141127000000");
        await Assertions.Expect(county.Locator("[data-testid=by-category]")).ToContainTextAsync("安全生产隐患");
        await FitsAsync(county);
        await app.ShotAsync(county, "25-county-metrics");
        await county.ClickAsync("[data-testid=kpi-OnTimeRate]");
        await Assertions.Expect(county.Locator("[data-testid=drilldown]")).ToContainTextAsync("按期办结");
        // Narrowing the drill-down by number keeps the measure it was opened with.
        await county.ClickAsync("[data-testid=desk-filter-box] summary");
        await county.FillAsync("[data-testid=filter-number]", number);
        await county.ClickAsync("[data-testid=filter-apply]");
        await Assertions.Expect(county.Locator("[data-testid=drilldown]")).ToContainTextAsync("按期办结");
        await Assertions.Expect(county.GetByRole(AriaRole.Link, new() { Name = number })).ToBeVisibleAsync();
        await app.ShotAsync(county, "26-county-metrics-drilldown");
    }

    private static async Task FitsAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"{page.Url} is {width} px wide on a 390 px phone");
    }
}
