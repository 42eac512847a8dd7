using Microsoft.Playwright;

namespace GridGov.EndToEndTests;

[Collection(LiveAppCollection.Name)]
public sealed class JourneyTests(LiveApp app)
{
    [Fact]
    public async Task The_county_centre_walks_the_tree_and_runs_the_coverage_check()
    {
        var page = await app.SignedInPageAsync("county");
        // Eleven of Lan County's twelve townships have no grid in the demo: coverage says so, one line each.
        await page.GotoAsync("/coverage");
        await Assertions.Expect(page.Locator("[data-testid=violations] tr[data-kind=AreaWithoutGrid]")).ToHaveCountAsync(11);
        await Assertions.Expect(page.Locator("[data-testid=violation-total]")).ToHaveTextAsync("11");
        await app.ShotAsync(page, "01-county-coverage-no-grid");

        await page.GotoAsync("/territory");
        await Assertions.Expect(page.Locator("[data-testid=node] h1")).ToContainTextAsync("岚县");
        await app.ShotAsync(page, "01-county-tree");

        await page.GetByRole(AriaRole.Link, new() { Name = "东村镇" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=node] h1")).ToContainTextAsync("东村镇");
        await page.GetByRole(AriaRole.Link, new() { Name = "滨河社区", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=node] h1")).ToContainTextAsync("滨河社区");
        Assert.Equal(8, await page.Locator("[data-testid=children] tbody tr").CountAsync());
        await app.ShotAsync(page, "02-binhe-community");

        await page.ClickAsync("[data-testid=run-coverage]");
        await Assertions.Expect(page.Locator("[data-testid=coverage-passes]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=violation-total]")).ToHaveTextAsync("0");
        await app.ShotAsync(page, "03-binhe-coverage");

        await page.GetByRole(AriaRole.Link, new() { Name = "网格", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "东村镇" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "滨河社区", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "滨河社区第1网格", Exact = true }).ClickAsync();
        // Enhanced navigation swaps the page without a load event: wait for the grid's own page before using it.
        await Assertions.Expect(page.Locator("[data-testid=node] h1")).ToContainTextAsync("滨河社区第1网格");
        await page.ClickAsync("[data-testid=manage]");
        await page.FillAsync("[data-testid=rename-form] input[name$=Name]", "滨河社区第1网格（河畔）");
        await page.ClickAsync("[data-testid=rename-form] button");
        await Assertions.Expect(page.Locator("[data-testid=form-done]")).ToBeVisibleAsync();
        await page.GotoAsync("/territory/14112710000110001");
        await Assertions.Expect(page.Locator("[data-testid=node] h1")).ToContainTextAsync("滨河社区第1网格（河畔）");
        await app.ShotAsync(page, "04-grid-renamed");
    }

    [Fact]
    public async Task A_grid_worker_on_a_phone_sees_only_their_own_grid()
    {
        var page = await app.SignedInPageAsync("gridworker", width: 390, height: 844);
        await page.ClickAsync("[data-testid=my-grid] .gg-lead a");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/territory/14112710000130001$"));
        await Assertions.Expect(page.Locator("[data-testid=households] tbody tr").First).ToBeVisibleAsync();
        Assert.InRange(await page.Locator("[data-testid=households] tbody tr").CountAsync(), 10, 30);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"the page is {scrollWidth} px wide on a 390 px phone");
        await app.ShotAsync(page, "05-gridworker-phone-own-grid");

        await page.Locator("[data-testid=households] tbody tr a").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=members]")).ToContainTextAsync("********");
        await app.ShotAsync(page, "06-gridworker-phone-household");

        await page.GotoAsync("/territory/14112710000130002");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("未找到");
        await Assertions.Expect(page.Locator("[data-testid=households]")).ToHaveCountAsync(0);
        await page.GotoAsync("/territory/141127100001");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("未找到");
        await app.ShotAsync(page, "07-gridworker-phone-outside-scope");
    }

    [Fact]
    public async Task The_county_centre_sets_the_county_grid_size_rules()
    {
        var page = await app.SignedInPageAsync("county");
        await page.GotoAsync("/territory/141127000000/manage");
        var maxThree = page.Locator("[data-testid=sizes-form] input[type=number]").Nth(5);
        await Assertions.Expect(maxThree).ToHaveValueAsync("30");
        await maxThree.FillAsync("32");
        await page.ClickAsync("[data-testid=sizes-form] button");
        await Assertions.Expect(page.Locator("[data-testid=form-done]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=sizes-form] input[type=number]").Nth(5)).ToHaveValueAsync("32");
        await app.ShotAsync(page, "09-county-size-rules");

        await page.Locator("[data-testid=sizes-form] input[type=number]").Nth(5).FillAsync("5");
        await page.ClickAsync("[data-testid=sizes-form] button");
        await Assertions.Expect(page.Locator("[data-testid=form-error]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=sizes-form] input[type=number]").Nth(5).FillAsync("30");
        await page.ClickAsync("[data-testid=sizes-form] button");
        await Assertions.Expect(page.Locator("[data-testid=form-done]")).ToBeVisibleAsync();

        // The county's whole ledger is too long to count to the end: the list says so.
        await page.GotoAsync("/people");
        await Assertions.Expect(page.Locator("[data-testid=found]")).ToContainTextAsync($"超过 {GridGov.Modules.People.Application.PersonSearch.CountLimit} 人");
    }

    [Fact]
    public async Task A_grid_worker_finds_a_person_by_pinyin_initials_and_opens_their_history()
    {
        var page = await app.SignedInPageAsync("gridworker", width: 390, height: 844);
        await page.GotoAsync("/territory/14112710000130001");
        await page.Locator("[data-testid=households] tbody tr a").First.ClickAsync();
        var name = (await page.Locator("[data-testid=members] tbody tr td a").First.TextContentAsync())!.Trim();
        var initials = string.Concat(name.Select((c, i) => GridGov.Modules.People.Domain.Search.Pinyin.Of(c, i == 0)[0]));

        await page.GotoAsync("/people");
        await page.FillAsync("[data-testid=search-form] input[name=q]", initials);
        await page.ClickAsync("[data-testid=search-form] button");
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=person] h1")).ToContainTextAsync(name);
        await Assertions.Expect(page.Locator("[data-testid=id-number]")).ToContainTextAsync("********");
        await app.ShotAsync(page, "10-gridworker-person-found-by-pinyin");

        await page.ClickAsync("[data-testid=reveal-id] button");
        await Assertions.Expect(page.Locator("[data-testid=id-number]")).Not.ToContainTextAsync("*");
        await page.FillAsync("[data-testid=edit-person] input[name$=RelationToHead]", "户主");
        await page.FillAsync("[data-testid=edit-person] input[name$=Name]", name + "甲");
        await page.ClickAsync("[data-testid=edit-person] button");
        await Assertions.Expect(page.Locator("[data-testid=form-done]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=timeline] li").First).ToContainTextAsync(name + "甲");
        await Assertions.Expect(page.Locator("[data-testid=phone]")).ToContainTextAsync("****");
        await app.ShotAsync(page, "11-gridworker-person-history");
    }

    [Fact]
    public async Task A_community_worker_on_a_phone_deregisters_someone_who_moved_away_and_undoes_it()
    {
        var page = await app.SignedInPageAsync("community", width: 390, height: 844);
        await page.GotoAsync("/territory/14112710000130002");
        await page.Locator("[data-testid=households] tbody tr a").Nth(1).ClickAsync();
        await page.Locator("[data-testid=members] tbody tr td a").First.ClickAsync();
        var name = (await page.Locator("[data-testid=person] h1").TextContentAsync())!.Trim();

        // The step opens behind a deliberate tap, asks for the date and where to, and only its own button deregisters.
        await page.ClickAsync("[data-testid=deregister-step] > summary");
        await page.FillAsync("[data-testid=destination-input]", "太原市小店区");
        await app.ShotAsync(page, "55-deregister-step-phone");
        await page.ClickAsync("[data-testid=deregister-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=reinstate-section]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=person] h1")).ToContainTextAsync(name);
        await Assertions.Expect(page.Locator("[data-testid=timeline] li").First).ToContainTextAsync("太原市小店区");

        await page.ClickAsync("[data-testid=reinstate-step] > summary");
        await page.ClickAsync("[data-testid=reinstate-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=deregister-step]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=reinstate-section]")).ToHaveCountAsync(0);
        await app.ShotAsync(page, "56-reinstated-phone");
    }

    [Fact]
    public async Task A_grid_worker_imports_a_ledger_fixes_the_bad_row_and_imports_it()
    {
        var page = await app.SignedInPageAsync("gridworker", width: 390, height: 844);
        string Id(string first17) => first17 + GridGov.Modules.People.Domain.IdNumber.CheckCharacterOf(first17);
        byte[] File(string secondId)
        {
            var stream = new MemoryStream();
            var columns = new[] { "网格代码", "户号", "地址", "姓名", "身份证号", "手机号", "与户主关系", "居住类型" };
            var rows = new[]
            {
                new object?[] { "14112710000130001", "00130001001", "岚县东村镇滨河社区", "导入甲", Id("14112720100101101"), "13811112222", "子女", "户籍人口" },
                new object?[] { "14112710000130001", "00130001001", "岚县东村镇滨河社区", "导入乙", secondId, null, "子女", "户籍人口" },
            };
            MiniExcelLibs.MiniExcel.SaveAs(stream, rows.Select(r => columns.Zip(r).ToDictionary(x => x.First, x => x.Second)).ToList(),
                excelType: MiniExcelLibs.ExcelType.XLSX);
            return stream.ToArray();
        }

        await page.GotoAsync("/people/import");
        await page.SetInputFilesAsync("[data-testid=upload-form] input[type=file]", new FilePayload
        {
            Name = "ledger.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = File("141127201201011011"),
        });
        await page.ClickAsync("[data-testid=upload-form] button");
        await Assertions.Expect(page.Locator("[data-testid=bad-rows]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-testid=row-errors] tbody tr")).ToContainTextAsync("3");
        await Assertions.Expect(page.Locator("[data-testid=row-errors]")).ToContainTextAsync("校验位");
        await app.ShotAsync(page, "12-import-bad-row-reported");

        await page.SetInputFilesAsync("[data-testid=upload-form] input[type=file]", new FilePayload
        {
            Name = "ledger.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = File(Id("14112720120101101")),
        });
        await page.ClickAsync("[data-testid=upload-form] button");
        await Assertions.Expect(page.Locator("[data-testid=bad-rows]")).ToHaveTextAsync("0");
        await page.ClickAsync("[data-testid=commit]");
        await Assertions.Expect(page.Locator("[data-testid=new-people]")).ToHaveTextAsync("2");
        await app.ShotAsync(page, "13-import-committed");

        await page.GotoAsync("/people?q=" + Uri.EscapeDataString("导入乙"));
        await Assertions.Expect(page.Locator("[data-testid=people] tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_interface_switches_to_English()
    {
        var page = await app.SignedInPageAsync("auditor");
        await page.GotoAsync("/territory");
        await page.ClickAsync(".gg-lang");
        await Assertions.Expect(page.Locator(".gg-nav")).ToContainTextAsync("Grids");
        await Assertions.Expect(page.Locator("[data-testid=node]")).ToContainTextAsync("Households");
        await app.ShotAsync(page, "08-auditor-english");
    }
}
