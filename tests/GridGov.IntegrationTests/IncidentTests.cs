using GridGov.Data;
using GridGov.Kernel.Time;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Security;
using GridGov.Modules.Incidents.Application;
using GridGov.Modules.Incidents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.IntegrationTests;

public abstract class IncidentTests(GridGovApp app)
{
    private static readonly byte[] Png = TestImages.Png;

    private static async Task<string> UploadAsync(HttpClient client, byte[] bytes, string fileName = "photo.png", HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName } };
        var response = await client.PostAsync("/api/v1/incidents/photos", form);
        if (expected != HttpStatusCode.Created) return (await response.ProblemAsync(expected, expected == HttpStatusCode.UnsupportedMediaType ? "photo_not_image" : "photo_too_large")).Str("code");
        return (await response.JsonAsync(HttpStatusCode.Created)).Str("name");
    }

    private static async Task<JsonElement> ReportAsync(HttpClient worker, string category = "SAFE.GAS", IReadOnlyList<string>? photos = null) =>
        (await worker.PostJsonAsync("/api/v1/incidents", new
        {
            categoryCode = category, description = "燃气管道有异味", address = "滨河小区3号楼东侧", urgency = "Urgent", photos,
        }, HttpStatusCode.Created)).GetProperty("incident");

    private static Task<JsonElement> StepAsync(HttpClient client, int id, object step) =>
        client.PostJsonAsync($"/api/v1/incidents/{id}/steps", step);

    [Fact]
    public async Task A_report_goes_round_the_whole_loop_and_each_step_is_on_the_timeline_and_in_the_right_inbox()
    {
        var worker = await app.ApiAsync("gridworker");
        var photo = await UploadAsync(worker, Png);
        var incident = await ReportAsync(worker, photos: [photo]);
        var id = incident.Int("id");
        Assert.Matches(@"^SJ\d{8}\d{6}$", incident.Str("number"));
        Assert.Equal("Reported", incident.Str("state"));
        Assert.Equal("County", incident.Str("level"));
        Assert.Equal("EMERGENCY", incident.GetProperty("suggestion").Str("leadDepartmentCode"));
        Assert.Equal(Png, await (await worker.GetAsync($"/api/v1/incidents/{id}/photos/{photo}")).Content.ReadAsByteArrayAsync());

        var county = await app.ApiAsync("county");
        await StepAsync(county, id, new { action = "Accept" });
        // One action dispatches to the routing table's departments.
        var dispatched = await StepAsync(county, id, new { action = "Dispatch" });
        Assert.Equal(["EMERGENCY", "HOUSING"], dispatched.GetProperty("assignments").EnumerateArray().Select(a => a.Str("departmentCode")));

        var department = await app.ApiAsync("department");
        var inbox = await department.GetJsonAsync("/api/v1/notices");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.Str("subjectType") == "incident" && n.Str("subjectKey") == id.ToString() && n.Str("kind") == "dispatched");
        var mine = await department.GetJsonAsync("/api/v1/incidents?list=Department&pageSize=200");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), i => i.Int("id") == id);
        await StepAsync(department, id, new { action = "Acknowledge" });
        await StepAsync(department, id, new { action = "Progress", note = "已到现场关闭阀门" });
        var handled = await StepAsync(department, id, new { action = "Finish", note = "更换管段，复测无泄漏", photos = new[] { await UploadAsync(department, Png) } });
        Assert.Equal("Handled", handled.Str("state"));

        var toVerify = await worker.GetJsonAsync("/api/v1/incidents?list=ToVerify&pageSize=200");
        Assert.Contains(toVerify.GetProperty("items").EnumerateArray(), i => i.Int("id") == id);
        Assert.Contains((await worker.GetJsonAsync("/api/v1/notices")).GetProperty("items").EnumerateArray(), n => n.Str("subjectType") == "incident" && n.Str("subjectKey") == id.ToString() && n.Str("kind") == "to_verify");
        var closed = await StepAsync(worker, id, new { action = "VerifyPass", note = "现场复核无异味" });
        Assert.Equal("Closed", closed.Str("state"));
        Assert.True(closed.GetProperty("closedOnTime").GetBoolean());
        var visited = await StepAsync(county, id, new { action = "ReturnVisit", satisfaction = 5, note = "群众满意" });

        Assert.Equal(["Report", "Accept", "Dispatch", "Acknowledge", "Progress", "Finish", "VerifyPass", "ReturnVisit"],
            visited.GetProperty("timeline").EnumerateArray().Select(s => s.Str("action")));
        var report = visited.GetProperty("timeline")[0];
        Assert.Equal("gridworker", report.Str("by"));
        Assert.Equal([photo], report.GetProperty("photos").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["Reopen"], visited.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task An_illegal_step_answers_409_with_the_steps_allowed_and_a_stale_version_409()
    {
        var worker = await app.ApiAsync("gridworker");
        var id = (await ReportAsync(worker)).Int("id");
        var county = await app.ApiAsync("county");
        var problem = await (await county.PostAsJsonAsync($"/api/v1/incidents/{id}/steps", new { action = "VerifyPass" }))
            .ProblemAsync(HttpStatusCode.Conflict, "incident_illegal_transition");
        Assert.Equal("Reported", problem.Str("state"));
        Assert.Equal(["Accept", "Reject", "MergeInto", "Escalate"], problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        await (await worker.PostAsJsonAsync($"/api/v1/incidents/{id}/steps", new { action = "Accept" }))
            .ProblemAsync(HttpStatusCode.Conflict, "incident_illegal_transition");

        var version = (await county.GetJsonAsync($"/api/v1/incidents/{id}")).Int("version");
        await StepAsync(county, id, new { action = "Accept", version });
        await (await county.PostAsJsonAsync($"/api/v1/incidents/{id}/steps", new { action = "Reject", note = "重复", version }))
            .ProblemAsync(HttpStatusCode.Conflict, "concurrency_conflict");
    }

    [Fact]
    public async Task A_note_longer_than_its_column_is_a_field_error_on_either_provider_and_nothing_is_stored()
    {
        var worker = await app.ApiAsync("gridworker");
        var id = (await ReportAsync(worker)).Int("id");
        var county = await app.ApiAsync("county");
        var problem = await (await county.PostAsJsonAsync($"/api/v1/incidents/{id}/steps", new { action = "Reject", note = new string('长', 2001) }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("too_long", problem.GetProperty("fieldCodes").Str("note"));
        Assert.Equal("Reported", (await county.GetJsonAsync($"/api/v1/incidents/{id}")).Str("state"));
        var limit = await county.PostJsonAsync($"/api/v1/incidents/{id}/steps", new { action = "Reject", note = new string('长', 2000) });
        Assert.Equal("Rejected", limit.Str("state"));
    }

    [Fact]
    public async Task Of_two_steps_taken_at_once_on_one_incident_exactly_one_wins()
    {
        var worker = await app.ApiAsync("gridworker");
        var id = (await ReportAsync(worker)).Int("id");
        var (a, b) = (await app.ApiAsync("county"), await app.ApiAsync("admin"));
        var answers = await Task.WhenAll(
            a.PostAsJsonAsync($"/api/v1/incidents/{id}/steps", new { action = "Accept" }),
            b.PostAsJsonAsync($"/api/v1/incidents/{id}/steps", new { action = "Accept" }));
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Conflict);
        var timeline = (await a.GetJsonAsync($"/api/v1/incidents/{id}")).GetProperty("timeline");
        Assert.Equal(2, timeline.GetArrayLength());
    }

    [Fact]
    public async Task A_step_saved_over_a_newer_version_of_the_incident_is_refused()
    {
        var id = (await ReportAsync(await app.ApiAsync("gridworker"))).Int("id");
        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();
        var (a, b) = (Open(first), Open(second));
        var (one, two) = (await a.Set<Incident>().SingleAsync(i => i.Id == id), await b.Set<Incident>().SingleAsync(i => i.Id == id));
        var now = DateTime.UtcNow;
        one.Accept([Actor.Dispatcher], "a", now, now.AddHours(2));
        two.Reject([Actor.Dispatcher], "b", now, "不属实");
        a.Entry(one).State = EntityState.Modified;
        b.Entry(two).State = EntityState.Modified;
        await a.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());

        static GridGov.Data.GridGovDbContext Open(IServiceScope scope)
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
            return scope.ServiceProvider.GetRequiredService<GridGov.Data.GridGovDbContext>();
        }
    }

    [Fact]
    public async Task A_department_sees_only_incidents_dispatched_to_it_and_a_grid_worker_only_their_grid()
    {
        var worker = await app.ApiAsync("gridworker");
        var county = await app.ApiAsync("county");
        var ours = (await ReportAsync(worker)).Int("id");
        var theirs = (await ReportAsync(worker, "CITY.LIGHT")).Int("id");
        foreach (var id in new[] { ours, theirs }) await StepAsync(county, id, new { action = "Accept" });
        await StepAsync(county, ours, new { action = "Dispatch" });
        await StepAsync(county, theirs, new { action = "Dispatch" });

        var department = await app.ApiAsync("department");
        await department.GetJsonAsync($"/api/v1/incidents/{ours}");
        await (await department.GetAsync($"/api/v1/incidents/{theirs}")).ProblemAsync(HttpStatusCode.NotFound, "incident_not_found");
        await (await department.PostAsJsonAsync($"/api/v1/incidents/{theirs}/steps", new { action = "Acknowledge" }))
            .ProblemAsync(HttpStatusCode.NotFound, "incident_not_found");
        var all = await department.GetJsonAsync("/api/v1/incidents?pageSize=200");
        Assert.DoesNotContain(all.GetProperty("items").EnumerateArray(), i => i.Int("id") == theirs);
        Assert.Contains(all.GetProperty("items").EnumerateArray(), i => i.Int("id") == ours);

        // Sent back as the wrong department, it leaves the department's sight.
        var sentBack = await StepAsync(department, ours, new { action = "SendBack", note = "不属于应急局职责" });
        Assert.Equal("Accepted", sentBack.Str("state"));
        Assert.Empty(sentBack.GetProperty("allowedActions").EnumerateArray());
        await (await department.GetAsync($"/api/v1/incidents/{ours}")).ProblemAsync(HttpStatusCode.NotFound, "incident_not_found");

        // An auditor reads but takes no step; another township's staff neither see nor report here.
        var auditor = await app.ApiAsync("auditor");
        await auditor.GetJsonAsync($"/api/v1/incidents/{theirs}");
        await (await auditor.PostAsJsonAsync($"/api/v1/incidents/{theirs}/steps", new { action = "Reject", note = "x" }))
            .ProblemAsync(HttpStatusCode.Conflict, "incident_illegal_transition");
        var neighbour = await NeighbourGridWorkerAsync();
        await (await neighbour.GetAsync($"/api/v1/incidents/{ours}")).ProblemAsync(HttpStatusCode.NotFound, "incident_not_found");
        Assert.DoesNotContain((await neighbour.GetJsonAsync("/api/v1/incidents?pageSize=200")).GetProperty("items").EnumerateArray(), i => i.Int("id") == ours);
        await (await neighbour.PostAsJsonAsync("/api/v1/incidents", new { categoryCode = "SAFE.GAS", description = "x", address = "y", gridCode = "14112710000130001" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    /// <summary>A grid worker of the next grid along, made once per database.</summary>
    private async Task<HttpClient> NeighbourGridWorkerAsync()
    {
        const string name = "neighbourgw";
        if (!await app.AsSystemAsync(db => db.Users.AnyAsync(u => u.UserName == name)))
        {
            var admin = await app.ApiAsync("security");
            await (await admin.PostAsJsonAsync("/api/v1/users", new
            {
                userName = name, displayName = "邻格网格员", roles = new[] { Roles.GridWorker }, captureScopeCode = "14112710000130002",
                password = GridGovApp.Password,
            })).JsonAsync(HttpStatusCode.Created);
        }
        return await app.ApiAsync(name);
    }

    [Fact]
    public async Task Photos_are_checked_by_their_bytes_and_their_size()
    {
        var worker = await app.ApiAsync("gridworker");
        Assert.Equal("photo_not_image", await UploadAsync(worker, "GIF89a-not-allowed"u8.ToArray(), "x.png", HttpStatusCode.UnsupportedMediaType));
        Assert.Equal("photo_not_image", await UploadAsync(worker, "%PDF-1.7 pretending"u8.ToArray(), "x.jpg", HttpStatusCode.UnsupportedMediaType));
        var big = new byte[300 * 1024];
        Png.CopyTo(big, 0);
        Assert.Equal("photo_too_large", await UploadAsync(worker, big, "big.png", HttpStatusCode.RequestEntityTooLarge));
        var department = await app.ApiAsync("department");
        var othersPhoto = await UploadAsync(department, Png);
        await (await worker.PostAsJsonAsync("/api/v1/incidents", new { categoryCode = "SAFE.GAS", description = "x", address = "y", photos = new[] { othersPhoto } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var stored = Directory.GetFiles(Path.Combine(Path.GetTempPath(), "gridgov-test-photos"), othersPhoto);
        Assert.Single(stored);

        // Where the photo was taken stays on the phone.
        var name = await UploadAsync(worker, TestImages.JpegWithSegment(0xE1, "Exif\0\0GPS 37.87N 111.56E"), "scene.jpg");
        Assert.EndsWith(".jpg", name);
        var id = (await ReportAsync(worker, photos: [name])).Int("id");
        var served = await (await worker.GetAsync($"/api/v1/incidents/{id}/photos/{name}")).Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8], served[..2]);
        Assert.DoesNotContain("GPS 37.87N", System.Text.Encoding.ASCII.GetString(served));

        // A photo belongs to the incident that claimed it: under another incident's address it is not found.
        var other = (await ReportAsync(worker)).Int("id");
        await (await worker.GetAsync($"/api/v1/incidents/{other}/photos/{name}")).ProblemAsync(HttpStatusCode.NotFound, "photo_not_found");
        await (await worker.GetAsync($"/api/v1/incidents/{id}/photos/{othersPhoto}")).ProblemAsync(HttpStatusCode.NotFound, "photo_not_found");
    }

    [Fact]
    public async Task The_deadline_sweep_marks_overdue_steps_tells_the_centre_and_escalates_what_stays_overdue()
    {
        var worker = await app.ApiAsync("gridworker");
        var id = (await ReportAsync(worker, "ENV.GARBAGE")).Int("id");
        var reported = await worker.GetJsonAsync($"/api/v1/incidents/{id}");
        Assert.Equal("Township", reported.Str("level"));
        var due = reported.GetProperty("stepDueAt").GetDateTime().ToUniversalTime();

        await RunSweepAsync(due.AddMinutes(1));
        var overdue = await worker.GetJsonAsync($"/api/v1/incidents/{id}");
        Assert.True(overdue.GetProperty("isOverdue").GetBoolean());
        Assert.Equal("Township", overdue.Str("level"));
        await RunSweepAsync(due.AddHours(25));
        var escalated = await worker.GetJsonAsync($"/api/v1/incidents/{id}");
        Assert.Equal(("County", "Accepted", 1), (escalated.Str("level"), escalated.Str("state"), escalated.Int("escalationCount")));
        Assert.Equal(["Report", "MarkOverdue", "Escalate"], escalated.GetProperty("timeline").EnumerateArray().Select(s => s.Str("action")));
        var county = await app.ApiAsync("county");
        var queue = await county.GetJsonAsync("/api/v1/incidents?list=Queue&pageSize=200");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.Int("id") == id);
        Assert.Contains((await county.GetJsonAsync("/api/v1/notices?pageSize=200")).GetProperty("items").EnumerateArray(),
            n => n.Str("subjectType") == "incident" && n.Str("subjectKey") == id.ToString() && n.Str("kind") == "escalated");
    }

    private async Task RunSweepAsync(DateTime now)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync(now, CancellationToken.None);
    }

    [Fact]
    public async Task Metrics_count_in_the_database_by_category_and_every_number_opens_its_list()
    {
        var worker = await app.ApiAsync("gridworker");
        var county = await app.ApiAsync("county");
        var rejected = (await ReportAsync(worker, "LIFE.ELDERLY")).Int("id");
        var escalated = (await ReportAsync(worker, "LIFE.ELDERLY")).Int("id");
        await StepAsync(county, rejected, new { action = "Reject", note = "重复上报" });
        await StepAsync(county, escalated, new { action = "Accept" });
        await StepAsync(county, escalated, new { action = "Escalate", note = "需乡镇协调" });
        var small = (await ReportAsync(worker, "DISPUTE.NEIGHBOR")).Int("id");
        var resolved = await StepAsync(worker, small, new { action = "SelfResolve", note = "已调解，双方签字", photos = new[] { await UploadAsync(worker, Png) } });
        Assert.Equal(("Closed", true), (resolved.Str("state"), resolved.GetProperty("selfResolved").GetBoolean()));

        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        var metrics = await county.GetJsonAsync($"/api/v1/incidents/metrics?area=141127000000&from={today}&to={today}");
        JsonElement Row(string key) => metrics.GetProperty("byCategory").EnumerateArray().Single(r => r.Str("key") == key).GetProperty("rates");
        var life = Row("LIFE");
        Assert.Equal((2, 1, 0, 1), (life.Int("reported"), life.Int("accepted"), life.Int("closed"), life.Int("escalations")));
        Assert.Equal(0.0, life.GetProperty("closureRate").GetDouble());
        Assert.Equal(JsonValueKind.Null, life.GetProperty("onTimeRate").ValueKind);
        var dispute = Row("DISPUTE");
        Assert.Equal((1, 1, 1), (dispute.Int("reported"), dispute.Int("closed"), dispute.Int("selfResolved")));
        Assert.Equal(100.0, dispute.GetProperty("selfResolutionRate").GetDouble());
        Assert.Equal(100.0, dispute.GetProperty("onTimeRate").GetDouble());
        Assert.True(metrics.GetProperty("total").Int("reported") >= 3);

        var escalatedList = await county.GetJsonAsync($"/api/v1/incidents?group=LIFE&measure=Escalated&from={today}&to={today}");
        Assert.Equal([escalated], escalatedList.GetProperty("items").EnumerateArray().Select(i => i.Int("id")));
        var selfResolved = await county.GetJsonAsync($"/api/v1/incidents?group=DISPUTE&measure=SelfResolved&area=141127000000");
        Assert.Equal([small], selfResolved.GetProperty("items").EnumerateArray().Select(i => i.Int("id")));
        Assert.Equal(0, (await county.GetJsonAsync($"/api/v1/incidents?group=LIFE&from=2026-01-01&to=2026-01-31")).Int("total"));

        await (await (await app.ApiAsync("department")).GetAsync("/api/v1/incidents/metrics")).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task The_monthly_tallies_follow_every_step_and_agree_with_a_recount_of_the_incidents()
    {
        var worker = await app.ApiAsync("gridworker");
        var county = await app.ApiAsync("county");
        var department = await app.ApiAsync("department");
        var looped = (await ReportAsync(worker)).Int("id");
        foreach (var (who, step) in new (HttpClient, object)[]
        {
            (county, new { action = "Accept" }), (county, new { action = "Dispatch" }), (department, new { action = "Acknowledge" }),
            (department, new { action = "Finish", note = "已处置" }), (worker, new { action = "VerifyFail", note = "未整改到位" }),
            (department, new { action = "Finish", note = "再次处置" }), (worker, new { action = "VerifyPass" }),
        })
            await StepAsync(who, looped, step);
        var moved = (await ReportAsync(worker, "ENV.GARBAGE")).Int("id");
        await StepAsync(county, moved, new { action = "Accept" });
        await StepAsync(county, moved, new { action = "Dispatch", leadDepartmentCode = "EMERGENCY" });
        await StepAsync(county, moved, new { action = "Reassign", leadDepartmentCode = "HOUSING", assistingDepartmentCodes = Array.Empty<string>() });
        await StepAsync(county, (await ReportAsync(worker, "CITY.LIGHT")).Int("id"), new { action = "Reject", note = "重复上报" });
        await RunSweepAsync(DateTime.UtcNow.AddDays(30));

        // Saves only write changes; folding adds them into the tallies.
        Assert.True(await app.AsSystemAsync(db => db.Set<IncidentTallyChange>().IgnoreQueryFilters().AnyAsync()));
        await app.AsSystemAsync(db => IncidentTallies.FoldAsync(db, CancellationToken.None));
        Assert.False(await app.AsSystemAsync(db => db.Set<IncidentTallyChange>().IgnoreQueryFilters().AnyAsync()));
        var kept = await TalliesAsync();
        foreach (var grain in Enum.GetNames<TallyGrain>())
            Assert.Contains(kept, t => t.Key.StartsWith(grain + "|") && t.Key.EndsWith("|SAFE|EMERGENCY") && t.Value.Rework > 0);
        await app.AsSystemAsync(db => IncidentTallies.RebuildAsync(db, CancellationToken.None));
        var recounted = await TalliesAsync();
        Assert.Equal(recounted.Keys.Order(), kept.Keys.Order());
        foreach (var (key, figures) in recounted) Assert.Equivalent(figures, kept[key], strict: true);
    }

    [Fact]
    public async Task Folding_while_reports_come_in_loses_and_doubles_nothing()
    {
        var worker = await app.ApiAsync("gridworker");
        var reporting = Task.WhenAll(Enumerable.Range(0, 12).Select(_ => ReportAsync(worker, "HEALTH.WATCH")));
        while (!reporting.IsCompleted) await app.AsSystemAsync(db => IncidentTallies.FoldAsync(db, CancellationToken.None));
        await reporting;
        await app.AsSystemAsync(db => IncidentTallies.FoldAsync(db, CancellationToken.None));

        var kept = await TalliesAsync();
        await app.AsSystemAsync(db => IncidentTallies.RebuildAsync(db, CancellationToken.None));
        var recounted = await TalliesAsync();
        Assert.Contains(recounted, t => t.Key.EndsWith("|HEALTH|") && t.Value.Reported >= 12);
        foreach (var (key, figures) in recounted) Assert.Equivalent(figures, kept[key], strict: true);
    }

    /// <summary>Every tally row that counts anything, keyed by grain, period, place, group and department.</summary>
    private Task<Dictionary<string, IncidentTally>> TalliesAsync() => app.AsSystemAsync(async db =>
        (await db.Set<IncidentTally>().IgnoreQueryFilters().AsNoTracking().Where(t => t.Reported != 0).ToListAsync())
            .ToDictionary(t => $"{t.Grain}|{t.Period}|{t.Path}|{t.CategoryGroup}|{t.LeadDepartmentCode}"));

    [Fact]
    public async Task Metrics_read_from_the_tallies_still_match_their_lists()
    {
        var worker = await app.ApiAsync("gridworker");
        var county = await app.ApiAsync("county");
        var closed = (await ReportAsync(worker, "ENV.LITTER")).Int("id");
        await StepAsync(worker, closed, new { action = "SelfResolve", note = "已调解", photos = new[] { await UploadAsync(worker, Png) } });
        await StepAsync(county, (await ReportAsync(worker, "CITY.ROAD")).Int("id"), new { action = "Accept" });

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var month = new DateOnly(today.Year, today.Month, 1);
        // A whole month; a whole month with days of the month before; and a period inside one month, counted from the rows.
        foreach (var (from, to) in new[] { (month, month.AddMonths(1).AddDays(-1)), (month.AddDays(-3), month.AddMonths(1).AddDays(-1)), (month, today) })
        {
            // A county and a township read daily tallies, a village the monthly ones, and a grid worker's grid only the incidents.
            foreach (var (who, area) in new[] { (county, "141127000000"), (county, "141127100000"), (county, "141127100001"), (worker, null) })
            {
                var period = $"{(area is null ? "" : $"area={area}&")}from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
                var total = (await who.GetJsonAsync($"/api/v1/incidents/metrics?{period}")).GetProperty("total");
                Assert.True(total.Int("reported") >= 2);
                foreach (var (measure, field) in new[] { ("Reported", "reported"), ("Accepted", "accepted"), ("Closed", "closed"),
                    ("ClosedOnTime", "closedOnTime"), ("Rework", "rework"), ("Extended", "extended"), ("Escalated", "escalated"),
                    ("SelfResolved", "selfResolved"), ("Overdue", "overdue") })
                    Assert.Equal(total.Int(field), (await who.GetJsonAsync($"/api/v1/incidents?measure={measure}&{period}")).Int("total"));
            }
        }
    }

    [Fact]
    public async Task A_county_and_a_township_read_their_daily_tallies_and_a_village_the_monthly_ones_for_whole_months()
    {
        await ReportAsync(await app.ApiAsync("gridworker"), "CITY.WATER");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        // Rows marked by grain show which source answered.
        var marks = new Dictionary<TallyGrain, int>
        {
            [TallyGrain.CountyDay] = 1000, [TallyGrain.TownshipDay] = 10000, [TallyGrain.CommunityMonth] = 100000, [TallyGrain.CountyMonth] = 1000000,
        };
        await app.AsSystemAsync(db => IncidentTallies.FoldAsync(db, CancellationToken.None));
        foreach (var (grain, mark) in marks)
        {
            var period = IncidentTallyRow.PeriodOf(grain, today);
            await app.AsSystemAsync(db => db.Set<IncidentTally>().IgnoreQueryFilters().Where(t => t.Grain == grain && t.Period == period)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.Reported, t => t.Reported + mark)));
        }
        try
        {
            var county = await app.ApiAsync("county");
            async Task<int> ReportedAsync(string area, DateOnly from, DateOnly to) =>
                (await county.GetJsonAsync($"/api/v1/incidents/metrics?area={area}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")).GetProperty("total").Int("reported");
            var first = new DateOnly(today.Year, today.Month, 1);
            Assert.InRange(await ReportedAsync("141127000000", today, today), 1000, 9999);
            // A county's whole months are read from its month tallies, the days around them from its day tallies.
            Assert.InRange(await ReportedAsync("141127000000", first, first.AddMonths(1).AddDays(-1)), 1000000, 9999999);
            Assert.InRange(await ReportedAsync("141127000000", first.AddMonths(-1), today), 1000, 9999);
            Assert.InRange(await ReportedAsync("141127100000", today, today), 10000, 99999);
            Assert.InRange(await ReportedAsync("141127100001", first, first.AddMonths(1).AddDays(-1)), 100000, int.MaxValue);
            Assert.InRange(await ReportedAsync("141127100001", today, today), 1, 999);
        }
        finally
        {
            await app.AsSystemAsync(db => IncidentTallies.RebuildAsync(db, CancellationToken.None));
        }
    }

    [Fact]
    public async Task An_open311_client_lists_services_creates_a_request_and_follows_it_to_closed()
    {
        var client = await app.ApiAsync("county");
        var services = await client.GetJsonAsync("/open311/v2/services.json");
        Assert.Contains(services.EnumerateArray(), s => s.Str("service_code") == "CITY.LIGHT" && s.Str("group") == "市政设施");

        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["service_code"] = "CITY.LIGHT", ["description"] = "路灯不亮", ["address_string"] = "滨河路与东关街路口",
            ["address_id"] = "14112710000130001", ["first_name"] = "市民", ["phone"] = "13800001111",
        });
        var created = await (await client.PostAsync("/open311/v2/requests.json", form)).JsonAsync(HttpStatusCode.Created);
        var id = created[0].Str("service_request_id");
        Assert.StartsWith("SJ", created[0].Str("service_notice"));
        var request = (await client.GetJsonAsync($"/open311/v2/requests/{id}.json"))[0];
        Assert.Equal(("open", "CITY.LIGHT", "滨河路与东关街路口"), (request.Str("status"), request.Str("service_code"), request.Str("address")));
        var incident = await client.GetJsonAsync($"/api/v1/incidents/{id}");
        Assert.Equal("Open311", incident.Str("source"));
        Assert.Equal("138****1111", incident.Str("contactPhone"));

        await StepAsync(client, int.Parse(id), new { action = "Reject", note = "已由供电公司修复" });
        var closed = (await client.GetJsonAsync($"/open311/v2/requests.json?service_request_id={id}"))[0];
        Assert.Equal(("closed", "已由供电公司修复"), (closed.Str("status"), closed.Str("status_notes")));
        Assert.Contains((await client.GetJsonAsync("/open311/v2/requests.json?service_code=CITY.LIGHT&status=closed")).EnumerateArray(),
            r => r.Str("service_request_id") == id);

        // Placed by its coordinates when the grid is drawn; refused when no grid in scope holds them.
        var boundary = await app.AsSystemAsync(db => db.Set<GridGov.Modules.Territory.Domain.Grid>()
            .Where(g => g.Code == "14112710000130001").Select(g => g.BoundaryGeoJson).SingleAsync());
        if (boundary is not null)
        {
            var centre = GridGov.Modules.Territory.Application.GeoJson.Read(boundary)!.InteriorPoint;
            var byPoint = await (await client.PostAsJsonAsync("/open311/v2/requests.json", new Dictionary<string, string>
            {
                ["service_code"] = "CITY.LIGHT", ["description"] = "路灯不亮", ["address_string"] = "x",
                ["lat"] = centre.Y.ToString(System.Globalization.CultureInfo.InvariantCulture), ["long"] = centre.X.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })).JsonAsync(HttpStatusCode.Created);
            var placed = await client.GetJsonAsync($"/api/v1/incidents/{byPoint[0].Str("service_request_id")}");
            var gridId = await app.AsSystemAsync(db => db.Set<GridGov.Modules.Territory.Domain.Grid>().Where(g => g.Code == "14112710000130001").Select(g => g.Id).SingleAsync());
            Assert.Equal(gridId, placed.Int("gridId"));
        }
        var nowhere = await client.PostAsJsonAsync("/open311/v2/requests.json", new Dictionary<string, string>
        {
            ["service_code"] = "CITY.LIGHT", ["description"] = "x", ["address_string"] = "x", ["lat"] = "0", ["long"] = "0",
        });
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        Assert.Equal(400, (await nowhere.JsonAsync(HttpStatusCode.BadRequest))[0].Int("code"));
        // Reading is public, as GeoReport makes it.
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/open311/v2/services.json")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_enters_a_later_year_and_working_day_deadlines_count_with_it()
    {
        var admin = await app.ApiAsync("admin");
        Assert.Equal(39, (await admin.GetJsonAsync("/api/v1/calendar/2026")).GetArrayLength());
        Assert.Equal(0, (await admin.GetJsonAsync("/api/v1/calendar/2031")).GetArrayLength());
        await (await admin.PutAsJsonAsync("/api/v1/calendar/days/2031-01-01", new { kind = "Holiday", name = "元旦" })).JsonAsync();
        await (await admin.PutAsJsonAsync("/api/v1/calendar/days/2031-01-02", new { kind = "Workday", name = "误录" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var county = await app.ApiAsync("county");
        await (await county.PutAsJsonAsync("/api/v1/calendar/days/2031-01-03", new { kind = "Holiday", name = "x" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
        Assert.Equal(["元旦"], (await county.GetJsonAsync("/api/v1/calendar/2031")).EnumerateArray().Select(d => d.Str("name")));

        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
            var calendar = await scope.ServiceProvider.GetRequiredService<GridGov.Data.HolidayCalendar>().CalendarAsync(CancellationToken.None);
            // Tuesday 31 December 2030 + 1 working day: Wednesday 1 January 2031 is now a holiday, so Thursday.
            var start = new DateTime(2030, 12, 31, 2, 0, 0, DateTimeKind.Utc);
            Assert.Equal(new DateTime(2031, 1, 2, 16, 0, 0, DateTimeKind.Utc), calendar.DueAt(start, TimeLimit.WorkingDays(1)));
        }
        var history = await app.AsSystemAsync(db => db.Set<ChangeRecord>().CountAsync(c => c.EntityType == "CalendarDay" && c.UserName == "admin"));
        Assert.Equal(1, history);
        (await admin.DeleteAsync("/api/v1/calendar/days/2031-01-01")).EnsureSuccessStatusCode();
        Assert.Equal(0, (await admin.GetJsonAsync("/api/v1/calendar/2031")).GetArrayLength());
    }

    [Fact]
    public async Task The_catalogue_is_configurable_and_its_items_can_be_reported()
    {
        // The catalogue is shared by every county: its owner edits it, a county may not.
        var county = await app.ApiAsync("admin");
        await (await (await app.ApiAsync("county")).PutAsJsonAsync("/api/v1/incident-categories/CITY.BENCH2", new { parentCode = "CITY", name = "x", englishName = "x" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
        var added = await (await county.PutAsJsonAsync("/api/v1/incident-categories/CITY.BENCH", new { parentCode = "CITY", name = "公共座椅", englishName = "Public benches" })).JsonAsync();
        Assert.Equal("CITY", added.Str("parentCode"));
        await (await county.PutAsJsonAsync("/api/v1/incident-categories/ENV.BENCH", new { parentCode = "CITY", name = "x", englishName = "x" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await (await app.ApiAsync("gridworker")).PutAsJsonAsync("/api/v1/incident-categories/CITY.X", new { parentCode = "CITY", name = "x", englishName = "x" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
        var incident = await ReportAsync(await app.ApiAsync("gridworker"), "CITY.BENCH");
        Assert.Equal("County", incident.Str("level")); // the group's route covers the new item
        await (await county.PutAsJsonAsync("/api/v1/incident-categories/CITY.BENCH", new { parentCode = "CITY", name = "公共座椅", englishName = "Public benches", isActive = false })).JsonAsync();
        Assert.DoesNotContain((await county.GetJsonAsync("/api/v1/incident-categories")).EnumerateArray(), c => c.Str("code") == "CITY.BENCH");
        await (await (await app.ApiAsync("gridworker")).PostAsJsonAsync("/api/v1/incidents", new { categoryCode = "CITY.BENCH", description = "x", address = "y" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task The_county_routes_a_category_its_own_way_and_the_change_is_kept_in_history()
    {
        var county = await app.ApiAsync("county");
        var route = new
        {
            categoryCode = "CITY.MANHOLE", areaCode = "141127000000", level = "Township", leadDepartmentCode = "URBAN",
            assistingDepartmentCodes = new[] { "HOUSING" },
            limits = new
            {
                accept = new { amount = 1, unit = "CalendarHours" }, acknowledge = new { amount = 1, unit = "CalendarHours" },
                handle = new { amount = 2, unit = "WorkingDays" }, verify = new { amount = 1, unit = "WorkingDays" },
            },
        };
        await (await county.PutAsJsonAsync("/api/v1/routing-rules", route)).JsonAsync();
        var worker = await app.ApiAsync("gridworker");
        var incident = await ReportAsync(worker, "CITY.MANHOLE");
        Assert.Equal("Township", incident.Str("level"));
        Assert.Equal("URBAN", incident.GetProperty("suggestion").Str("leadDepartmentCode"));
        var history = await app.AsSystemAsync(db => db.Set<ChangeRecord>().CountAsync(c => c.EntityType == "RoutingRule" && c.UserName == "county"));
        Assert.True(history >= 1);
        await (await worker.PutAsJsonAsync("/api/v1/routing-rules", route)).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
        var outside = await (await county.PutAsJsonAsync("/api/v1/routing-rules", route with { areaCode = "141102000000" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("unknown_node", outside.GetProperty("fieldCodes").Str("areaCode"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IncidentsOnSqlite(SqliteApp app) : IncidentTests(app);

[Collection(PostgresCollection.Name)]
public sealed class IncidentsOnPostgres(PostgresApp app) : IncidentTests(app);
