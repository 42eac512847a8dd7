using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.IntegrationTests.Infrastructure;
using MiniExcelLibs;

namespace GridGov.IntegrationTests;

/// <summary>The workspace's promises that hold without a browser: what pages send back, whom notices reach, what the desk filters and exports.</summary>
public abstract class WorkspaceTests(GridGovApp app)
{
    private static async Task<JsonElement> ReportAsync(HttpClient client, string description, string address = "滨河小区5号楼", string urgency = "Normal") =>
        (await client.PostJsonAsync("/api/v1/incidents", new { categoryCode = "SAFE.GAS", description, address, urgency }, HttpStatusCode.Created))
        .GetProperty("incident");

    private static async Task<IReadOnlyList<JsonElement>> NoticesAsync(HttpClient client, int id) =>
        (await client.GetJsonAsync("/api/v1/notices?pageSize=200")).GetProperty("items").EnumerateArray()
        .Where(n => n.Str("subjectType") == "incident" && n.Str("subjectKey") == id.ToString()).ToList();

    [Theory]
    [InlineData("gridworker", "today", "my-grid")]
    [InlineData("community", "area-figures", "queues")]
    [InlineData("township", "queues", "coverage-summary")]
    [InlineData("admin", "area-figures", "children")]
    public async Task The_home_page_renders_each_roles_panels_together(string user, string first, string second)
    {
        // The panels and the header's unread count load at once; each reads through its own scope.
        var browser = new Browser(app);
        await browser.SignInAsync(user, GridGovApp.Password);
        for (var i = 0; i < 3; i++)
        {
            var response = await browser.GetAsync("/");
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, html);
            Assert.Contains($"data-testid=\"{first}\"", html);
            Assert.Contains($"data-testid=\"{second}\"", html);
            Assert.Contains("data-testid=\"notices-link\"", html);
        }
    }

    [Theory]
    [InlineData("county", "/incidents?list=Queue")]
    [InlineData("department", "/incidents?list=Department")]
    [InlineData("security", "/admin/users")]
    [InlineData("auditadmin", "/audit/chain")]
    [InlineData("auditor", "/cockpit")]
    public async Task A_role_whose_work_is_one_page_starts_there(string user, string landing)
    {
        var browser = new Browser(app);
        await browser.SignInAsync(user, GridGovApp.Password);
        var response = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(landing, response.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(landing)).StatusCode);
    }

    [Fact]
    public async Task Places_are_picked_by_name_from_the_readers_own_areas_and_grids()
    {
        var county = new Browser(app);
        await county.SignInAsync("county", GridGovApp.Password);
        var report = await (await county.GetAsync("/incidents/report")).Content.ReadAsStringAsync();
        var grids = System.Text.RegularExpressions.Regex.Matches(report, "<datalist id=\"places-grid\">(.*?)</datalist>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Single().Groups[1].Value;
        Assert.Equal(1100, System.Text.RegularExpressions.Regex.Matches(grids, "<option value=\"\\d{17}\"").Count);
        Assert.Contains("value=\"14112710000130001\"", grids);

        var community = new Browser(app);
        await community.SignInAsync("community", GridGovApp.Password);
        var metrics = await (await community.GetAsync("/incidents/metrics")).Content.ReadAsStringAsync();
        Assert.Contains("value=\"141127100001\"", metrics);
        Assert.DoesNotContain("value=\"141127100002\"", metrics);

        var worker = new Browser(app);
        await worker.SignInAsync("gridworker", GridGovApp.Password);
        Assert.DoesNotContain("places-grid", await (await worker.GetAsync("/incidents/report")).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("gridworker", "/territory/14112710000130001/manage", "rename-form")]
    [InlineData("auditor", "/incidents/report", "report-form")]
    [InlineData("township", "/territory/14112710000130001/manage", "rename-form")]
    public async Task A_form_is_shown_only_to_whoever_may_submit_it(string user, string page, string form)
    {
        var browser = new Browser(app);
        await browser.SignInAsync(user, GridGovApp.Password);
        var html = await (await browser.GetAsync(page)).Content.ReadAsStringAsync();
        // The township may change Binhe's grids (within its capture scope); the others may not.
        if (user == "township") Assert.Contains($"data-testid=\"{form}\"", html);
        else
        {
            Assert.DoesNotContain($"data-testid=\"{form}\"", html);
            Assert.Contains("data-testid=\"read-only\"", html);
        }
    }

    [Fact]
    public async Task A_refused_sign_in_never_sends_the_typed_password_back()
    {
        var browser = new Browser(app);
        const string typed = "Wrong#Secret-2026-xyz";
        var response = await browser.SubmitAsync("/account/login", "/account/login",
            new Dictionary<string, string> { ["Input.UserName"] = "county", ["Input.Password"] = typed, ["Input.Code"] = "" }, handler: "login");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"login-error\"", page);
        Assert.DoesNotContain(typed, page);
        Assert.Contains("value=\"county\"", page);
    }

    [Fact]
    public async Task An_unknown_page_answers_404_with_the_apps_own_page_and_an_unknown_api_route_a_problem()
    {
        var browser = new Browser(app);
        await browser.SignInAsync("community", GridGovApp.Password);
        var page = await browser.GetAsync("/no-such-page/here");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("data-testid=\"not-found\"", await page.Content.ReadAsStringAsync());

        var api = await (await app.ApiAsync("community")).GetAsync("/api/v1/no-such-route");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain("data-testid=\"not-found\"", await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_browsers_language_is_honoured_until_the_user_chooses_one()
    {
        async Task<string> LangAsync(string acceptLanguage, string? cookie = null)
        {
            var client = app.Anonymous();
            var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
            request.Headers.Add("Accept-Language", acceptLanguage);
            if (cookie is not null) request.Headers.Add("Cookie", $".AspNetCore.Culture={Uri.EscapeDataString(cookie)}");
            var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
            return System.Text.RegularExpressions.Regex.Match(html, "<html lang=\"([^\"]+)\"").Groups[1].Value;
        }

        Assert.Equal("en", await LangAsync("en-US,en;q=0.9"));
        Assert.Equal("zh-CN", await LangAsync("zh-CN,zh;q=0.9,en;q=0.5"));
        Assert.Equal("zh-CN", await LangAsync("fr-FR"));
        Assert.Equal("zh-CN", await LangAsync("en-US,en;q=0.9", "c=zh-CN|uic=zh-CN"));
    }

    [Fact]
    public async Task The_reporter_hears_when_their_report_is_refused_sent_back_or_closed_and_no_one_hears_of_their_own_step()
    {
        var worker = await app.ApiAsync("gridworker");
        var county = await app.ApiAsync("county");
        var department = await app.ApiAsync("department");

        var refused = (await ReportAsync(worker, "疑似重复上报")).Int("id");
        await county.PostJsonAsync($"/api/v1/incidents/{refused}/steps", new { action = "Reject", note = "与已上报事件重复" });
        Assert.Contains(await NoticesAsync(worker, refused), n => n.Str("kind") == "rejected");
        Assert.DoesNotContain(await NoticesAsync(county, refused), n => n.Str("kind") == "rejected");

        var returned = (await ReportAsync(worker, "燃气味道，需应急局处理")).Int("id");
        await county.PostJsonAsync($"/api/v1/incidents/{returned}/steps", new { action = "Accept" });
        await county.PostJsonAsync($"/api/v1/incidents/{returned}/steps", new { action = "Dispatch" });
        await department.PostJsonAsync($"/api/v1/incidents/{returned}/steps", new { action = "SendBack", note = "不属于本部门职责" });
        Assert.Contains(await NoticesAsync(worker, returned), n => n.Str("kind") == "sent_back");

        // The county registers a hotline call on the worker's grid; the worker verifies it on site and the county hears it closed.
        var hotline = (await county.PostJsonAsync("/api/v1/incidents", new
        {
            categoryCode = "SAFE.GAS", description = "群众来电：燃气异味", address = "滨河小区6号楼", gridCode = "14112710000130001", source = "Hotline",
        }, HttpStatusCode.Created)).GetProperty("incident").Int("id");
        await county.PostJsonAsync($"/api/v1/incidents/{hotline}/steps", new { action = "Accept" });
        await county.PostJsonAsync($"/api/v1/incidents/{hotline}/steps", new { action = "Dispatch" });
        await department.PostJsonAsync($"/api/v1/incidents/{hotline}/steps", new { action = "Acknowledge" });
        await department.PostJsonAsync($"/api/v1/incidents/{hotline}/steps", new { action = "Finish", note = "已更换阀门" });
        await worker.PostJsonAsync($"/api/v1/incidents/{hotline}/steps", new { action = "VerifyPass", note = "现场无异味" });
        Assert.Contains(await NoticesAsync(county, hotline), n => n.Str("kind") == "closed");
        Assert.DoesNotContain(await NoticesAsync(worker, hotline), n => n.Str("kind") == "closed");
    }

    [Fact]
    public async Task Urging_a_dispatched_incident_tells_its_departments_and_stays_on_the_timeline()
    {
        var worker = await app.ApiAsync("gridworker");
        var county = await app.ApiAsync("county");
        var id = (await ReportAsync(worker, "燃气异味，三天未处理")).Int("id");
        await county.PostJsonAsync($"/api/v1/incidents/{id}/steps", new { action = "Accept" });
        await county.PostJsonAsync($"/api/v1/incidents/{id}/steps", new { action = "Dispatch" });
        var urged = await county.PostJsonAsync($"/api/v1/incidents/{id}/steps", new { action = "Urge", note = "请尽快签收" });
        Assert.Equal("Dispatched", urged.Str("state"));
        Assert.Contains(urged.GetProperty("timeline").EnumerateArray(), s => s.Str("action") == "Urge" && s.Str("note") == "请尽快签收");
        Assert.Contains(await NoticesAsync(await app.ApiAsync("department"), id), n => n.Str("kind") == "urged");
        await (await worker.PostAsJsonAsync($"/api/v1/incidents/{id}/steps", new { action = "Urge" })).ProblemAsync(HttpStatusCode.Conflict, "incident_illegal_transition");
    }

    [Fact]
    public async Task A_duplicate_merged_into_the_open_incident_ends_there_tells_its_reporter_and_both_timelines_stay_readable()
    {
        var worker = await app.ApiAsync("gridworker");
        var county = await app.ApiAsync("county");
        var survivor = await ReportAsync(worker, "滨河路燃气管道泄漏", "滨河小区9号楼");
        var duplicate = await ReportAsync(worker, "9号楼下有燃气味", "滨河小区9号楼");
        var (s, d) = (survivor.Int("id"), duplicate.Int("id"));
        Assert.Contains("MergeInto", (await county.GetJsonAsync($"/api/v1/incidents/{d}")).GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        await county.PostJsonAsync($"/api/v1/incidents/{s}/steps", new { action = "Accept" });

        var merged = await county.PostJsonAsync($"/api/v1/incidents/{d}/steps", new { action = "MergeInto", intoNumber = survivor.Str("number"), note = "同一处" });
        Assert.Equal("Merged", merged.Str("state"));
        Assert.Equal(s, merged.GetProperty("mergedInto").Int("id"));
        Assert.Empty(merged.GetProperty("allowedActions").EnumerateArray());
        Assert.Contains(await NoticesAsync(worker, d), n => n.Str("kind") == "merged");

        var kept = await county.GetJsonAsync($"/api/v1/incidents/{s}");
        Assert.Equal("Accepted", kept.Str("state"));
        Assert.Contains(kept.GetProperty("timeline").EnumerateArray(), x => x.Str("action") == "TakeInDuplicate" && x.Str("note") == duplicate.Str("number"));
        var taken = Assert.Single(kept.GetProperty("duplicates").EnumerateArray());
        Assert.Equal(d, taken.Int("id"));
        Assert.Equal(["Report", "MergeInto"], taken.GetProperty("timeline").EnumerateArray().Select(x => x.Str("action")));

        // The page shows the link on the duplicate and the duplicate's own timeline on the survivor.
        var page = new Browser(app);
        await page.SignInAsync("county", GridGovApp.Password);
        Assert.Contains($"href=\"/incidents/{s}\"", await (await page.GetAsync($"/incidents/{d}")).Content.ReadAsStringAsync());
        var survivorPage = WebUtility.HtmlDecode(await (await page.GetAsync($"/incidents/{s}")).Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"duplicates-merged\"", survivorPage);
        Assert.Contains("9号楼下有燃气味", survivorPage);
    }

    [Fact]
    public async Task A_merge_target_outside_the_readers_scope_is_answered_as_one_that_does_not_exist()
    {
        var worker = await app.ApiAsync("gridworker");
        var county = await app.ApiAsync("county");
        var community = await app.ApiAsync("community");
        var elsewhere = (await county.PostJsonAsync("/api/v1/incidents", new
        {
            categoryCode = "SAFE.GAS", description = "东关社区燃气异味", address = "东关街2号", gridCode = "14112710000230001", source = "Hotline",
        }, HttpStatusCode.Created)).GetProperty("incident");
        var duplicate = (await ReportAsync(worker, "燃气异味，或与东关重复")).Int("id");

        async Task<JsonElement> Refusal(string? number) =>
            (await (await community.PostAsJsonAsync($"/api/v1/incidents/{duplicate}/steps", new { action = "MergeInto", intoNumber = number }))
                .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("fieldCodes");
        var outside = await Refusal(elsewhere.Str("number"));
        var missing = await Refusal("SJ20990101999999");
        Assert.Equal("unknown_incident", outside.Str("intoNumber"));
        Assert.Equal(missing.GetRawText(), outside.GetRawText());
        Assert.Equal("required", (await Refusal(null)).Str("intoNumber"));
        Assert.Equal("merge_into_itself", (await Refusal((await worker.GetJsonAsync($"/api/v1/incidents/{duplicate}")).Str("number"))).Str("intoNumber"));
        Assert.Equal("Reported", (await worker.GetJsonAsync($"/api/v1/incidents/{duplicate}")).Str("state"));
    }

    [Fact]
    public async Task A_persons_history_names_the_households_they_moved_between_instead_of_their_ids()
    {
        var l3 = await Scratch.LevelThreeAsync(app);
        var admin = await app.ApiAsync("admin");
        var households = await Scratch.HouseholdsAsync(app, l3, 2);
        const string first17 = "14112519830303105";
        var person = (await admin.PostJsonAsync($"/api/v1/households/{households[0]}/members",
            new { name = "换户人", idNumber = first17 + GridGov.Modules.People.Domain.IdNumber.CheckCharacterOf(first17), relationToHead = "子女" },
            HttpStatusCode.Created)).Int("id");
        await admin.PostJsonAsync($"/api/v1/people/{person}/move", new { householdId = households[1] });
        async Task<string> NameOf(int household)
        {
            var h = await admin.GetJsonAsync($"/api/v1/households/{household}");
            return $"{h.Str("number")} · {h.Str("address")}";
        }

        var browser = new Browser(app);
        await browser.SignInAsync("admin", GridGovApp.Password);
        var html = WebUtility.HtmlDecode(await (await browser.GetAsync($"/people/{person}")).Content.ReadAsStringAsync());
        var at = html.IndexOf("data-testid=\"timeline\"", StringComparison.Ordinal);
        var main = html[Math.Max(0, html.IndexOf("<main", StringComparison.Ordinal))..];
        Assert.True(at >= 0, "the person's page has no timeline: " + main[..Math.Min(600, main.Length)] + "\n" + app.Errors.Recent());
        var timeline = html[at..];
        Assert.Contains($"{await NameOf(households[0])}</span><span> → </span><span>{await NameOf(households[1])}", timeline);
        Assert.DoesNotContain($">{households[1]}<", timeline);
    }

    [Fact]
    public async Task The_people_list_narrows_by_status_sex_age_and_leaving_period_orders_as_asked_and_exports_the_same_list()
    {
        var l3 = await Scratch.LevelThreeAsync(app);
        var admin = await app.ApiAsync("admin");
        var household = (await Scratch.HouseholdsAsync(app, l3, 1))[0];
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai"));
        async Task<int> Register(string name, int bornYear, string sexDigit) =>
            (await admin.PostJsonAsync($"/api/v1/households/{household}/members", new
            {
                name, relationToHead = "其他",
                idNumber = Person17(bornYear, sexDigit) + GridGov.Modules.People.Domain.IdNumber.CheckCharacterOf(Person17(bornYear, sexDigit)),
            }, HttpStatusCode.Created)).Int("id");
        string Person17(int year, string sexDigit) => $"141127{year}0615{l3[^3..^1]}{sexDigit}";
        var elder = await Register("筛选长者", today.Year - 80, "1");
        var middle = await Register("筛选中年", today.Year - 45, "2");
        var young = await Register("筛选少年", today.Year - 12, "4");
        await admin.PostJsonAsync($"/api/v1/people/{middle}/deregister", new { reason = "MovedAway" });

        async Task<List<int>> Ids(string query) =>
            (await admin.GetJsonAsync($"/api/v1/people?area={l3}&q=%E7%AD%9B%E9%80%89&pageSize=200&{query}")).GetProperty("items").EnumerateArray().Select(i => i.Int("id")).ToList();
        Assert.Equal([elder, young], await Ids("sort=Oldest"));
        Assert.Equal([young, elder], await Ids("sort=Youngest"));
        Assert.Equal([elder], await Ids("ageFrom=60"));
        Assert.Equal([young], await Ids("ageTo=17"));
        Assert.Equal([elder], await Ids("sex=Male"));
        Assert.Equal([middle], await Ids("status=MovedAway&left=Month"));
        Assert.Equal([middle], await Ids("left=Year&sort=RecentlyLeft"));

        foreach (var bad in new[] { "ageFrom=151", "ageFrom=70&ageTo=20", "sort=Tallest", "left=Decade", "status=Lost" })
        {
            var refused = await admin.GetAsync($"/api/v1/people?{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        var sheet = await admin.GetAsync($"/api/v1/people/export?area={l3}&q=%E7%AD%9B%E9%80%89&sort=Oldest&ageFrom=10");
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        var rows = MiniExcel.Query(await sheet.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>()
            .Select(r => r.Values.First()?.ToString()).ToList();
        Assert.Equal(["筛选长者", "筛选少年"], rows);

        // The page offers the same filters, keeps them on its pager and export links, and says how many are in use.
        var browser = new Browser(app);
        await browser.SignInAsync("admin", GridGovApp.Password);
        var html = WebUtility.HtmlDecode(await (await browser.GetAsync($"/people?area={l3}&q=%E7%AD%9B%E9%80%89&ageFrom=60&sort=Oldest")).Content.ReadAsStringAsync());
        Assert.Contains("筛选长者", html);
        Assert.DoesNotContain("筛选少年", html);
        Assert.Contains("ageFrom=60&sort=Oldest&full=false", html);
        var leftThisYear = WebUtility.HtmlDecode(await (await browser.GetAsync($"/people?area={l3}&q=%E7%AD%9B%E9%80%89&left=Year")).Content.ReadAsStringAsync());
        var export = System.Text.RegularExpressions.Regex.Match(leftThisYear, "href=\"(/people/export.xlsx[^\"]*)\"").Groups[1].Value;
        Assert.Equal(["筛选中年"], MiniExcel.Query(await (await browser.GetAsync(export)).Content.ReadAsStreamAsync(), useHeaderRow: true)
            .Cast<IDictionary<string, object>>().Select(r => r.Values.First()?.ToString()).ToList());
    }

    [Fact]
    public async Task A_deregistration_records_where_they_went_and_is_undone_on_the_page_counting_them_again()
    {
        var l3 = await Scratch.LevelThreeAsync(app);
        var admin = await app.ApiAsync("admin");
        var households = await Scratch.HouseholdsAsync(app, l3, 2);
        async Task<int> Residents() => (await admin.GetJsonAsync($"/api/v1/territory/nodes/{l3}")).GetProperty("node").Int("residents");
        const string first17 = "14112519860606107";
        var person = (await admin.PostJsonAsync($"/api/v1/households/{households[0]}/members",
            new { name = "迁出又回", idNumber = first17 + GridGov.Modules.People.Domain.IdNumber.CheckCharacterOf(first17), relationToHead = "子女" },
            HttpStatusCode.Created)).Int("id");
        var before = await Residents();

        var gone = await admin.PostJsonAsync($"/api/v1/people/{person}/deregister", new { reason = "MovedAway", destination = "太原市小店区" });
        Assert.Equal(("MovedAway", "太原市小店区"), (gone.Str("status"), gone.Str("destination")));
        await (await admin.PostAsJsonAsync($"/api/v1/people/{person}/deregister", new { reason = "Deceased", destination = "太原" }))
            .ProblemAsync(HttpStatusCode.Conflict, "person_inactive");
        Assert.Equal(before - 1, await Residents());

        // On the page: the destination is shown, and the undo stands behind a confirmation.
        var browser = new Browser(app);
        await browser.SignInAsync("admin", GridGovApp.Password);
        var page = WebUtility.HtmlDecode(await (await browser.GetAsync($"/people/{person}")).Content.ReadAsStringAsync());
        Assert.Contains("太原市小店区", page);
        Assert.Contains("data-testid=\"reinstate-step\"", page);
        var done = await browser.SubmitAsync($"/people/{person}", $"/people/{person}", new Dictionary<string, string>(), "reinstate");
        Assert.True(done.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, done.StatusCode.ToString());

        var back = await admin.GetJsonAsync($"/api/v1/people/{person}");
        Assert.Equal("Active", back.Str("status"));
        Assert.Equal(JsonValueKind.Null, back.GetProperty("destination").ValueKind);
        Assert.Equal(before, await Residents());
        await (await admin.PostAsync($"/api/v1/people/{person}/reinstate", null)).ProblemAsync(HttpStatusCode.Conflict, "person_active");
    }

    [Fact]
    public async Task The_desk_accepts_and_dispatches_in_bulk_each_incident_by_its_own_rules()
    {
        var worker = await app.ApiAsync("gridworker");
        var county = await app.ApiAsync("county");
        var (a, b) = ((await ReportAsync(worker, "批量一")).Int("id"), (await ReportAsync(worker, "批量二")).Int("id"));

        var accepted = (await county.PostJsonAsync("/api/v1/incidents/bulk-steps", new { ids = new[] { a, b, 999999999 }, action = "Accept" }))
            .EnumerateArray().ToDictionary(r => r.Int("id"));
        Assert.True(accepted[a].GetProperty("done").GetBoolean() && accepted[b].GetProperty("done").GetBoolean());
        Assert.Equal("incident_not_found", accepted[999999999].Str("code"));

        var again = Assert.Single((await county.PostJsonAsync("/api/v1/incidents/bulk-steps", new { ids = new[] { a }, action = "Accept" })).EnumerateArray());
        Assert.Equal("incident_illegal_transition", again.Str("code"));

        var dispatched = (await county.PostJsonAsync("/api/v1/incidents/bulk-steps", new { ids = new[] { a, b }, action = "Dispatch" })).EnumerateArray().ToList();
        Assert.All(dispatched, r => Assert.True(r.GetProperty("done").GetBoolean()));
        var one = await county.GetJsonAsync($"/api/v1/incidents/{a}");
        Assert.Equal("Dispatched", one.Str("state"));
        Assert.Equal("EMERGENCY", one.GetProperty("assignments")[0].Str("departmentCode"));
        Assert.Contains(await NoticesAsync(await app.ApiAsync("department"), b), n => n.Str("kind") == "dispatched");

        await (await county.PostAsJsonAsync("/api/v1/incidents/bulk-steps", new { ids = new[] { a }, action = "Reject" })).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await county.PostAsJsonAsync("/api/v1/incidents/bulk-steps", new { ids = Enumerable.Range(1, 101), action = "Accept" })).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAsync("department")).PostAsJsonAsync("/api/v1/incidents/bulk-steps", new { ids = new[] { a }, action = "Accept" })).StatusCode);
    }

    [Fact]
    public async Task The_desk_list_narrows_by_number_urgency_and_state_orders_as_asked_and_refuses_an_unknown_value()
    {
        var worker = await app.ApiAsync("gridworker");
        var urgent = await ReportAsync(worker, "煤气泄漏，急", urgency: "Urgent");
        var normal = await ReportAsync(worker, "楼道异味");
        var byNumber = await worker.GetJsonAsync($"/api/v1/incidents?list=Mine&number={urgent.Str("number")}");
        Assert.Equal(urgent.Int("id"), Assert.Single(byNumber.GetProperty("items").EnumerateArray()).Int("id"));
        var prefix = urgent.Str("number")[..10];
        Assert.All((await worker.GetJsonAsync($"/api/v1/incidents?list=Mine&number={prefix}&pageSize=200")).GetProperty("items").EnumerateArray(),
            i => Assert.StartsWith(prefix, i.Str("number")));

        var urgentOnly = (await worker.GetJsonAsync("/api/v1/incidents?list=Mine&urgency=Urgent&state=Reported&pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(urgentOnly, i => i.Int("id") == urgent.Int("id"));
        Assert.DoesNotContain(urgentOnly, i => i.Int("id") == normal.Int("id"));

        var newest = (await worker.GetJsonAsync("/api/v1/incidents?list=Mine&sort=Newest&pageSize=2")).GetProperty("items").EnumerateArray().Select(i => i.Int("id")).ToList();
        Assert.Equal([normal.Int("id"), urgent.Int("id")], newest);
        var oldest = (await worker.GetJsonAsync("/api/v1/incidents?list=Mine&sort=Oldest&pageSize=200")).GetProperty("items").EnumerateArray().Select(i => i.Int("id")).ToList();
        Assert.True(oldest.IndexOf(urgent.Int("id")) < oldest.IndexOf(normal.Int("id")));

        var thisWeek = (await worker.GetJsonAsync("/api/v1/incidents?list=Mine&period=Week&pageSize=200")).GetProperty("items").EnumerateArray();
        Assert.Contains(thisWeek, i => i.Int("id") == urgent.Int("id"));

        foreach (var bad in new[] { "sort=Sideways", "urgency=Whenever", "period=Decade" })
        {
            var refused = await worker.GetAsync($"/api/v1/incidents?{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_desks_export_holds_the_filtered_list_keeps_formulas_as_text_and_is_recorded()
    {
        var worker = await app.ApiAsync("gridworker");
        var incident = await ReportAsync(worker, "地址像公式的上报", address: "=HYPERLINK(\"http://x\",\"点我\")");
        var browser = new Browser(app);
        await browser.SignInAsync("county", GridGovApp.Password);
        var response = await browser.GetAsync($"/incidents/export.xlsx?list=All&number={incident.Str("number")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = file.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(incident.Str("number"), row["编号"]);
        Assert.StartsWith("'=", row["地点"].ToString());
        Assert.Equal("待受理", row["状态"]);

        var log = await (await app.ApiAsync("auditor")).GetJsonAsync("/api/v1/exports?pageSize=200");
        var recorded = log.GetProperty("items").EnumerateArray().First(e => e.Str("userName") == "county" && e.Str("subject") == "incidents");
        Assert.Equal(1, recorded.Int("rows"));
        Assert.Contains(incident.Str("number"), recorded.Str("filter"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WorkspaceOnSqlite(SqliteApp app) : WorkspaceTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WorkspaceOnPostgres(PostgresApp app) : WorkspaceTests(app);
