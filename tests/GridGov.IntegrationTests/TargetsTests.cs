using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GridGov.IntegrationTests.Infrastructure;
using MiniExcelLibs;

namespace GridGov.IntegrationTests;

/// <summary>
/// Targets, pledges and weekly bulletins through the API: the demo city's 2021 year-end bulletin
/// computed from records and hand-reported figures as the city published it, under either rounding
/// rule; the same numbers in the page's data, the .docx and the .xlsx; totals from raw values; a
/// signed pledge that locks its targets; and bulletins that units below see only once published.
/// </summary>
public abstract class TargetsTests(GridGovApp app)
{
    private const string City = "141100000000";
    private const string Lan = "141127000000";
    private const string Dongcun = "141127100000";

    private static async Task<JsonElement> YearEndAsync(HttpClient client)
    {
        var list = await client.GetJsonAsync("/api/v1/targets/bulletins?state=Published&pageSize=50");
        var summary = list.GetProperty("items").EnumerateArray().First(b => b.Int("weekYear") == 2021 && b.Int("weekNumber") == 52);
        return await client.GetJsonAsync($"/api/v1/targets/bulletins/{summary.Int("id")}");
    }

    private static JsonElement Total(JsonElement bulletin, int section) =>
        bulletin.GetProperty("sections")[section].GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("isTotal").GetBoolean());

    [Fact]
    public async Task The_city_year_end_bulletin_prints_the_published_figures_truncated_and_rounded_half_up_on_request()
    {
        var city = await app.ApiAsync("city");
        var bulletin = await YearEndAsync(city);
        Assert.Equal("Truncate", bulletin.Str("rounding"));
        (string Actual, string Target, string Completion)[] published =
            [("231,679人", "200,000人", "115.83%"), ("119,072人", "80,000人", "148.84%"), ("71,657人", "40,000人", "179.14%"), ("2,829人", "2,000人", "141.45%")];
        for (var i = 0; i < published.Length; i++)
        {
            var total = Total(bulletin, i);
            Assert.Equal(published[i], (total.Str("actual"), total.Str("target"), total.Str("completion")));
        }
        Assert.Contains("截尾", bulletin.Str("ruleStatement"));

        var ids = bulletin.GetProperty("sections").EnumerateArray().Select(s => s.Int("indicatorId")).ToList();
        var rounded = await city.PostJsonAsync("/api/v1/targets/bulletins", new { areaCode = City, weekOf = "2021-12-31", indicatorIds = ids, rounding = "HalfUp" },
            HttpStatusCode.Created);
        Assert.Equal("115.84%", Total(rounded, 0).Str("completion"));
        Assert.Contains("四舍五入", rounded.Str("ruleStatement"));
    }

    [Fact]
    public async Task Totals_are_sums_of_the_units_raw_figures_and_lan_county_counts_its_own_records()
    {
        var city = await app.ApiAsync("city");
        var bulletin = await YearEndAsync(city);
        var rows = bulletin.GetProperty("sections")[0].GetProperty("rows").EnumerateArray().ToList();
        var units = rows.Where(r => !r.GetProperty("isTotal").GetBoolean()).ToList();
        Assert.Equal(13, units.Count);
        Assert.Equal(231_679m, units.Sum(r => r.GetProperty("numerator").GetDecimal()));
        var lan = units.Single(r => r.Str("unitCode") == Lan);
        var recorded = await city.GetJsonAsync($"/api/v1/figures/values?key=training.trained&area={Lan}&from=2021-01-01&to=2021-12-31");
        Assert.Equal(recorded.GetProperty("values")[0].GetProperty("value").GetDecimal(), lan.GetProperty("numerator").GetDecimal());
        Assert.True(lan.GetProperty("numerator").GetDecimal() > 0);
        // Ranks run 1.. over the ranked units, ties sharing theirs.
        Assert.Contains(units, r => r.Str("rank").StartsWith('1'));
    }

    [Fact]
    public async Task The_page_data_the_docx_and_the_xlsx_print_the_same_numbers()
    {
        var city = await app.ApiAsync("city");
        var bulletin = await YearEndAsync(city);
        var id = bulletin.Int("id");
        var sections = bulletin.GetProperty("sections").EnumerateArray().ToList();
        var expected = sections.SelectMany(s => s.GetProperty("rows").EnumerateArray()
            .Select(r => new[] { r.Str("unitName"), r.Str("actual"), r.Str("target"), r.Str("completion"), r.Str("rank"), r.Str("change") })).ToList();

        var docx = await city.GetByteArrayAsync($"/api/v1/targets/bulletins/{id}/bulletin.docx");
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var tables = word.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
        Assert.Equal(sections.Count, tables.Count);
        var printed = tables.SelectMany(t => t.Elements<TableRow>().Skip(1)
            .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray())).ToList();
        Assert.Equal(expected, printed);
        Assert.Contains(bulletin.Str("numberText"), word.MainDocumentPart.Document.Body.InnerText);

        var xlsx = await city.GetByteArrayAsync($"/api/v1/targets/bulletins/{id}/bulletin.xlsx");
        var sheet = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(expected, sheet.Select(r => new[] { "单位", "完成", "目标", "完成率", "排名", "较上期" }.Select(h => r[h]?.ToString() ?? "").ToArray()).ToList());
    }

    [Fact]
    public async Task A_signed_pledge_locks_its_targets_and_a_change_is_a_revision_approved_by_a_second_person()
    {
        var city = await app.ApiAsync("city");
        var clerk = await app.ApiAsync("cityclerk");
        var indicator = (await city.GetJsonAsync("/api/v1/targets/indicators")).EnumerateArray().First(i => i.Str("code") == "incidents.on_time").Int("id");
        var year = 2030 + Random.Shared.Next(0, 60);
        var target = await city.PostJsonAsync("/api/v1/targets", new
        {
            indicatorId = indicator, areaCode = Lan, periodKind = "Year", within = $"{year}-06-01", value = 90, source = "县委县政府目标考核办法",
        });
        var pledge = await city.PostJsonAsync("/api/v1/targets/pledges", new { areaCode = Lan, title = "事件办理目标责任书", year, targetIds = new[] { target.Int("id") } },
            HttpStatusCode.Created);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png), "file", "pledge.png" } };
        var scan = await (await city.PostAsync("/api/v1/targets/pledges/scans", form)).JsonAsync(HttpStatusCode.Created);
        await (await city.PostAsJsonAsync($"/api/v1/targets/pledges/{pledge.Int("id")}/sign", new { signatories = "县长 张三；副县长 李四", signedOn = "2026-01-05" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var signed = await city.PostJsonAsync($"/api/v1/targets/pledges/{pledge.Int("id")}/sign",
            new { signatories = "县长 张三；副县长 李四", signedOn = "2026-01-05", document = scan.Str("name") });
        Assert.Equal("Signed", signed.Str("state"));
        Assert.True(signed.GetProperty("targets")[0].GetProperty("isLocked").GetBoolean());

        await (await city.PostAsJsonAsync("/api/v1/targets", new
        {
            indicatorId = indicator, areaCode = Lan, periodKind = "Year", within = $"{year}-06-01", value = 80, source = "改",
        })).ProblemAsync(HttpStatusCode.Conflict, "target_locked");
        var revision = await city.PostJsonAsync($"/api/v1/targets/{target.Int("id")}/revisions", new { value = 85, reason = "疫情影响，经县政府常务会研究调整" });
        await (await city.PostAsJsonAsync($"/api/v1/targets/revisions/{revision.Int("id")}/decision", new { approve = true }))
            .ProblemAsync(HttpStatusCode.Conflict, "second_person_required");
        Assert.Equal("Approved", (await clerk.PostJsonAsync($"/api/v1/targets/revisions/{revision.Int("id")}/decision", new { approve = true })).Str("state"));
        var after = await city.GetJsonAsync($"/api/v1/targets/{target.Int("id")}");
        Assert.Equal(85m, after.GetProperty("value").GetDecimal());
        Assert.Equal(2, after.Int("revision"));
        Assert.True(after.GetProperty("isLocked").GetBoolean());
    }

    [Fact]
    public async Task A_split_that_falls_short_is_refused_and_one_that_adds_up_is_saved_with_its_surplus()
    {
        var county = await app.ApiAsync("county");
        var indicator = (await county.GetJsonAsync("/api/v1/targets/indicators")).EnumerateArray().First(i => i.Str("code") == "skills.trained").Int("id");
        var year = 2030 + Random.Shared.Next(0, 60);
        var whole = await county.PostJsonAsync("/api/v1/targets", new
        {
            indicatorId = indicator, areaCode = Lan, periodKind = "Year", within = $"{year}-01-01", value = 1000, source = "市下达",
        });
        await (await county.PostAsJsonAsync($"/api/v1/targets/{whole.Int("id")}/split", new
        {
            parts = new[] { new { areaCode = Dongcun, value = 600m }, new { areaCode = "141127101000", value = 399m } },
        })).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var split = await county.PostJsonAsync($"/api/v1/targets/{whole.Int("id")}/split", new
        {
            parts = new[] { new { areaCode = Dongcun, value = 600m }, new { areaCode = "141127101000", value = 420m } },
        });
        Assert.Equal(20m, split.GetProperty("check").GetProperty("difference").GetDecimal());
        Assert.Equal(2, split.GetProperty("parts").GetArrayLength());
    }

    [Fact]
    public async Task A_township_sees_its_own_targets_and_a_county_bulletin_only_once_it_is_published()
    {
        var county = await app.ApiAsync("county");
        var township = await app.ApiAsync("township");
        var indicator = (await county.GetJsonAsync("/api/v1/targets/indicators")).EnumerateArray().First(i => i.Str("code") == "incidents.on_time").Int("id");
        var draft = await county.PostJsonAsync("/api/v1/targets/bulletins", new { areaCode = Lan, weekOf = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7),
            indicatorIds = new[] { indicator } }, HttpStatusCode.Created);
        var id = draft.Int("id");
        Assert.Equal(12, draft.GetProperty("sections")[0].GetProperty("rows").GetArrayLength() - 1);
        await (await township.GetAsync($"/api/v1/targets/bulletins/{id}")).ProblemAsync(HttpStatusCode.NotFound, "bulletin_not_found");
        Assert.DoesNotContain((await township.GetJsonAsync("/api/v1/targets/bulletins?pageSize=100")).GetProperty("items").EnumerateArray(), b => b.Int("id") == id);
        await (await county.PostAsync($"/api/v1/targets/bulletins/{id}/publish", null)).ProblemAsync(HttpStatusCode.Conflict, "bulletin_not_approved");
        await county.PostJsonAsync($"/api/v1/targets/bulletins/{id}/approve", new { });
        await county.PostJsonAsync($"/api/v1/targets/bulletins/{id}/publish", new { });
        Assert.Equal("Published", (await township.GetJsonAsync($"/api/v1/targets/bulletins/{id}")).Str("state"));
        var notices = await township.GetJsonAsync("/api/v1/notices?pageSize=50");
        Assert.Contains(notices.GetProperty("items").EnumerateArray(), n => n.Str("subjectType") == "bulletin" && n.Str("subjectKey") == id.ToString());
        // The city's targets lie above the township: it cannot see them.
        var cityTargets = await township.GetJsonAsync("/api/v1/targets?pageSize=200");
        Assert.All(cityTargets.GetProperty("items").EnumerateArray(), t => Assert.StartsWith(Dongcun[..9], t.Str("areaCode")));
        await (await township.PutAsJsonAsync($"/api/v1/targets/bulletins/{id}/text", new { text = "改" })).ProblemAsync(HttpStatusCode.Forbidden, "outside_capture_scope");
    }
    private static async Task<string> PhotoAsync(HttpClient client)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png), "file", "evidence.png" } };
        return (await (await client.PostAsync("/api/v1/targets/photos", form)).JsonAsync(HttpStatusCode.Created)).Str("name");
    }

    [Fact]
    public async Task A_meeting_decision_is_tracked_to_closure_by_its_unit_and_verified_by_a_second_person()
    {
        var county = await app.ApiAsync("county");
        var township = await app.ApiAsync("township");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var meeting = await county.PostJsonAsync("/api/v1/targets/meetings", new
        {
            areaCode = Lan, kind = "MonthlyReview", title = "11月份技能提升工作调度会", heldOn = today, participants = "县长 张三；各乡镇长", minutes = "通报进度，部署下月工作",
        }, HttpStatusCode.Created);
        await (await county.PostAsJsonAsync($"/api/v1/targets/meetings/{meeting.Int("id")}/decisions", new { title = "x", areaCode = Dongcun, owner = "镇长", dueInWorkingDays = 0 }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var decided = await county.PostJsonAsync($"/api/v1/targets/meetings/{meeting.Int("id")}/decisions",
            new { title = "东村镇12月底前完成培训300人", areaCode = Dongcun, owner = "东村镇镇长", dueInWorkingDays = 5 });
        var item = decided.GetProperty("decisions")[0];
        var id = item.GetProperty("id").GetInt64();
        Assert.True(item.GetProperty("dueAt").GetDateTime() > DateTime.UtcNow.AddDays(5));

        Assert.Contains((await township.GetJsonAsync("/api/v1/targets/tracked?pageSize=100")).GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        await township.PostJsonAsync($"/api/v1/targets/tracked/{id}/steps", new { action = "Progress", note = "已开班两期" });
        await (await township.PostAsJsonAsync($"/api/v1/targets/tracked/{id}/steps", new { action = "Verify" })).ProblemAsync(HttpStatusCode.Conflict, "step_not_allowed");
        var reported = await township.PostJsonAsync($"/api/v1/targets/tracked/{id}/steps", new { action = "Report", note = "已完成培训312人" });
        Assert.Equal("Reported", reported.Str("state"));
        Assert.True(reported.GetProperty("onTime").GetBoolean());
        var closed = await county.PostJsonAsync($"/api/v1/targets/tracked/{id}/steps", new { action = "Verify" });
        Assert.Equal("Closed", closed.Str("state"));
        Assert.Equal(3, closed.GetProperty("steps").GetArrayLength());
        var figures = await county.GetJsonAsync($"/api/v1/figures/values?key=meetings.decisions&key=meetings.decisions_closed&area={Lan}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.All(figures.GetProperty("values").EnumerateArray(), v => Assert.True(v.GetProperty("value").GetDouble() >= 1));
    }

    [Fact]
    public async Task A_supervision_round_records_findings_with_evidence_and_closes_only_when_every_rectification_is_verified()
    {
        var county = await app.ApiAsync("county");
        var township = await app.ApiAsync("township");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var round = await county.PostJsonAsync("/api/v1/targets/inspections", new
        {
            areaCode = Lan, title = "技能提升工程第一轮督导", team = "县督查室 王五（组长）；人社局 赵六", startsOn = today.AddDays(-2), endsOn = today,
        }, HttpStatusCode.Created);
        var id = round.Int("id");
        await (await county.PostAsJsonAsync($"/api/v1/targets/inspections/{id}/findings", new { areaCode = Dongcun, visitedOn = today, text = "台账不全" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var found = await county.PostJsonAsync($"/api/v1/targets/inspections/{id}/findings", new
        {
            areaCode = Dongcun, visitedOn = today, text = "培训台账缺少签到记录", photos = new[] { await PhotoAsync(county) },
            rectification = new { title = "补齐培训签到台账", owner = "东村镇人社所", dueInWorkingDays = 10 },
        });
        var finding = found.GetProperty("findings")[0];
        var photo = finding.GetProperty("photos")[0].GetString();
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/v1/targets/inspections/{id}/findings/{finding.GetProperty("id").GetInt64()}/photos/{photo}")).StatusCode);
        var item = found.GetProperty("rectifications")[0].GetProperty("id").GetInt64();
        await (await county.PostAsync($"/api/v1/targets/inspections/{id}/close", null)).ProblemAsync(HttpStatusCode.Conflict, "rectifications_open");

        await township.PostJsonAsync($"/api/v1/targets/tracked/{item}/steps", new { action = "Report", note = "已补齐", photos = new[] { await PhotoAsync(township) } });
        var back = await county.PostJsonAsync($"/api/v1/targets/tracked/{item}/steps", new { action = "Return", note = "缺少十月份的" });
        Assert.Equal("Open", back.Str("state"));
        await township.PostJsonAsync($"/api/v1/targets/tracked/{item}/steps", new { action = "Report", note = "十月份也已补齐" });
        await county.PostJsonAsync($"/api/v1/targets/tracked/{item}/steps", new { action = "Verify" });
        Assert.Equal("Closed", (await county.PostJsonAsync($"/api/v1/targets/inspections/{id}/close", new { })).Str("state"));

        var figures = await county.GetJsonAsync("/api/v1/figures/values?key=supervision.rounds&key=supervision.findings&key=supervision.rectified"
            + $"&key=supervision.rectified_on_time&area={Lan}&from={today.AddDays(-2):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.All(figures.GetProperty("values").EnumerateArray(), v => Assert.True(v.GetProperty("value").GetDouble() >= 1, v.Str("key")));
        // The township sees the finding at its own unit through its rectification, not the county's other rounds' units.
        Assert.Equal("Closed", (await township.GetJsonAsync($"/api/v1/targets/tracked/{item}")).Str("state"));
    }

    [Fact]
    public async Task The_policy_register_checks_document_numbers_refuses_a_number_twice_and_counts_by_month()
    {
        var county = await app.ApiAsync("county");
        var number = $"岚政办发〔2026〕{Random.Shared.Next(100, 99999)}号";
        await (await county.PostAsJsonAsync("/api/v1/targets/policies", new { issuingBody = "岚县人民政府办公室", number = "12号", issuedOn = "2026-03-01", title = "x" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var policy = await county.PostJsonAsync("/api/v1/targets/policies", new
        {
            issuingBody = "岚县人民政府办公室", number, issuedOn = "2026-03-01", title = "岚县全民技能提升工程实施方案", scan = await PhotoAsync(county), programmes = "全民技能提升工程",
        }, HttpStatusCode.Created);
        Assert.NotNull(policy.Str("fileName"));
        await (await county.PostAsJsonAsync("/api/v1/targets/policies", new { issuingBody = "岚县人民政府办公室", number, issuedOn = "2026-03-01", title = "再登记" }))
            .ProblemAsync(HttpStatusCode.Conflict, "policy_exists");
        var counts = await county.GetJsonAsync("/api/v1/targets/policies/count?from=2026-01-01&to=2026-12-31");
        Assert.Contains(counts.EnumerateArray(), c => c.Int("month") == 3 && c.Int("count") >= 1);
        var township = await app.ApiAsync("township");
        Assert.Contains((await township.GetJsonAsync("/api/v1/targets/policies?pageSize=100")).GetProperty("items").EnumerateArray(), p => p.Str("number") == number);
    }

    [Fact]
    public async Task The_demo_city_carries_its_2021_cycle_14_bulletins_2_rounds_and_38_policy_documents()
    {
        var city = await app.ApiAsync("city");
        var bulletins = (await city.GetJsonAsync("/api/v1/targets/bulletins?state=Published&pageSize=100")).GetProperty("items").EnumerateArray()
            .Where(b => b.Int("weekYear") == 2021).ToList();
        Assert.Equal(14, bulletins.Count);
        Assert.Equal(Enumerable.Range(1, 14).Select(n => $"2021年第{n}期").Order(StringComparer.Ordinal), bulletins.Select(b => b.Str("numberText")).Order(StringComparer.Ordinal));
        var figures = await city.GetJsonAsync("/api/v1/figures/values?key=supervision.rounds&key=supervision.rectified&key=supervision.rectified_on_time"
            + $"&key=policies.issued&area={City}&from=2021-01-01&to=2021-12-31");
        var values = figures.GetProperty("values").EnumerateArray().ToDictionary(v => v.Str("key"), v => v.GetProperty("value").GetDouble());
        Assert.Equal((2d, 5d, 3d, 38d), (values["supervision.rounds"], values["supervision.rectified"], values["supervision.rectified_on_time"], values["policies.issued"]));
    }

    [Fact]
    public async Task The_board_ranks_the_units_lowest_first_with_the_trend_over_the_year_and_links_to_the_records()
    {
        var city = await app.ApiAsync("city");
        var board = await city.GetJsonAsync("/api/v1/targets/board?year=2021");
        var trained = board.GetProperty("indicators")[0];
        Assert.Equal("115.83%", trained.GetProperty("total").Str("completion"));
        Assert.Equal(14, trained.GetProperty("trend").GetArrayLength());
        var completions = trained.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("completionValue").GetDecimal()).ToList();
        Assert.Equal(completions.Order(), completions);
        var lan = trained.GetProperty("units").EnumerateArray().Single(u => u.Str("code") == Lan);
        Assert.Equal($"/training/trainees?area={Lan}&from=2021-01-01&to=2021-12-31&measure=Trained", lan.Str("link"));
        var shown = trained.GetProperty("trend").EnumerateArray().Select(p => p.GetProperty("completion").GetDecimal()).ToList();
        Assert.True(shown[^1] > shown[0], "the year's completion grows over its bulletins");
    }

    [Fact]
    public async Task A_unit_whose_figure_was_reported_by_hand_opens_the_approved_reports_its_line_counts()
    {
        var city = await app.ApiAsync("city");
        var trained = (await city.GetJsonAsync("/api/v1/targets/board?year=2021")).GetProperty("indicators")[0];
        var xing = trained.GetProperty("units").EnumerateArray().Single(u => u.Str("code") == "141123000000");
        var link = xing.Str("link");
        Assert.StartsWith("/targets/reports?indicator=", link);
        var query = System.Web.HttpUtility.ParseQueryString(link[(link.IndexOf('?') + 1)..]);
        var reports = await city.GetJsonAsync($"/api/v1/targets/reported-figures?indicatorId={query["indicator"]}&area={query["area"]}&from={query["from"]}"
            + $"&to={query["to"]}&state={query["state"]}&pageSize=100");
        var items = reports.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, r => Assert.Equal("Approved", r.Str("state")));
        Assert.Equal(xing.GetProperty("numerator").GetDecimal(), items.Sum(r => r.GetProperty("numerator").GetInt64()));
    }

    [Fact]
    public async Task A_figure_is_reported_by_hand_only_where_the_records_count_none_and_counts_once_a_second_person_approves_it()
    {
        var clerk = await app.ApiAsync("cityclerk");
        var trained = (await clerk.GetJsonAsync("/api/v1/targets/indicators")).EnumerateArray().Single(i => i.Str("code") == "skills.trained").Int("id");
        // Lan County's trainees are on the records: a hand-reported figure beside them would count twice.
        await (await clerk.PostAsJsonAsync("/api/v1/targets/reported-figures",
                new { indicatorId = trained, areaCode = Lan, from = "2021-01-01", to = "2021-12-31", numerator = 500, source = "岚县人社局月报" }))
            .ProblemAsync(HttpStatusCode.Conflict, "records_already_count");

        var month = 1 + Random.Shared.Next(0, 12);
        var from = new DateOnly(2040 + Random.Shared.Next(0, 40), month, 1);
        var to = from.AddMonths(1).AddDays(-1);
        var entered = await clerk.PostJsonAsync("/api/v1/targets/reported-figures",
            new { indicatorId = trained, areaCode = "141123000000", from = $"{from:yyyy-MM-dd}", to = $"{to:yyyy-MM-dd}", numerator = 864, source = "兴县人社局统计月报" },
            HttpStatusCode.Created);
        Assert.Equal(("Entered", "兴县人社局统计月报"), (entered.Str("state"), entered.Str("source")));
        await (await clerk.PostAsJsonAsync($"/api/v1/targets/reported-figures/{entered.GetProperty("id").GetInt64()}/decision", new { approve = true }))
            .ProblemAsync(HttpStatusCode.Conflict, "second_person_required");
        var city = await app.ApiAsync("city");
        var approved = await city.PostJsonAsync($"/api/v1/targets/reported-figures/{entered.GetProperty("id").GetInt64()}/decision", new { approve = true });
        Assert.Equal("Approved", approved.Str("state"));
        await (await clerk.PostAsJsonAsync("/api/v1/targets/reported-figures",
                new { indicatorId = trained, areaCode = "141123000000", from = $"{from:yyyy-MM-dd}", to = $"{to:yyyy-MM-dd}", numerator = 1, source = "重复" }))
            .ProblemAsync(HttpStatusCode.Conflict, "figure_already_reported");
    }

    private static async Task<Dictionary<string, double?>> ValuesAsync(HttpClient client, string area, DateOnly from, DateOnly to, params string[] keys)
    {
        var figures = await client.GetJsonAsync($"/api/v1/figures/values?{string.Join("&", keys.Select(k => "key=" + k))}&area={area}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        return figures.GetProperty("values").EnumerateArray().ToDictionary(v => v.Str("key"),
            v => v.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : v.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Vouchers_issued_and_paid_are_figures_an_indicator_can_read_each_equal_to_the_vouchers_it_opens()
    {
        var hr = await app.ApiAsync("hrbureau");
        var (from, to) = (new DateOnly(2020, 1, 1), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1));
        var values = await ValuesAsync(hr, Lan, from, to, "training.vouchers_issued", "training.vouchers_paid");
        Assert.True(values["training.vouchers_issued"] > values["training.vouchers_paid"], "the demo's vouchers are in every state, some paid");
        Assert.True(values["training.vouchers_paid"] > 0);
        foreach (var (key, measure) in new[] { ("training.vouchers_issued", "Issued"), ("training.vouchers_paid", "Paid") })
        {
            var list = await hr.GetJsonAsync($"/api/v1/training/vouchers?area={Lan}&measure={measure}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&pageSize=5");
            Assert.Equal(values[key], list.Int("total"));
            if (measure == "Paid") Assert.All(list.GetProperty("items").EnumerateArray(), v => Assert.Equal("Paid", v.Str("state")));
        }
        // The county's staff read the figure on a board, so they open the vouchers it counts too, read only.
        var county = await app.ApiAsync("county");
        var seen = await county.GetJsonAsync($"/api/v1/training/vouchers?area={Lan}&measure=Paid&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&pageSize=1");
        Assert.Equal(values["training.vouchers_paid"], seen.Int("total"));
        var before = await ValuesAsync(hr, Lan, new DateOnly(2000, 1, 1), new DateOnly(2000, 12, 31), "training.vouchers_issued", "training.vouchers_paid");
        Assert.Equal((0d, 0d), (before["training.vouchers_issued"], before["training.vouchers_paid"]));
        var indicators = await hr.GetJsonAsync("/api/v1/targets/indicators/figures");
        Assert.Contains(indicators.EnumerateArray(), f => f.Str("key") == "training.vouchers_paid");
    }

    [Fact]
    public async Task Visits_and_campaign_coverage_are_figures_equal_to_the_visits_and_campaigns_they_open()
    {
        var county = await app.ApiAsync("county");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (from, to) = (today.AddDays(-400), today.AddDays(1));
        var values = await ValuesAsync(county, Lan, from, to, "field.visits", "field.campaign_done", "field.campaign_target", "field.campaign_coverage");
        var visits = await county.GetJsonAsync($"/api/v1/field/visits?area={Lan}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&pageSize=1");
        Assert.True(values["field.visits"] > 0);
        Assert.Equal(values["field.visits"], visits.Int("total"));
        // The list's export holds the rows the list shows: a month of them here.
        var month = await county.GetJsonAsync($"/api/v1/field/visits?area={Lan}&from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}&pageSize=1");
        using (var workbook = await county.GetStreamAsync($"/api/v1/field/visits/export?area={Lan}&from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}"))
        {
            var copy = new MemoryStream();
            await workbook.CopyToAsync(copy);
            copy.Position = 0;
            Assert.Equal(month.Int("total"), copy.Query(useHeaderRow: true).Count());
        }
        var campaigns = (await county.GetJsonAsync($"/api/v1/campaigns?area={Lan}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&pageSize=100"))
            .GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(campaigns);
        var (done, target) = (0, 0);
        foreach (var campaign in campaigns)
        {
            var coverage = (await county.GetJsonAsync($"/api/v1/campaigns/{campaign.Int("id")}/coverage?area={Lan}")).GetProperty("total");
            (done, target) = (done + coverage.Int("done"), target + coverage.Int("target"));
        }
        Assert.Equal(((double)done, (double)target), (values["field.campaign_done"]!.Value, values["field.campaign_target"]!.Value));
        Assert.Equal(100.0 * done / target, values["field.campaign_coverage"]!.Value, 6);
        var none = await ValuesAsync(county, Lan, new DateOnly(2000, 1, 1), new DateOnly(2000, 12, 31), "field.visits", "field.campaign_coverage");
        Assert.Equal(0d, none["field.visits"]);
        Assert.Null(none["field.campaign_coverage"]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TargetsOnSqlite(SqliteApp app) : TargetsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TargetsOnPostgres(PostgresApp app) : TargetsTests(app);
