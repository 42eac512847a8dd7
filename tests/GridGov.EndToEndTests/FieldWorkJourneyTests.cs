using Microsoft.Playwright;

namespace GridGov.EndToEndTests;

[Collection(LiveAppCollection.Name)]
public sealed class FieldWorkJourneyTests(LiveApp app)
{
    private static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_grid_worker_on_a_phone_works_the_campaign_list_and_records_a_visit_with_a_photo()
    {
        var page = await app.SignedInPageAsync("gridworker", width: 390, height: 844);
        await page.GotoAsync("/");
        var pending = int.Parse((await page.Locator("[data-testid=home-campaign-pending] b").TextContentAsync())!);
        Assert.True(pending > 0, "the demo's campaign has households still to screen on the worker's grid");
        await app.ShotAsync(page, "57-gridworker-home-field");
        await page.ClickAsync("[data-testid=home-campaign-pending]");
        await page.Locator("[data-testid=campaign-line]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=subject-line]").First).ToHaveAttributeAsync("data-state", "Pending");
        await page.Locator("[data-testid=subject-line]").First.ClickAsync();
        await page.CheckAsync("[data-testid=q-returned-yes]");
        await page.SelectOptionAsync("[data-testid=q-origin]", "省外");
        await page.CheckAsync("[data-testid=q-fever-no]");
        await app.ShotAsync(page, "58-gridworker-screening-form");
        await page.ClickAsync("[data-testid=step-Complete]");
        await Assertions.Expect(page.Locator("[data-testid=subject-saved]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=subject-state]")).ToHaveAttributeAsync("data-state", "Done");
        await page.GotoAsync("/");
        Assert.Equal(pending - 1, int.Parse((await page.Locator("[data-testid=home-campaign-pending] b").TextContentAsync())!));

        // A visit due this week, one tap from the list, recorded with a photo.
        await page.ClickAsync("[data-testid=home-visits-due]");
        await app.ShotAsync(page, "70-gridworker-field-today");
        await page.Locator("[data-testid=visit-line]").First.ClickAsync();
        await page.CheckAsync("[data-testid=outcome-Met]");
        await page.FillAsync("[data-testid=notes]", "家中老人身体尚好，已提醒防火");
        await page.SetInputFilesAsync("[data-testid=photos]", new FilePayload { Name = "door.png", MimeType = "image/png", Buffer = Photo });
        await app.ShotAsync(page, "59-gridworker-visit-form");
        await page.ClickAsync("[data-testid=submit-visit]");
        await Assertions.Expect(page.Locator("[data-testid=visit-saved]")).ToBeVisibleAsync();
        await app.ShotAsync(page, "60-gridworker-visit-saved");
    }

    [Fact]
    public async Task A_community_worker_reads_the_campaigns_coverage_and_drills_down_to_the_pending_households()
    {
        var page = await app.SignedInPageAsync("community", width: 390, height: 844);
        await page.GotoAsync("/field/campaigns");
        await page.Locator("[data-testid=campaign-link]").Last.ClickAsync();
        var total = page.Locator("[data-testid=coverage-total]");
        await Assertions.Expect(total).ToContainTextAsync("%");
        await app.ShotAsync(page, "61-community-campaign-coverage");
        // Down the tree: level-1 grid, level-2 grid, level-3 grid, each with its own "x of y".
        for (var level = 1; level <= 3; level++)
        {
            await page.Locator("[data-testid=drill]").First.ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=coverage-total]")).ToContainTextAsync("%");
        }
        var target = int.Parse((await page.Locator("[data-testid=coverage-total]").GetAttributeAsync("data-target"))!);
        var done = int.Parse((await page.Locator("[data-testid=coverage-total]").GetAttributeAsync("data-done"))!);
        Assert.True(target >= done && target > 0);
        await page.ClickAsync("[data-testid=pending-link]");
        var lines = page.Locator("[data-testid=subject-line]");
        await Assertions.Expect(lines.First).ToHaveAttributeAsync("data-state", "Pending");
        var count = int.Parse((await page.Locator("[data-testid=subject-count]").GetAttributeAsync("data-total"))!);
        Assert.Equal(await lines.CountAsync(), Math.Min(count, 50));
        await app.ShotAsync(page, "62-community-pending-households");
    }

    [Fact]
    public async Task A_community_worker_defines_a_campaign_starts_it_and_finds_every_desk_page_on_a_phone()
    {
        var page = await app.SignedInPageAsync("community", width: 390, height: 844);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("[data-testid=field-desk]")).ToBeVisibleAsync();
        await page.GotoAsync("/field/campaigns");
        await app.ShotAsync(page, "71-community-campaigns");
        await page.GotoAsync("/field/campaigns/new");
        await page.FillAsync("[data-testid=campaign-name]", "滨河社区独居老人排查");
        await page.FillAsync("[data-testid=q0-label]", "是否独居");
        await page.SelectOptionAsync("[data-testid=q0-type]", "YesNo");
        await page.FillAsync("[data-testid=q1-label]", "需要的帮助");
        await app.ShotAsync(page, "63-community-new-campaign");
        await page.ClickAsync("[data-testid=campaign-submit]");
        await page.ClickAsync("[data-testid=start-campaign]");
        await Assertions.Expect(page.Locator("[data-testid=coverage-total]")).ToContainTextAsync("0 / ");
        await Assertions.Expect(page.Locator("[data-testid=coverage-chart]")).ToHaveCountAsync(1);
        foreach (var (path, name) in new[] { ("/field/plans", "64-community-plans"), ("/field/watches", "65-community-watches"),
                     ("/field/services", "66-community-services"), ("/field/proposals", "67-community-proposals"), ("/field/duty", "68-community-duty") })
        {
            await page.GotoAsync(path);
            await app.ShotAsync(page, name);
        }
        await page.GotoAsync("/field/services");
        await page.Locator("[data-testid=service-link]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=service]")).ToBeVisibleAsync();
        await app.ShotAsync(page, "72-community-service");
        // A resident found by name, and a watch opened on them from the desk.
        await page.GotoAsync("/field/watches");
        await page.FillAsync("[data-testid=find-person]", "岚漪苑1号楼");
        await page.ClickAsync("[data-testid=find-person-go]");
        await page.Locator("[data-testid=person-choice]").First.CheckAsync();
        await page.FillAsync("[data-testid=watch-reason]", "外省返乡");
        await page.FillAsync("[data-testid=watch-ordered-by]", "县疾控中心");
        await page.ClickAsync("[data-testid=open-watch-submit]");
        await Assertions.Expect(page.Locator("[data-testid=watch]")).ToHaveAttributeAsync("data-state", "Active");
        await app.ShotAsync(page, "69-community-watch-opened");
    }
}
