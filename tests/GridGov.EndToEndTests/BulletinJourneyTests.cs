using Microsoft.Playwright;

namespace GridGov.EndToEndTests;

/// <summary>
/// A weekly bulletin through the pages: the county office compiles it from the records, approves
/// and publishes it; a township opens it on a phone; the city's 2021 year-end bulletin prints the
/// completion the city published, 115.83 % under truncation.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class BulletinJourneyTests(LiveApp app)
{
    [Fact]
    public async Task The_office_compiles_approves_and_publishes_a_bulletin_and_a_township_reads_it_on_a_phone()
    {
        var office = await app.SignedInPageAsync("county");
        await office.GotoAsync("/targets/bulletins");
        await office.ClickAsync("[data-testid=compile-open]");
        await office.FillAsync("[data-testid=compile-week]", GridGov.Kernel.Time.ChinaTime.Today(TimeProvider.System).AddDays(-7).ToString("yyyy-MM-dd"));
        await office.Locator("[data-testid=compile-indicator]").First.CheckAsync();
        await office.Locator("[data-testid=compile-indicator]").Last.CheckAsync();
        await app.ShotAsync(office, "93-county-bulletin-compile");
        await office.ClickAsync("[data-testid=compile-submit]");
        await Assertions.Expect(office).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/targets/bulletins/\\d+$"));
        await Assertions.Expect(office.Locator("[data-testid=bulletin-state]")).ToHaveTextAsync("已计算待审核");
        await Assertions.Expect(office.Locator("[data-testid=bulletin-table]")).ToHaveCountAsync(2);
        // Twelve townships and the county's total in each table.
        await Assertions.Expect(office.Locator("[data-testid=bulletin-table]").First.Locator("[data-testid=bulletin-row]")).ToHaveCountAsync(13);
        var url = office.Url;
        await office.ClickAsync("[data-testid=bulletin-approve]");
        await Assertions.Expect(office.Locator("[data-testid=bulletin-state]")).ToHaveTextAsync("已审核待发布");
        await office.ClickAsync("[data-testid=bulletin-publish]");
        await Assertions.Expect(office.Locator("[data-testid=bulletin-state]")).ToHaveTextAsync("已发布");
        await app.ShotAsync(office, "94-county-bulletin-published");

        var township = await app.SignedInPageAsync("township", width: 390, height: 844);
        await township.GotoAsync(url);
        await Assertions.Expect(township.Locator("[data-testid=bulletin-state]")).ToHaveTextAsync("已发布");
        await Assertions.Expect(township.Locator("[data-testid=bulletin-table]").First).ToContainTextAsync("东村镇");
        await Assertions.Expect(township.Locator("[data-testid=bulletin-docx]")).ToBeVisibleAsync();
        await Assertions.Expect(township.Locator("[data-testid=bulletin-approve]")).ToHaveCountAsync(0);
        await app.ShotAsync(township, "95-township-phone-bulletin");
    }

    [Fact]
    public async Task The_city_year_end_bulletin_prints_the_published_completion_on_a_phone()
    {
        var page = await app.SignedInPageAsync("city", width: 390, height: 844);
        await page.GotoAsync("/targets/bulletins");
        await page.Locator("[data-testid=bulletins] tbody tr", new() { HasText = "2021-W52" }).Locator("[data-testid=bulletin-link]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=bulletin-table]").First).ToContainTextAsync("231,679人");
        await Assertions.Expect(page.Locator("[data-testid=bulletin-table]").First).ToContainTextAsync("115.83%");
        await Assertions.Expect(page.Locator("[data-testid=bulletin-rule]")).ToContainTextAsync("截尾");
        await app.ShotAsync(page, "96-city-phone-year-end-bulletin");
        await page.GotoAsync("/targets");
        await Assertions.Expect(page.Locator("[data-testid=pledges]")).ToBeVisibleAsync();
        await app.ShotAsync(page, "97-city-phone-targets");
    }
}
