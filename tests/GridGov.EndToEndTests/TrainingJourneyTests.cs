using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace GridGov.EndToEndTests;

/// <summary>
/// A voucher from the bureau's desk to the subsidy paid, through the pages people use: the bureau
/// issues it to an eligible resident, the resident claims it on a phone with a texted code, the
/// provider verifies it at enrolment, keeps attendance, finishes the class and records the
/// certificate, and the bureau's second person reviews it and pays the batch another approved.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class TrainingJourneyTests(LiveApp app)
{
    private const string Binhe = "141127100001";

    private static string Today => GridGov.Kernel.Time.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_voucher_is_issued_claimed_on_a_phone_redeemed_certified_reviewed_and_paid_through_the_pages()
    {
        // An eligible Binhe resident who holds no voucher of the demo programme, and their ID number as they would type it.
        var bureauApi = await app.ApiAsync("hrbureau");
        var programmes = await bureauApi.GetFromJsonAsync<JsonElement>("/api/v1/training/programmes");
        var programme = programmes.GetProperty("items")[0].GetProperty("id").GetInt32();
        var eligible = await bureauApi.GetFromJsonAsync<JsonElement>($"/api/v1/training/programmes/{programme}/eligibility?area={Binhe}&verdict=Eligible&take=50");
        var person = eligible.GetProperty("items").EnumerateArray().First(i => !i.GetProperty("holdsVoucher").GetBoolean()).GetProperty("personId").GetInt32();
        var community = await app.ApiAsync("community");
        var revealed = await (await community.PostAsJsonAsync($"/api/v1/people/{person}/reveal", new { field = "IdNumber" })).Content.ReadFromJsonAsync<JsonElement>();
        var idNumber = revealed.GetProperty("value").GetString()!;

        // The bureau issues it from the programme's page.
        var bureau = await app.SignedInPageAsync("hrbureau");
        await bureau.GotoAsync("/");
        await Assertions.Expect(bureau).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/training$"));
        await bureau.Locator("[data-testid=programme-link]").First.ClickAsync();
        await Assertions.Expect(bureau.Locator("[data-testid=vouchers-chart]")).ToBeVisibleAsync();
        await app.ShotAsync(bureau, "73-hrbureau-programme");
        await bureau.GotoAsync($"/training/programmes/{programme}?area={Binhe}");
        await bureau.Locator($"[data-testid=eligible-row][data-person=\"{person}\"] [data-testid=issue-one]").ClickAsync();
        await Assertions.Expect(bureau.Locator("[data-testid=voucher-state]")).ToHaveTextAsync("已发放");
        var code = (await bureau.Locator("[data-testid=voucher-code]").TextContentAsync())!.Trim();
        await app.ShotAsync(bureau, "74-hrbureau-voucher-issued");

        // The same person on an uploaded list is issued nothing twice; a number not on the ledger is named with its row.
        await bureau.GotoAsync($"/training/programmes/{programme}");
        await bureau.SetInputFilesAsync("[data-testid=list-file]", new FilePayload
        {
            Name = "list.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes($"姓名,身份证号\n某某,{idNumber}\n某某,110101190001010000\n"),
        });
        await bureau.ClickAsync("[data-testid=list-preview]");
        await Assertions.Expect(bureau.Locator("[data-testid=list-report]")).ToContainTextAsync("已持有 1 人");
        await Assertions.Expect(bureau.Locator("[data-testid=list-errors]")).ToContainTextAsync("3");
        await app.ShotAsync(bureau, "81-hrbureau-list-preview");

        // The resident opens the claim link on a phone and claims it with the code texted to them.
        var phone = await app.AnonymousPageAsync();
        await phone.GotoAsync($"/voucher/claim?code={code}");
        await phone.FillAsync("[data-testid=claim-id]", idNumber);
        await app.ShotAsync(phone, "75-trainee-claim");
        await phone.ClickAsync("[data-testid=ask-submit]");
        await Assertions.Expect(phone.Locator("[data-testid=code-sent]")).ToBeVisibleAsync();
        await phone.FillAsync("[data-testid=claim-text-code]", await app.LastTextedCodeAsync());
        await phone.ClickAsync("[data-testid=claim-submit]");
        await Assertions.Expect(phone.Locator("[data-testid=mine-state]")).ToHaveTextAsync("已领用");
        await Assertions.Expect(phone.Locator("[data-testid=voucher-qr] svg")).ToBeVisibleAsync();
        await app.ShotAsync(phone, "76-trainee-my-voucher");

        // The provider plans a class ending today, verifies the voucher, keeps attendance, finishes and records the certificate.
        var provider = await app.SignedInPageAsync("provider", width: 390, height: 844);
        await provider.GotoAsync("/");
        await Assertions.Expect(provider).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/training/classes$"));
        await provider.FillAsync("[data-testid=class-name]", "电工速成班（测试）");
        await provider.SelectOptionAsync("[data-testid=class-occupation]", "电工|Senior");
        await provider.FillAsync("input[name=startsOn]", GridGov.Kernel.Time.ChinaTime.Today(TimeProvider.System).AddDays(-10).ToString("yyyy-MM-dd"));
        await provider.FillAsync("input[name=endsOn]", Today);
        await provider.FillAsync("input[name=daysRequired]", "1");
        await provider.ClickAsync("[data-testid=class-submit]");
        await provider.FillAsync("[data-testid=redeem-code]", code.ToLowerInvariant());
        await provider.ClickAsync("[data-testid=redeem-submit]");
        await Assertions.Expect(provider.Locator("[data-testid=form-ok]")).ToBeVisibleAsync();
        await provider.Locator("[data-testid=present]").First.CheckAsync();
        await provider.ClickAsync("[data-testid=attendance-submit]");
        await Assertions.Expect(provider.Locator("[data-testid=trainee] >> nth=0")).ToContainTextAsync("1");
        await app.ShotAsync(provider, "77-provider-class");
        await provider.ClickAsync("[data-testid=finish-submit]");
        await provider.SelectOptionAsync("[data-testid=certify-level]", "Senior");
        await provider.FillAsync("[data-testid=certify-number]", "1411272026" + Random.Shared.Next(100000, 999999));
        await app.ShotAsync(provider, "78-provider-certificate");
        await provider.ClickAsync("[data-testid=certify-submit]");
        await Assertions.Expect(provider.Locator("[data-testid=trainee]").First).ToContainTextAsync("三级/高级工");

        // The bureau's second person reviews it; the batch is drafted by one and approved and paid by the other.
        var reviewer = await app.SignedInPageAsync("hrreview");
        await reviewer.GotoAsync("/training/batches");
        var voucherId = (await bureauApi.GetFromJsonAsync<JsonElement>($"/api/v1/training/vouchers?search={code}")).GetProperty("items")[0].GetProperty("id").GetInt64();
        await reviewer.GotoAsync($"/training/vouchers/{voucherId}");
        await reviewer.ClickAsync("[data-testid=voucher-Review]");
        await Assertions.Expect(reviewer.Locator("[data-testid=subsidy]")).ToContainTextAsync("2,000");
        await app.ShotAsync(reviewer, "79-hrreview-voucher-reviewed");
        await reviewer.GotoAsync("/training/batches");
        await reviewer.SelectOptionAsync("[data-testid=draft-programme]", programme.ToString());
        await reviewer.SelectOptionAsync("[data-testid=draft-provider]", new SelectOptionValue { Label = "岚县职业技能培训学校" });
        await reviewer.ClickAsync("[data-testid=draft-submit]");
        await Assertions.Expect(reviewer.Locator("[data-testid=batch-state]")).ToHaveTextAsync("待审批");
        var batchUrl = reviewer.Url;
        await bureau.GotoAsync(batchUrl);
        await bureau.ClickAsync("[data-testid=batch-Approve]");
        await Assertions.Expect(bureau.Locator("[data-testid=batch-state]")).ToHaveTextAsync("已审批待支付");
        await bureau.FillAsync("[data-testid=transfer-reference]", "GK" + DateTime.UtcNow.ToString("yyyyMMddHHmmss"));
        await bureau.ClickAsync("[data-testid=batch-Pay]");
        await Assertions.Expect(bureau.Locator("[data-testid=batch-state]")).ToHaveTextAsync("已支付");
        await Assertions.Expect(bureau.Locator("[data-testid=batch-lines]")).ToContainTextAsync(code);
        await app.ShotAsync(bureau, "80-hrbureau-batch-paid");
        var download = await bureau.RunAndWaitForDownloadAsync(() => bureau.ClickAsync("[data-testid=batch-docx]"));
        Assert.EndsWith(".docx", download.SuggestedFilename);

        // The resident sees it paid.
        await phone.GotoAsync("/voucher");
        await Assertions.Expect(phone.Locator("[data-testid=mine-state]")).ToHaveTextAsync("已支付");
    }

    [Fact]
    public async Task Every_training_desk_page_reads_on_a_phone_and_each_outcome_opens_the_trainees_it_counts()
    {
        var page = await app.SignedInPageAsync("hrbureau", width: 390, height: 844);
        var shot = 82;
        foreach (var url in new[] { "/training", "/training/programmes/new", "/training/providers", "/training/classes", "/training/batches", "/training/studios", "/training/brand" })
        {
            await page.GotoAsync(url);
            await app.ShotAsync(page, $"{shot++}-hrbureau-phone{url.Replace('/', '-')}");
        }
        // A programme, one of its vouchers and a paid batch, opened from their lists as a person would.
        await page.GotoAsync("/training");
        await page.Locator("[data-testid=programme-link]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=vouchers-chart]")).ToBeVisibleAsync();
        await app.ShotAsync(page, $"{shot++}-hrbureau-phone-programme");
        await page.Locator("[data-testid=voucher-link]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=voucher-steps]")).ToBeVisibleAsync();
        await app.ShotAsync(page, $"{shot++}-hrbureau-phone-voucher");
        await page.GotoAsync("/training/batches");
        await page.Locator("[data-testid=batch-link]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=batch-lines]")).ToBeVisibleAsync();
        await app.ShotAsync(page, $"{shot++}-hrbureau-phone-batch");
        // The caregiver brand's placements by city, each opening the trainees it counts.
        await page.GotoAsync("/training/brand");
        Assert.True(int.Parse((await page.Locator("[data-testid=brand-facts]").GetAttributeAsync("data-placed"))!) > 0, "the demo's cohorts have placements");
        await Assertions.Expect(page.Locator("[data-testid=station]")).ToHaveCountAsync(5);
        // The demo's round of master studios: eight applications, three selected, two granted.
        await page.GotoAsync("/training/studios");
        await Assertions.Expect(page.Locator("[data-testid=studio]")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("[data-testid=studio][data-state=Granted]")).ToHaveCountAsync(2);
        await page.GotoAsync("/training/trainees?area=141127000000&measure=HighSkilled");
        var total = int.Parse((await page.Locator("[data-testid=trainee-total]").GetAttributeAsync("data-total"))!);
        Assert.True(total > 0, "the demo's year has high-skilled certificates in Lan County");
        await Assertions.Expect(page.Locator("[data-testid=trainee-rows] tbody tr").First).ToContainTextAsync("三级/高级工");
        await app.ShotAsync(page, $"{shot}-hrbureau-phone-high-skilled");
    }
}
