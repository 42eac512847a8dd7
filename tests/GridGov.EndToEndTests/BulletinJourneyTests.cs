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

    [Fact]
    public async Task A_supervision_finding_is_rectified_on_a_phone_with_a_photo_and_verified_at_the_desk()
    {
        var office = await app.SignedInPageAsync("county");
        await office.GotoAsync("/targets/supervision");
        await office.ClickAsync("[data-testid=round-open]");
        await office.FillAsync("[data-testid=round-title]", "技能提升工程专项督导");
        await office.FillAsync("[data-testid=round-team]", "县督查室 王五（组长）；县人社局 赵六");
        await office.ClickAsync("[data-testid=round-submit]");
        await Assertions.Expect(office).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/targets/supervision/\\d+$"));
        await office.SelectOptionAsync("[data-testid=finding-area]", "141127100000");
        await office.FillAsync("[data-testid=finding-text]", "培训台账缺少学员签到记录");
        await office.SetInputFilesAsync("[data-testid=finding-photos]", new FilePayload { Name = "ledger.png", MimeType = "image/png", Buffer = Png() });
        await office.FillAsync("[data-testid=rectification-title]", "补齐培训签到台账");
        await office.FillAsync("[data-testid=rectification-owner]", "东村镇人社所");
        await office.ClickAsync("[data-testid=finding-submit]");
        await Assertions.Expect(office.Locator("[data-testid=finding]")).ToHaveCountAsync(1);
        await Assertions.Expect(office.Locator("[data-testid=rectifications] [data-testid=tracked-link]")).ToHaveCountAsync(1);
        await app.ShotAsync(office, "98-county-supervision-finding");
        var item = await office.Locator("[data-testid=rectifications] [data-testid=tracked-link]").GetAttributeAsync("href");

        var township = await app.SignedInPageAsync("township", width: 390, height: 844);
        await township.GotoAsync("/targets/tracked");
        await township.Locator($"[data-testid=tracked-link][href=\"{item}\"]").ClickAsync();
        await township.FillAsync("[data-testid=step-note]", "已补齐签到台账并上传照片");
        await township.SetInputFilesAsync("[data-testid=step-photos]", new FilePayload { Name = "fixed.png", MimeType = "image/png", Buffer = Png() });
        await township.ClickAsync("[data-testid=step-report]");
        await Assertions.Expect(township.Locator("[data-testid=tracked-state]")).ToHaveTextAsync("已报告待核验");
        await app.ShotAsync(township, "99-township-phone-rectification");

        await office.GotoAsync(item!);
        await office.ClickAsync("[data-testid=step-verify]");
        await Assertions.Expect(office.Locator("[data-testid=tracked-state]")).ToHaveTextAsync("已销号");
        await Assertions.Expect(office.Locator("[data-testid=tracked-steps] li")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task The_board_meetings_supervision_and_policy_pages_read_on_a_phone()
    {
        var page = await app.SignedInPageAsync("city", width: 390, height: 844);
        await page.GotoAsync("/targets/board?year=2021");
        await Assertions.Expect(page.Locator("[data-testid=board-indicator]")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-testid=board-total]").First).ToContainTextAsync("115.83%");
        await app.ShotAsync(page, "100-city-phone-board");
        // Other journeys add rounds and meetings of today in Lan County, which the city sees too: the demo's are those of 2021.
        await page.GotoAsync("/targets/meetings");
        await page.Locator("[data-testid=meetings] tbody tr", new() { HasText = "2021-11-30" }).Locator("[data-testid=meeting-link]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=decisions] [data-testid=tracked-link]")).ToHaveCountAsync(2);
        await app.ShotAsync(page, "101-city-phone-meeting");
        await page.GotoAsync("/targets/supervision");
        var rounds = page.Locator("[data-testid=rounds] tbody tr", new() { HasText = "2021-" });
        await Assertions.Expect(rounds).ToHaveCountAsync(2);
        await rounds.First.Locator("[data-testid=round-link]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=round-state]")).ToHaveTextAsync("已结束");
        await app.ShotAsync(page, "102-city-phone-round");
        await page.GotoAsync("/targets/policies?year=2021");
        await Assertions.Expect(page.Locator("[data-testid=policy]")).ToHaveCountAsync(38);
        await app.ShotAsync(page, "103-city-phone-policies");
    }

    [Fact]
    public async Task A_target_is_set_split_bound_to_a_pledge_signed_with_its_scan_and_revised_only_with_a_second_person()
    {
        var year = 2031 + Random.Shared.Next(0, 60);
        var office = await app.SignedInPageAsync("county");
        await office.GotoAsync("/targets");
        await office.ClickAsync("[data-testid=target-open]");
        await office.SelectOptionAsync("[data-testid=target-indicator]", new SelectOptionValue { Label = "职业技能培训人数" });
        await office.FillAsync("input[name=within]", $"{year}-03-01");
        await office.FillAsync("[data-testid=target-value]", "1200");
        await office.FillAsync("[data-testid=target-source]", "市下达年度目标");
        await office.ClickAsync("[data-testid=target-submit]");
        await Assertions.Expect(office).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/targets/\\d+$"));
        await office.Locator("[data-testid=split-part]").Nth(0).FillAsync("700");
        await office.Locator("[data-testid=split-part]").Nth(1).FillAsync("550");
        await office.ClickAsync("[data-testid=split-submit]");
        await Assertions.Expect(office.Locator("[data-testid=split-check]")).ToContainTextAsync("1,250");
        await app.ShotAsync(office, "104-county-target-split");

        await office.GotoAsync("/targets");
        await office.ClickAsync("[data-testid=pledge-open]");
        await office.FillAsync("[data-testid=pledge-title]", $"{year}年技能提升目标责任书");
        await office.FillAsync("input[name=pledgeYear]", year.ToString());
        await office.ClickAsync("[data-testid=pledge-submit]");
        await Assertions.Expect(office).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/targets/pledges/\\d+$"));
        await office.Locator("[data-testid=bind-target]").First.CheckAsync();
        await office.ClickAsync("[data-testid=bind-submit]");
        await Assertions.Expect(office.Locator("[data-testid=bound] tbody tr")).ToHaveCountAsync(1);
        await office.FillAsync("[data-testid=sign-signatories]", "县长 张三；东村镇镇长 李四");
        await office.SetInputFilesAsync("[data-testid=sign-scan]", new FilePayload { Name = "pledge.png", MimeType = "image/png", Buffer = Png() });
        await office.ClickAsync("[data-testid=sign-submit]");
        await Assertions.Expect(office.Locator("[data-testid=pledge-state]")).ToHaveTextAsync("已签订");
        await app.ShotAsync(office, "105-county-pledge-signed");

        await office.Locator("[data-testid=bound] a").First.ClickAsync();
        await Assertions.Expect(office.Locator("[data-testid=target-lock]")).ToContainTextAsync("已锁定");
        await office.FillAsync("[data-testid=revise-value]", "1100");
        await office.FillAsync("[data-testid=revise-reason]", "经县政府常务会研究调整");
        await office.ClickAsync("[data-testid=revise-submit]");
        await Assertions.Expect(office.Locator("[data-testid=revisions] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(office.Locator("[data-testid=revision-approve]")).ToHaveCountAsync(0);
        // The county's own target was bound first: the one set on this page, now locked under the pledge.
        var locked = office.Url;

        var city = await app.SignedInPageAsync("city");
        await city.GotoAsync(locked);
        await city.ClickAsync("[data-testid=revision-approve]");
        await Assertions.Expect(city.Locator("[data-testid=target-value-shown]")).ToHaveTextAsync("1,100");
        await Assertions.Expect(city.Locator("[data-testid=target-lock]")).ToContainTextAsync("第2版");
    }

    [Fact]
    public async Task A_figure_reported_by_hand_is_approved_by_a_second_person_on_the_page()
    {
        var clerk = await app.SignedInPageAsync("cityclerk");
        await clerk.GotoAsync("/targets/reports");
        await clerk.ClickAsync("[data-testid=report-open]");
        await clerk.SelectOptionAsync("[data-testid=report-area]", "141123000000");
        var month = 1 + Random.Shared.Next(0, 12);
        await clerk.FillAsync("input[name=from]", $"2031-{month:D2}-01");
        await clerk.FillAsync("input[name=to]", $"2031-{month:D2}-28");
        await clerk.FillAsync("[data-testid=report-numerator]", "864");
        await clerk.FillAsync("[data-testid=report-source]", "兴县人社局统计月报");
        await clerk.ClickAsync("[data-testid=report-submit]");
        await Assertions.Expect(clerk.Locator("[data-testid=report]").First).ToContainTextAsync("待审核");
        await Assertions.Expect(clerk.Locator("[data-testid=report-approve]")).ToHaveCountAsync(0);
        await app.ShotAsync(clerk, "106-cityclerk-report");

        var city = await app.SignedInPageAsync("city");
        await city.GotoAsync("/targets/reports");
        await city.Locator("[data-testid=report-approve]").First.ClickAsync();
        await Assertions.Expect(city.Locator("[data-testid=report]").First).ToContainTextAsync("已审核");
    }

    [Fact]
    public async Task The_cockpit_carries_the_targets_board_and_its_figures_open_the_records_they_count()
    {
        var city = await app.SignedInPageAsync("city");
        await city.GotoAsync("/cockpit");
        var board = city.Locator("[data-testid=cockpit-board]");
        await Assertions.Expect(board.Locator("[data-testid=board-indicator]")).ToHaveCountAsync(4);
        await Assertions.Expect(board.Locator("[data-testid=board-total]").First).ToContainTextAsync("115.83%");
        await app.ShotAsync(city, "107-city-cockpit-board");
        // Lan County's figures are read from its records; the other counties' are reported by hand.
        var trainees = await board.Locator("[data-testid=board-unit]", new() { HasText = "岚县" }).First.Locator("[data-testid=board-link]").GetAttributeAsync("href");
        await city.GotoAsync(trainees!);
        await Assertions.Expect(city.Locator("[data-testid=trainee-rows] tbody tr").First).ToBeVisibleAsync();

        // Visits and vouchers are figures too: each opens, on a phone, the records it counts.
        var today = GridGov.Kernel.Time.ChinaTime.Today(TimeProvider.System);
        var county = await app.SignedInPageAsync("county", width: 390, height: 844);
        await county.GotoAsync($"/field/visits?area=141127000000&from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        await Assertions.Expect(county.Locator("[data-testid=visit-row]").First).ToBeVisibleAsync();
        await app.ShotAsync(county, "108-county-phone-visits");
        var bureau = await app.SignedInPageAsync("hrbureau", width: 390, height: 844);
        await bureau.GotoAsync("/training/vouchers?area=141127000000&measure=Paid&from=2020-01-01");
        await Assertions.Expect(bureau.Locator("[data-testid=voucher-row]").First).ToHaveAttributeAsync("data-state", "Paid");
        await Assertions.Expect(bureau.Locator("[data-testid=voucher-row]:not([data-state=Paid])")).ToHaveCountAsync(0);
        await app.ShotAsync(bureau, "109-hrbureau-phone-paid-vouchers");
    }

    [Fact]
    public async Task A_hand_reported_board_line_and_a_coverage_figure_open_their_filtered_lists_on_a_phone()
    {
        var city = await app.SignedInPageAsync("city");
        await city.GotoAsync("/cockpit");
        var board = city.Locator("[data-testid=cockpit-board]");
        // 兴县's training figures were reported by hand: its line opens the approved reports it counts.
        var reports = await board.Locator("[data-testid=board-unit]", new() { HasText = "兴县" }).First.Locator("[data-testid=board-link]").GetAttributeAsync("href");
        Assert.StartsWith("/targets/reports?", reports);
        var phone = await app.SignedInPageAsync("city", width: 390, height: 844);
        await phone.GotoAsync(reports!);
        await Assertions.Expect(phone.Locator("[data-testid=reports-counted]")).ToBeVisibleAsync();
        var rows = phone.Locator("[data-testid=report]");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        Assert.Equal(await rows.CountAsync(), await phone.Locator("[data-testid=report]", new() { HasText = "兴县" }).CountAsync());
        Assert.Equal(await rows.CountAsync(), await phone.Locator("[data-testid=report]", new() { HasText = "已审核" }).CountAsync());
        await app.ShotAsync(phone, "110-city-phone-board-line-reports");

        // A coverage figure opens the campaigns that ran in its area and period; another period, none.
        var today = GridGov.Kernel.Time.ChinaTime.Today(TimeProvider.System);
        var county = await app.SignedInPageAsync("county", width: 390, height: 844);
        await county.GotoAsync($"/field/campaigns?area=141127000000&from={today.AddDays(-365):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        await Assertions.Expect(county.Locator("[data-testid=campaign-link]").First).ToBeVisibleAsync();
        await Assertions.Expect(county.Locator("input[name=from]")).ToHaveValueAsync($"{today.AddDays(-365):yyyy-MM-dd}");
        await app.ShotAsync(county, "111-county-phone-campaigns-in-period");
        await county.GotoAsync("/field/campaigns?area=141127000000&from=2001-01-01&to=2001-12-31");
        await Assertions.Expect(county.Locator("[data-testid=campaigns-none]")).ToBeVisibleAsync();
        await Assertions.Expect(county.Locator("[data-testid=campaign-link]")).ToHaveCountAsync(0);
    }

    private static byte[] Png()
    {
        using var bitmap = new SkiaSharp.SKBitmap(64, 48);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap)) canvas.Clear(new SkiaSharp.SKColor(0x90, 0xA0, 0xB0));
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }
}
