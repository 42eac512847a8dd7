using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Modules.People.Domain;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests;

/// <summary>
/// Field work end to end through the API: visits against their plans, retries saved once, a
/// "moved away" that only staff can turn into a deregistration; campaigns with a frozen universe,
/// four-eyes exclusions, zero universes and a grid worker's view; home watches whose checks and tag
/// end with them; services counted from their records.
/// </summary>
public abstract class FieldWorkTests(GridGovApp app)
{
    private const string WorkerGrid = "14112710000130001";
    private const string Binhe = "141127100001";

    private static DateOnly Today => GridGov.Kernel.Time.ChinaTime.Today(TimeProvider.System);

    private static int _born;

    private static string Key() => Guid.NewGuid().ToString("N");

    /// <summary>A resident of the worker's grid who is not a head of household (the demo's own, put back on the register after the test).</summary>
    private Task<int> WorkerResidentAsync() => app.AsSystemAsync(db =>
        db.Set<Person>().Where(p => p.IsActive && p.RelationToHead != Relations.Head && p.Path.EndsWith(WorkerGrid + "/"))
            .OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync());

    private static async Task<JsonElement> PlanAsync(HttpClient client, string kind, int id, string purpose = "Routine", object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["subjectKind"] = kind, ["subjectId"] = id, ["purpose"] = purpose, ["anchor"] = Today.AddDays(-1).ToString("yyyy-MM-dd"),
            ["repeat"] = "Monthly", ["earlyDays"] = 3, ["lateDays"] = 5,
        };
        if (extra is not null) foreach (var p in extra.GetType().GetProperties()) body[p.Name] = p.GetValue(extra);
        return await client.PostJsonAsync("/api/v1/field/plans", body, HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_visit_counts_against_its_plan_is_flagged_when_unsure_and_a_retry_is_saved_once()
    {
        var grid = await Scratch.LevelThreeAsync(app);
        var households = await Scratch.HouseholdsAsync(app, grid, 1);
        var admin = await app.ApiAsync("admin");
        var plan = await PlanAsync(admin, "Household", households[0], "ElderlyAlone");
        Assert.True(plan.GetProperty("isDueThisWeek").GetBoolean());
        Assert.False(plan.GetProperty("isOverdue").GetBoolean());
        var photo = (await (await admin.PostAsync("/api/v1/field/photos", PhotoForm())).JsonAsync(HttpStatusCode.Created)).Str("name");
        var key = Key();
        var body = new
        {
            subjectKind = "Household", subjectId = households[0], planId = plan.Int("id"), outcome = "Met", notes = "老人身体尚可", photos = new[] { photo },
            longitude = 111.2, latitude = 37.5, accuracy = 500.0, clientKey = key,
        };
        var first = await admin.PostJsonAsync("/api/v1/field/visits", body, HttpStatusCode.Created);
        // The phone never saw the answer and sends again: the same visit answers, nothing is saved twice.
        var again = await admin.PostJsonAsync("/api/v1/field/visits", body, HttpStatusCode.OK);
        Assert.True(again.GetProperty("replayed").GetBoolean());
        Assert.Equal(first.GetProperty("visit").Int("id"), again.GetProperty("visit").Int("id"));
        var visits = await admin.GetJsonAsync($"/api/v1/field/visits?subjectKind=Household&subjectId={households[0]}");
        Assert.Equal(1, visits.Int("total"));
        var visit = first.GetProperty("visit");
        Assert.True(visit.GetProperty("impreciseLocation").GetBoolean());
        Assert.False(visit.GetProperty("outsideWindow").GetBoolean());
        Assert.Equal(Today.AddDays(-1).ToString("yyyy-MM-dd"), visit.Str("dueOn"));
        Assert.Equal(Today.AddDays(-1).AddMonths(1).ToString("yyyy-MM-dd"), first.GetProperty("plan").Str("nextDue"));
        var shown = await admin.GetAsync($"/api/v1/field/visits/{visit.Int("id")}/photos/{photo}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("image/png", shown.Content.Headers.ContentType?.MediaType);
        // A key reused for something else is refused, not replayed.
        await (await admin.PostAsJsonAsync("/api/v1/services", new { kind = "Other", need = "x", requester = "x", householdId = households[0], clientKey = key }))
            .ProblemAsync(HttpStatusCode.Conflict, "client_key_reused");
        // A flagged filter finds it; a precise visit is not flagged.
        var precise = await admin.PostJsonAsync("/api/v1/field/visits", new { subjectKind = "Household", subjectId = households[0], outcome = "Met",
            longitude = 111.2, latitude = 37.5, accuracy = 20.0 }, HttpStatusCode.Created);
        Assert.False(precise.GetProperty("visit").GetProperty("impreciseLocation").GetBoolean());
        var flagged = await admin.GetJsonAsync($"/api/v1/field/visits?subjectKind=Household&subjectId={households[0]}&flagged=true");
        Assert.Equal([visit.Int("id")], flagged.GetProperty("items").EnumerateArray().Select(v => v.Int("id")));
    }

    [Fact]
    public async Task Moved_away_proposes_a_deregistration_that_only_another_staff_member_confirms_through_the_ledger()
    {
        var person = await WorkerResidentAsync();
        var worker = await app.ApiAsync("gridworker");
        var community = await app.ApiAsync("community");
        var recorded = await worker.PostJsonAsync("/api/v1/field/visits", new { subjectKind = "Person", subjectId = person, outcome = "MovedAway",
            notes = "邻居说已去太原务工", destination = "太原市小店区", clientKey = Key() }, HttpStatusCode.Created);
        var proposalId = Assert.Single(recorded.GetProperty("visit").GetProperty("proposals").EnumerateArray()).GetInt32();
        // The worker may not decide what they proposed; the ledger is unchanged until staff do.
        await (await worker.PostAsJsonAsync($"/api/v1/field/proposals/{proposalId}/decision", new { confirm = true })).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
        Assert.Equal("Active", (await community.GetJsonAsync($"/api/v1/people/{person}")).Str("status"));
        var pending = await community.GetJsonAsync("/api/v1/field/proposals?pageSize=200");
        Assert.Contains(pending.GetProperty("items").EnumerateArray(), p => p.Int("id") == proposalId && p.Str("destination") == "太原市小店区");
        var decided = await community.PostJsonAsync($"/api/v1/field/proposals/{proposalId}/decision", new { confirm = true });
        Assert.Equal("Confirmed", decided.Str("state"));
        var after = await community.GetJsonAsync($"/api/v1/people/{person}");
        Assert.Equal("MovedAway", after.Str("status"));
        await (await community.PostAsJsonAsync($"/api/v1/field/proposals/{proposalId}/decision", new { confirm = false, reason = "x" }))
            .ProblemAsync(HttpStatusCode.Conflict, "proposal_decided");
        await community.PostJsonAsync($"/api/v1/people/{person}/reinstate", new { });
    }

    private static object Form => new object[]
    {
        new { key = "fever", label = "是否发热", type = "YesNo", required = true },
        new { key = "from", label = "来自", type = "Choice", choices = new[] { "省内", "省外" } },
    };

    [Fact]
    public async Task A_campaign_freezes_its_universe_and_coverage_stays_counted_against_it_while_people_move()
    {
        var grid = await Scratch.LevelThreeAsync(app);
        var community = grid[..12];
        var households = await Scratch.HouseholdsAsync(app, grid, 3);
        var admin = await app.ApiAsync("admin");
        // A second level-1 grid with nobody on it: a zero universe, "no target", never 100 %.
        var empty = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = community, name = "空" }, HttpStatusCode.Created)).Str("code");
        var campaign = await admin.PostJsonAsync("/api/v1/campaigns", new
        {
            name = "返乡人员排查", areaCode = community, population = "Households", from = Today.ToString("yyyy-MM-dd"),
            to = Today.AddDays(10).ToString("yyyy-MM-dd"), questions = Form,
        }, HttpStatusCode.Created);
        var id = campaign.Int("id");
        var started = await admin.PostJsonAsync($"/api/v1/campaigns/{id}/start", new { });
        Assert.Equal(3, started.Int("universeSubjects"));
        Assert.Equal(3, started.Int("universePeople"));
        await (await admin.PostAsJsonAsync($"/api/v1/campaigns/{id}/start", new { })).ProblemAsync(HttpStatusCode.Conflict, "campaign_not_draft");

        // After the start, a household moves away to another community and a new one arrives: the universe stays as frozen.
        var elsewhere = await Scratch.LevelThreeAsync(app);
        await admin.PostJsonAsync($"/api/v1/households/{households[2]}/move", new { gridCode = elsewhere });
        await Scratch.HouseholdsAsync(app, grid, 1);
        var subjects = await admin.GetJsonAsync($"/api/v1/campaigns/{id}/subjects?pageSize=50");
        Assert.Equal(3, subjects.Int("total"));
        var ids = subjects.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()).ToList();

        await (await admin.PostAsJsonAsync($"/api/v1/campaigns/{id}/subjects/{ids[0]}/steps", new { action = "Complete" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var key = Key();
        var done = new { action = "Complete", answers = new Dictionary<string, string> { ["fever"] = "no", ["from"] = "省外" }, clientKey = key };
        await admin.PostJsonAsync($"/api/v1/campaigns/{id}/subjects/{ids[0]}/steps", done);
        var retried = await admin.PostJsonAsync($"/api/v1/campaigns/{id}/subjects/{ids[0]}/steps", done);
        Assert.True(retried.GetProperty("replayed").GetBoolean());
        await admin.PostJsonAsync($"/api/v1/campaigns/{id}/subjects/{ids[1]}/steps", new { action = "NotAtHome" });

        var coverage = await admin.GetJsonAsync($"/api/v1/campaigns/{id}/coverage?area={community}");
        var total = coverage.GetProperty("total");
        Assert.Equal((3, 1, 1, 1), (total.Int("universe"), total.Int("done"), total.Int("notAtHome"), total.Int("pending")));
        Assert.Equal(33.3m, total.GetProperty("percent").GetDecimal());
        var parts = coverage.GetProperty("parts").EnumerateArray().ToDictionary(p => p.Str("code"));
        Assert.False(parts[empty].GetProperty("hasTarget").GetBoolean());
        Assert.Equal(JsonValueKind.Null, parts[empty].GetProperty("percent").ValueKind);
        Assert.Equal(3, parts.Values.Single(p => p.Str("code") != empty).Int("universe"));
        // The same figures for the township above, summed from the kept rows; the subjects listed match them.
        var town = (await admin.GetJsonAsync($"/api/v1/campaigns/{id}/coverage?area={Scratch.LiulinTown}")).GetProperty("total");
        Assert.Equal(1, town.Int("done"));
        Assert.Equal(1, (await admin.GetJsonAsync($"/api/v1/campaigns/{id}/subjects?state=Pending&under={community}")).Int("total"));

        var export = await admin.GetAsync($"/api/v1/campaigns/{id}/answers");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.True((await export.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task A_grid_worker_works_only_their_grids_list_and_an_exclusion_needs_another_persons_approval()
    {
        var community = await app.ApiAsync("community");
        var worker = await app.ApiAsync("gridworker");
        var campaign = await community.PostJsonAsync("/api/v1/campaigns", new
        {
            name = "滨河社区入户排查", areaCode = Binhe, population = "Households", from = Today.ToString("yyyy-MM-dd"),
            to = Today.AddDays(5).ToString("yyyy-MM-dd"), questions = Form,
        }, HttpStatusCode.Created);
        var id = campaign.Int("id");
        var started = await community.PostJsonAsync($"/api/v1/campaigns/{id}/start", new { });
        var all = await community.GetJsonAsync($"/api/v1/campaigns/{id}/subjects?pageSize=1");
        var mine = await worker.GetJsonAsync($"/api/v1/campaigns/{id}/subjects?pageSize=200");
        Assert.Equal(started.Int("universeSubjects"), all.Int("total"));
        Assert.True(mine.Int("total") > 0 && mine.Int("total") < all.Int("total"));
        Assert.All(mine.GetProperty("items").EnumerateArray(), s => Assert.EndsWith(WorkerGrid + "/", s.Str("gridPath")));
        // A subject on another grid is not found by the worker, by any verb.
        var other = (await community.GetJsonAsync($"/api/v1/campaigns/{id}/subjects?pageSize=200")).GetProperty("items").EnumerateArray()
            .First(s => !s.Str("gridPath").EndsWith(WorkerGrid + "/")).GetProperty("id").GetInt64();
        await (await worker.GetAsync($"/api/v1/campaigns/{id}/subjects/{other}")).ProblemAsync(HttpStatusCode.NotFound, "subject_not_found");
        await (await worker.PostAsJsonAsync($"/api/v1/campaigns/{id}/subjects/{other}/steps", new { action = "NotAtHome" }))
            .ProblemAsync(HttpStatusCode.NotFound, "subject_not_found");
        var myCoverage = (await worker.GetJsonAsync($"/api/v1/campaigns/{id}/coverage")).GetProperty("total");
        Assert.Equal(mine.Int("total"), myCoverage.Int("universe"));
        // The worker's home counts what is pending on their grid.
        var today = await worker.GetJsonAsync("/api/v1/field/today");
        Assert.Contains(today.GetProperty("campaigns").EnumerateArray(), c => c.Int("campaignId") == id && c.Int("pending") == mine.Int("total"));

        var subject = mine.GetProperty("items")[0].GetProperty("id").GetInt64();
        var requested = await worker.PostJsonAsync($"/api/v1/campaigns/{id}/subjects/{subject}/steps", new { action = "RequestExclusion", note = "房屋长期空置" });
        Assert.Equal("ExclusionRequested", requested.GetProperty("subject").Str("state"));
        await (await worker.PostAsJsonAsync($"/api/v1/campaigns/{id}/subjects/{subject}/steps", new { action = "ApproveExclusion" }))
            .ProblemAsync(HttpStatusCode.Conflict, "step_not_allowed");
        var approved = await community.PostJsonAsync($"/api/v1/campaigns/{id}/subjects/{subject}/steps", new { action = "ApproveExclusion" });
        Assert.Equal("Excluded", approved.GetProperty("subject").Str("state"));
        var coverage = (await worker.GetJsonAsync($"/api/v1/campaigns/{id}/coverage")).GetProperty("total");
        Assert.Equal((1, mine.Int("total") - 1), (coverage.Int("excluded"), coverage.Int("target")));
        await community.PostJsonAsync($"/api/v1/campaigns/{id}/close", new { });
        await (await worker.PostAsJsonAsync($"/api/v1/campaigns/{id}/subjects/{subject}/steps", new { action = "Reopen", note = "x" }))
            .ProblemAsync(HttpStatusCode.Conflict, "campaign_not_running");
    }

    [Fact]
    public async Task On_the_pages_a_grid_worker_sees_only_their_grids_list_and_a_form_posted_twice_is_saved_once()
    {
        var community = await app.ApiAsync("community");
        var api = await app.ApiAsync("gridworker");
        var id = (await community.PostJsonAsync("/api/v1/campaigns", new
        {
            name = "页面排查", areaCode = Binhe, population = "Households", from = Today.ToString("yyyy-MM-dd"), to = Today.AddDays(2).ToString("yyyy-MM-dd"),
            questions = Form,
        }, HttpStatusCode.Created)).Int("id");
        await community.PostJsonAsync($"/api/v1/campaigns/{id}/start", new { });
        var mine = await api.GetJsonAsync($"/api/v1/campaigns/{id}/subjects?pageSize=200");
        var other = (await community.GetJsonAsync($"/api/v1/campaigns/{id}/subjects?pageSize=200")).GetProperty("items").EnumerateArray()
            .First(s => !s.Str("gridPath").EndsWith(WorkerGrid + "/")).GetProperty("id").GetInt64();

        var worker = new Browser(app);
        await worker.SignInAsync("gridworker", GridGovApp.Password);
        var list = await (await worker.GetAsync($"/field/campaigns/{id}/subjects")).Content.ReadAsStringAsync();
        Assert.Contains($"data-testid=\"subject-count\" data-total=\"{mine.Int("total")}\"", list);
        var foreign = await (await worker.GetAsync($"/field/campaigns/{id}/subjects/{other}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"form-error\"", foreign);
        Assert.DoesNotContain("data-testid=\"subject-form\"", foreign);

        // The phone sends the same form twice (no answer came back the first time): one attempt, one count.
        var subject = mine.GetProperty("items")[0].GetProperty("id").GetInt64();
        var page = $"/field/campaigns/{id}/subjects/{subject}";
        var fields = new Dictionary<string, string> { ["clientKey"] = Key(), ["version"] = "0", ["step"] = "NotAtHome" };
        foreach (var _ in new[] { 1, 2 }) await worker.SubmitAsync(page, page, fields, handler: "subject");
        var after = await api.GetJsonAsync($"/api/v1/campaigns/{id}/subjects/{subject}");
        Assert.Equal(("NotAtHome", 1), (after.Str("state"), after.Int("attempts")));
        Assert.Equal(1, (await api.GetJsonAsync($"/api/v1/campaigns/{id}/coverage")).GetProperty("total").Int("notAtHome"));
    }

    [Fact]
    public async Task A_grid_worker_records_a_visit_on_no_plan_from_the_page_and_only_on_their_own_grid()
    {
        var (mine, other) = await app.AsSystemAsync(async db => (
            await db.Set<Household>().Where(h => h.IsActive && h.Path.EndsWith(WorkerGrid + "/")).OrderBy(h => h.Id).Select(h => h.Id).FirstAsync(),
            await db.Set<Household>().Where(h => h.IsActive && h.Path.Contains("/141127100002/")).OrderBy(h => h.Id).Select(h => h.Id).FirstAsync()));
        var api = await app.ApiAsync("gridworker");
        var before = (await api.GetJsonAsync($"/api/v1/field/visits?subjectKind=Household&subjectId={mine}")).Int("total");
        var worker = new Browser(app);
        await worker.SignInAsync("gridworker", GridGovApp.Password);
        var page = $"/field/visit?household={mine}";
        Assert.Contains("data-testid=\"visit-form\"", await (await worker.GetAsync(page)).Content.ReadAsStringAsync());
        await worker.SubmitAsync(page, page, new Dictionary<string, string> { ["outcome"] = "Met", ["notes"] = "路过顺访", ["clientKey"] = Key() }, handler: "visit");
        var visits = await api.GetJsonAsync($"/api/v1/field/visits?subjectKind=Household&subjectId={mine}");
        Assert.Equal(before + 1, visits.Int("total"));
        var visit = visits.GetProperty("items")[0];
        Assert.Equal(JsonValueKind.Null, visit.GetProperty("planId").ValueKind);
        Assert.Equal("路过顺访", visit.Str("notes"));
        // A household of another community is not found from the worker's page.
        var foreign = await (await worker.GetAsync($"/field/visit?household={other}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"form-error\"", foreign);
        Assert.DoesNotContain("data-testid=\"visit-form\"", foreign);
    }

    [Fact]
    public async Task A_watch_keeps_its_tag_and_daily_checks_and_both_end_with_it()
    {
        var grid = await Scratch.LevelThreeAsync(app);
        var households = await Scratch.HouseholdsAsync(app, grid, 1);
        var admin = await app.ApiAsync("admin");
        var person = (await admin.GetJsonAsync($"/api/v1/households/{households[0]}")).GetProperty("members")[0].Int("id");
        var watch = await admin.PostJsonAsync("/api/v1/watches", new
        {
            personId = person, type = "HealthMonitoring", from = Today.AddDays(-2).ToString("yyyy-MM-dd"), to = Today.AddDays(5).ToString("yyyy-MM-dd"),
            reason = "外省返乡", orderedBy = "县疾控中心",
        }, HttpStatusCode.Created);
        var id = watch.Int("id");
        Assert.True(watch.GetProperty("checkMissingToday").GetBoolean());
        await (await admin.PostAsJsonAsync("/api/v1/watches", new { personId = person, type = "HealthMonitoring", from = Today.ToString("yyyy-MM-dd"),
            to = Today.AddDays(3).ToString("yyyy-MM-dd"), reason = "x", orderedBy = "x" })).ProblemAsync(HttpStatusCode.Conflict, "watch_already_active");
        var tags = await admin.GetJsonAsync($"/api/v1/people/{person}/tags");
        var tag = tags.EnumerateArray().Single(t => t.Str("code") == "home_watch");
        Assert.True(tag.GetProperty("isActive").GetBoolean());
        Assert.Equal(Today.AddDays(5).ToString("yyyy-MM-dd"), tag.Str("validTo"));
        // The tag is the watch's: never attached or ended by hand.
        await (await admin.PostAsJsonAsync($"/api/v1/people/{person}/tags/{tag.Int("id")}/end", new { })).ProblemAsync(HttpStatusCode.Conflict, "tag_kept_by_programme");
        Assert.Contains((await admin.GetJsonAsync("/api/v1/watches?missingToday=true&pageSize=200")).GetProperty("items").EnumerateArray(), w => w.Int("id") == id);
        var counts = await admin.GetJsonAsync($"/api/v1/watches/counts?area={grid[..12]}");
        var row = Assert.Single(counts.EnumerateArray());
        Assert.Equal((1, 1), (row.Int("active"), row.Int("missingToday")));

        // Today's check done: not missing any more; the next is due tomorrow.
        var check = await admin.PostJsonAsync("/api/v1/field/visits", new { subjectKind = "Person", subjectId = person, planId = watch.Int("checkPlanId"),
            outcome = "Met", notes = "体温正常" }, HttpStatusCode.Created);
        // Two days of checks were missed: today's visit counts for today's check, in its window, and the missed ones stay missed.
        Assert.False(check.GetProperty("visit").GetProperty("outsideWindow").GetBoolean());
        Assert.Equal(Today.ToString("yyyy-MM-dd"), check.GetProperty("visit").Str("dueOn"));
        var after = await admin.GetJsonAsync($"/api/v1/watches/{id}");
        Assert.False(after.GetProperty("checkMissingToday").GetBoolean());
        Assert.Equal(0, Assert.Single((await admin.GetJsonAsync($"/api/v1/watches/counts?area={grid[..12]}")).EnumerateArray()).Int("missingToday"));
        Assert.Equal(Today.AddDays(1).ToString("yyyy-MM-dd"), after.Str("checkDue"));

        await admin.PostJsonAsync($"/api/v1/watches/{id}/steps", new { action = "Extend", to = Today.AddDays(9).ToString("yyyy-MM-dd"), reason = "复查未结束" });
        var ended = await admin.PostJsonAsync($"/api/v1/watches/{id}/steps", new { action = "End", on = Today.ToString("yyyy-MM-dd"), reason = "核酸阴性解除" });
        Assert.Equal("Ended", ended.Str("state"));
        var plan = await admin.GetJsonAsync($"/api/v1/field/plans/{watch.Int("checkPlanId")}");
        Assert.Equal("Finished", plan.Str("status"));
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("nextDue").ValueKind);
        var endedTag = (await admin.GetJsonAsync($"/api/v1/people/{person}/tags")).EnumerateArray().Single(t => t.Str("code") == "home_watch");
        Assert.Equal(Today.ToString("yyyy-MM-dd"), endedTag.Str("validTo"));
        await (await admin.PostAsJsonAsync($"/api/v1/watches/{id}/steps", new { action = "Extend", to = Today.AddDays(20).ToString("yyyy-MM-dd"), reason = "x" }))
            .ProblemAsync(HttpStatusCode.Conflict, "watch_ended");
    }

    [Fact]
    public async Task Services_go_from_asked_to_confirmed_and_are_counted_from_their_records()
    {
        var grid = await Scratch.LevelThreeAsync(app);
        var households = await Scratch.HouseholdsAsync(app, grid, 2);
        var admin = await app.ApiAsync("admin");
        var before = await admin.GetJsonAsync($"/api/v1/field/figures?area={grid[..12]}");
        var asked = await admin.PostJsonAsync("/api/v1/services", new { kind = "HomeSampling", need = "上门采样", requester = "王大妈", householdId = households[0],
            clientKey = Key() }, HttpStatusCode.Created);
        var id = asked.Int("id");
        await admin.PostJsonAsync($"/api/v1/services/{id}/steps", new { action = "Take" });
        await admin.PostJsonAsync($"/api/v1/services/{id}/steps", new { action = "Complete", note = "已采样送检" });
        var confirmed = await admin.PostJsonAsync($"/api/v1/services/{id}/steps", new { action = "Confirm", residentName = "王大妈" });
        Assert.Equal("Confirmed", confirmed.Str("state"));
        // "Mine" is open work: a service done and confirmed has left it.
        Assert.DoesNotContain((await admin.GetJsonAsync("/api/v1/services?mine=true&pageSize=200")).GetProperty("items").EnumerateArray(), s => s.Int("id") == id);
        // A service asked on the spot during a visit is saved with it.
        var visit = await admin.PostJsonAsync("/api/v1/field/visits", new { subjectKind = "Household", subjectId = households[1], outcome = "Met",
            service = new { kind = "BuyGoods", need = "米面油", requester = "李大爷" } }, HttpStatusCode.Created);
        var serviceId = visit.GetProperty("visit").Int("serviceRequestId");
        await admin.PostJsonAsync($"/api/v1/services/{serviceId}/steps", new { action = "Complete" });
        var figures = await admin.GetJsonAsync($"/api/v1/field/figures?area={grid[..12]}");
        Assert.Equal(before.Int("homeSampling") + 1, figures.Int("homeSampling"));
        Assert.Equal(before.Int("services") + 1, figures.Int("services"));
        Assert.Equal(before.Int("visits") + 1, figures.Int("visits"));
        Assert.Equal(1, figures.Int("workers"));
        await (await admin.PostAsJsonAsync($"/api/v1/services/{id}/steps", new { action = "Cancel", note = "x" })).ProblemAsync(HttpStatusCode.Conflict, "service_not_open");
    }

    [Fact]
    public async Task A_campaigns_answers_become_tags_and_watches_only_when_a_second_person_approves()
    {
        var community = await app.ApiAsync("community");
        var township = await app.ApiAsync("township");
        var worker = await app.ApiAsync("gridworker");
        var id = (await community.PostJsonAsync("/api/v1/campaigns", new
        {
            name = "发热排查", areaCode = Binhe, population = "Households", from = Today.ToString("yyyy-MM-dd"), to = Today.AddDays(3).ToString("yyyy-MM-dd"),
            questions = Form,
        }, HttpStatusCode.Created)).Int("id");
        await community.PostJsonAsync($"/api/v1/campaigns/{id}/start", new { });
        var mine = (await worker.GetJsonAsync($"/api/v1/campaigns/{id}/subjects?pageSize=3")).GetProperty("items").EnumerateArray().ToList();
        foreach (var (s, fever) in mine.Zip(new[] { "yes", "yes", "no" }))
            await worker.PostJsonAsync($"/api/v1/campaigns/{id}/subjects/{s.GetProperty("id").GetInt64()}/steps",
                new { action = "Complete", answers = new Dictionary<string, string> { ["fever"] = fever } });
        var people = new List<int>();
        foreach (var s in mine.Take(2))
            people.AddRange((await community.GetJsonAsync($"/api/v1/households/{s.Int("householdId")}")).GetProperty("members").EnumerateArray().Select(m => m.Int("id")));

        var proposed = await community.PostJsonAsync($"/api/v1/campaigns/{id}/taggings", new { questionKey = "fever", answer = "yes", tagCode = "home_watch" },
            HttpStatusCode.Created);
        Assert.Equal(2, proposed.Int("matching"));
        Assert.Equal(0, proposed.Int("applied"));
        await (await community.PostAsJsonAsync($"/api/v1/campaigns/{id}/taggings/{proposed.Int("id")}/decision", new { approve = true }))
            .ProblemAsync(HttpStatusCode.Conflict, "second_person_required");
        var watchesBefore = (await community.GetJsonAsync("/api/v1/watches?pageSize=200")).Int("total");
        var approved = await township.PostJsonAsync($"/api/v1/campaigns/{id}/taggings/{proposed.Int("id")}/decision", new { approve = true });
        Assert.Equal("Confirmed", approved.Str("state"));
        Assert.Equal(people.Count, approved.Int("applied"));
        var watches = await community.GetJsonAsync("/api/v1/watches?pageSize=200");
        Assert.Equal(watchesBefore + people.Count, watches.Int("total"));
        foreach (var person in people)
            Assert.Contains((await community.GetJsonAsync($"/api/v1/people/{person}/tags")).EnumerateArray(),
                t => t.Str("code") == "home_watch" && t.GetProperty("isActive").GetBoolean());
        var returnees = await community.PostJsonAsync($"/api/v1/campaigns/{id}/taggings", new { questionKey = "fever", answer = "no", tagCode = "returnee" },
            HttpStatusCode.Created);
        var declined = await township.PostJsonAsync($"/api/v1/campaigns/{id}/taggings/{returnees.Int("id")}/decision", new { approve = false });
        Assert.Equal(("Declined", 0), (declined.Str("state"), declined.Int("applied")));
    }

    [Fact]
    public async Task A_community_keeps_its_duty_roster_notices_and_no_epidemic_status()
    {
        var community = await app.ApiAsync("community");
        var day = Today.AddDays(Interlocked.Increment(ref _born) % 50 + 100).ToString("yyyy-MM-dd");
        var shift = await community.PostJsonAsync($"/api/v1/communities/{Binhe}/shifts", new { on = day, kind = "Night", leader = "王书记", onDuty = "李梅、张强" },
            HttpStatusCode.Created);
        await (await community.PostAsJsonAsync($"/api/v1/communities/{Binhe}/shifts", new { on = day, kind = "Night", leader = "x", onDuty = "x" }))
            .ProblemAsync(HttpStatusCode.Conflict, "shift_taken");
        var handed = await community.PostJsonAsync($"/api/v1/duty-shifts/{shift.Int("id")}/handover", new { note = "夜间无异常，3号楼独居老人已电话问候" });
        Assert.Equal("community", handed.Str("handedOverBy"));
        var roster = await community.GetJsonAsync($"/api/v1/communities/{Binhe}/shifts?from={day}&to={day}");
        Assert.Contains(roster.EnumerateArray(), s => s.Int("id") == shift.Int("id") && s.Str("handoverNote").StartsWith("夜间无异常"));
        await community.PostJsonAsync($"/api/v1/communities/{Binhe}/notices", new { kind = "Loudspeaker", title = "核酸检测通知", text = "明早8点在广场检测" },
            HttpStatusCode.Created);
        Assert.Contains((await community.GetJsonAsync($"/api/v1/communities/{Binhe}/notices")).GetProperty("items").EnumerateArray(), n => n.Str("title") == "核酸检测通知");
        // Another community's roster is not the community worker's to see.
        await (await community.GetAsync("/api/v1/communities/141127100002/shifts")).ProblemAsync(HttpStatusCode.NotFound, "area_not_found");

        var status = await community.GetJsonAsync($"/api/v1/communities/{Binhe}/epidemic-free");
        if (status.GetProperty("held").GetBoolean()) await community.PostJsonAsync($"/api/v1/communities/{Binhe}/epidemic-free/lose", new { reason = "重置" });
        var conditions = status.GetProperty("conditions").EnumerateArray().Select(c => c.GetString()!).ToList();
        var missing = await (await community.PostAsJsonAsync($"/api/v1/communities/{Binhe}/epidemic-free", new { conditions = conditions.Skip(1) }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("conditions_unchecked", missing.GetProperty("fieldCodes").Str("conditions"));
        var held = await community.PostJsonAsync($"/api/v1/communities/{Binhe}/epidemic-free", new { conditions });
        Assert.True(held.GetProperty("held").GetBoolean());
        Assert.Equal(Today.ToString("yyyy-MM-dd"), held.Str("attainedOn"));
        await (await community.PostAsJsonAsync($"/api/v1/communities/{Binhe}/epidemic-free", new { conditions })).ProblemAsync(HttpStatusCode.Conflict, "status_already_held");
    }

    private static MultipartFormDataContent PhotoForm()
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(TestImages.Png), "file", "door.png");
        return form;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FieldWorkOnSqlite(SqliteApp app) : FieldWorkTests(app);

[Collection(PostgresCollection.Name)]
public sealed class FieldWorkOnPostgres(PostgresApp app) : FieldWorkTests(app);
