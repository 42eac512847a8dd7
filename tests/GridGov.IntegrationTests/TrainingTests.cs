using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Domain;
using GridGov.Modules.Training.Application;
using GridGov.Modules.Training.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.IntegrationTests;

/// <summary>
/// Training vouchers through the API: eligibility with its reasons, issues that never issue twice,
/// a trainee's claim by a texted code, a provider's enrolment, attendance and certificate, the
/// bureau's four-eyes review and payment; redemptions and payments tried a hundred times at once;
/// expiry; and a provider that sees only its own.
/// </summary>
public abstract class TrainingTests(GridGovApp app)
{
    private const string Binhe = "141127100001";
    private const string WorkerGrid = "14112710000130001";

    private static DateOnly Today => GridGov.Kernel.Time.ChinaTime.Today(TimeProvider.System);

    private static string Key() => Guid.NewGuid().ToString("N");

    private sealed record Resident(int Id, string IdNumber, string? Phone, DateOnly Born);

    /// <summary>Binhe residents of working age with a phone, off the grid worker's grid (whose people other tests move).</summary>
    private Task<List<Resident>> ResidentsAsync(int count, bool withPhone = true) => app.AsSystemAsync(async db =>
        (await db.Set<Person>().Where(p => p.IsActive && p.Path.Contains("/" + Binhe + "/") && !p.Path.Contains(WorkerGrid)
                && (p.PhoneIndex != null) == withPhone && p.BirthDate <= Today.AddYears(-20) && p.BirthDate >= Today.AddYears(-50))
            .OrderBy(p => p.Id).Take(count).ToListAsync())
        .Select(p => new Resident(p.Id, p.IdNumber, p.Phone, p.BirthDate)).ToList());

    private async Task<int> ProgrammeAsync(HttpClient bureau, string area = Binhe, int maxAge = 55, long budget = 1_000_000, int? oncePerYears = null) =>
        (await bureau.PostJsonAsync("/api/v1/training/programmes", new
        {
            name = "测试培训券 " + Key()[..6], kind = "Universal", areaCode = area, startsOn = Today.AddDays(-30), endsOn = Today.AddDays(60), budget,
            subsidies = new Dictionary<string, int> { ["Completion"] = 500, ["Junior"] = 1000, ["Senior"] = 2000 },
            rules = new { minAge = 18, maxAge, needsTextCode = true, oncePerYears },
        }, HttpStatusCode.Created)).Int("id");

    private static async Task<JsonElement> IssueAsync(HttpClient bureau, int programme, int person, string? key = null) =>
        await bureau.PostJsonAsync($"/api/v1/training/programmes/{programme}/vouchers", new { personId = person, clientKey = key }, HttpStatusCode.Created);

    /// <summary>A voucher issued and claimed by its holder, with the holder's pass.</summary>
    private async Task<(long Id, string Code, string Pass)> ClaimedAsync(HttpClient bureau, int programme, Resident resident)
    {
        var voucher = await IssueAsync(bureau, programme, resident.Id);
        var code = voucher.Str("code");
        var anonymous = app.Anonymous();
        await anonymous.PostJsonAsync("/api/v1/public/voucher-claims/code", new { code, idNumber = resident.IdNumber }, HttpStatusCode.Accepted);
        var claimed = await anonymous.PostJsonAsync("/api/v1/public/voucher-claims",
            new { code, idNumber = resident.IdNumber, textCode = app.Texts.LastCodeTo(resident.Phone!) }, HttpStatusCode.OK);
        return (voucher.GetProperty("id").GetInt64(), code, claimed.Str("pass"));
    }

    private static async Task<int> ClassAsync(HttpClient provider, int daysRequired = 1, int capacity = 200) =>
        (await provider.PostJsonAsync("/api/v1/training/classes", new
        {
            kind = "Open", name = "电工测试班 " + Key()[..6], occupation = "电工", level = "Senior", startsOn = Today.AddDays(-10), endsOn = Today,
            capacity, daysRequired,
        }, HttpStatusCode.Created)).Int("id");

    [Fact]
    public async Task Eligibility_answers_eligible_not_eligible_with_the_rule_or_unknown_with_the_missing_fact()
    {
        var bureau = await app.ApiAsync("hrbureau");
        var programme = await ProgrammeAsync(bureau, maxAge: 35);
        var residents = await ResidentsAsync(200);
        var young = residents.First(r => r.Born > Today.AddYears(-35));
        var old = residents.First(r => r.Born < Today.AddYears(-37));
        var silent = (await ResidentsAsync(1, withPhone: false)).Single(r => true);
        var eligible = await bureau.GetJsonAsync($"/api/v1/training/programmes/{programme}/eligibility/{young.Id}");
        Assert.Equal("Eligible", eligible.Str("verdict"));
        var tooOld = await bureau.GetJsonAsync($"/api/v1/training/programmes/{programme}/eligibility/{old.Id}");
        Assert.Equal("NotEligible", tooOld.Str("verdict"));
        Assert.Equal(["too_old"], tooOld.GetProperty("failed").EnumerateArray().Select(x => x.GetString()));
        var unknown = await bureau.GetJsonAsync($"/api/v1/training/programmes/{programme}/eligibility/{silent.Id}");
        Assert.True(unknown.Str("verdict") is "Unknown" or "NotEligible");
        Assert.Equal(["phone"], unknown.GetProperty("missing").EnumerateArray().Select(x => x.GetString()));
        var list = await bureau.GetJsonAsync($"/api/v1/training/programmes/{programme}/eligibility?verdict=Unknown&take=20");
        Assert.NotEmpty(list.GetProperty("items").EnumerateArray());
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal("Unknown", i.Str("verdict")));
        // Issuing to someone not eligible says why, and issues nothing.
        var refused = await (await bureau.PostAsJsonAsync($"/api/v1/training/programmes/{programme}/vouchers", new { personId = old.Id }))
            .ProblemAsync(HttpStatusCode.Conflict, "not_eligible");
        Assert.Equal(["too_old"], refused.GetProperty("failed").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(0, (await bureau.GetJsonAsync($"/api/v1/training/vouchers?programmeId={programme}")).Int("total"));
    }

    [Fact]
    public async Task A_voucher_under_another_programme_of_the_kind_fails_the_once_per_years_rule_and_counts_in_a_bulk_issue()
    {
        var bureau = await app.ApiAsync("hrbureau");
        var holder = (await ResidentsAsync(60)).Skip(50).First();
        var earlier = await ProgrammeAsync(bureau);
        await IssueAsync(bureau, earlier, holder.Id);
        var later = await ProgrammeAsync(bureau, area: Binhe, oncePerYears: 2);
        var verdict = await bureau.GetJsonAsync($"/api/v1/training/programmes/{later}/eligibility/{holder.Id}");
        Assert.Equal("NotEligible", verdict.Str("verdict"));
        Assert.Contains("voucher_within_years", verdict.GetProperty("failed").EnumerateArray().Select(x => x.GetString()));
        await (await bureau.PostAsJsonAsync($"/api/v1/training/programmes/{later}/vouchers", new { personId = holder.Id }))
            .ProblemAsync(HttpStatusCode.Conflict, "not_eligible");
        // Under its own programme the holder's voucher is one held, not a rule failed.
        Assert.DoesNotContain("voucher_within_years", (await bureau.GetJsonAsync($"/api/v1/training/programmes/{earlier}/eligibility/{holder.Id}"))
            .GetProperty("failed").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public async Task Issuing_to_an_areas_eligible_people_twice_issues_to_each_once()
    {
        var bureau = await app.ApiAsync("hrbureau");
        var residentsOutside = (await ResidentsAsync(40)).Skip(30).ToList();
        var programme = await ProgrammeAsync(bureau, area: WorkerGrid);
        var first = await bureau.PostJsonAsync($"/api/v1/training/programmes/{programme}/issue-eligible", new { });
        Assert.True(first.Int("issued") > 0, first.ToString());
        Assert.Equal(first.Int("considered"), first.Int("issued") + first.Int("notEligible") + first.Int("unknown"));
        var again = await bureau.PostJsonAsync($"/api/v1/training/programmes/{programme}/issue-eligible", new { });
        Assert.Equal(0, again.Int("issued"));
        Assert.Equal(first.Int("issued"), again.Int("alreadyHeld"));
        Assert.Equal(first.Int("issued"), (await bureau.GetJsonAsync($"/api/v1/training/vouchers?programmeId={programme}")).Int("total"));
        var count = await bureau.GetJsonAsync($"/api/v1/training/programmes/{programme}/eligibility/count");
        Assert.Equal((first.Int("considered"), first.Int("issued"), first.Int("notEligible"), first.Int("unknown")),
            (count.Int("people"), count.Int("eligible"), count.Int("notEligible"), count.Int("unknown")));
        var view = await bureau.GetJsonAsync($"/api/v1/training/programmes/{programme}");
        Assert.Equal(first.Int("issued") * 2000L, view.GetProperty("committed").GetInt64());
        // Written in bulk, each voucher still has its issue step and its change-log record, and the ids go on from there.
        var ids = (await bureau.GetJsonAsync($"/api/v1/training/vouchers?programmeId={programme}&pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(v => v.GetProperty("id").GetInt64()).ToList();
        var (steps, logged) = await app.AsSystemAsync(async db => (
            await db.Set<VoucherStep>().CountAsync(s => ids.Contains(s.VoucherId) && s.Action == VoucherAction.Issue && s.Sequence == 0),
            await db.Set<GridGov.Kernel.Auditing.ChangeRecord>().CountAsync(c => c.EntityType == "Voucher" && c.Action == "Added"
                && ids.Select(i => i.ToString()).Contains(c.EntityId))));
        Assert.Equal((ids.Count, ids.Count), (steps, logged));
        var resident = residentsOutside[0];
        var single = await IssueAsync(bureau, await ProgrammeAsync(bureau), resident.Id);
        Assert.True(single.GetProperty("id").GetInt64() > ids.Max());
    }

    [Fact]
    public async Task A_voucher_is_issued_claimed_redeemed_trained_certified_reviewed_by_a_second_person_and_paid_once()
    {
        var bureau = await app.ApiAsync("hrbureau");
        var reviewer = await app.ApiAsync("hrreview");
        var provider = await app.ApiAsync("provider");
        var programme = await ProgrammeAsync(bureau);
        var resident = (await ResidentsAsync(1)).Single();
        var key = Key();
        var issued = await IssueAsync(bureau, programme, resident.Id, key);
        Assert.Equal(issued.GetProperty("id").GetInt64(), (await IssueAsync(bureau, programme, resident.Id, key)).GetProperty("id").GetInt64());
        await (await bureau.PostAsJsonAsync($"/api/v1/training/programmes/{programme}/vouchers", new { personId = resident.Id }))
            .ProblemAsync(HttpStatusCode.Conflict, "voucher_already_issued");
        Assert.Equal("Issued", issued.Str("state"));
        Assert.Equal(2000, issued.Int("balance"));

        // The claim: a wrong code and a wrong ID number answer the same; the texted code claims it.
        var code = issued.Str("code");
        var anonymous = app.Anonymous();
        await anonymous.PostJsonAsync("/api/v1/public/voucher-claims/code", new { code, idNumber = resident.IdNumber }, HttpStatusCode.Accepted);
        var texted = app.Texts.LastCodeTo(resident.Phone!)!;
        var wrong = texted == "000000" ? "111111" : "000000";
        await (await anonymous.PostAsJsonAsync("/api/v1/public/voucher-claims", new { code, idNumber = resident.IdNumber, textCode = wrong }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var claimKey = Key();
        var claimed = await anonymous.PostJsonAsync("/api/v1/public/voucher-claims", new { code, idNumber = resident.IdNumber, textCode = texted, clientKey = claimKey });
        var again = await anonymous.PostJsonAsync("/api/v1/public/voucher-claims", new { code, idNumber = resident.IdNumber, textCode = texted, clientKey = claimKey });
        Assert.True(again.GetProperty("replayed").GetBoolean());
        var pass = claimed.Str("pass");
        var mine = new HttpRequestMessage(HttpMethod.Get, "/api/v1/public/vouchers/mine");
        mine.Headers.Add("X-Trainee-Pass", pass);
        Assert.Equal("Claimed", (await (await anonymous.SendAsync(mine)).JsonAsync()).Str("state"));

        // The provider enrols them with the code, keeps attendance, finishes the class and records the certificate.
        var classId = await ClassAsync(provider);
        var redeemed = await provider.PostJsonAsync("/api/v1/training/redemptions", new { code = Voucher.Show(code).ToLowerInvariant(), classId }, HttpStatusCode.Created);
        var replay = await provider.PostJsonAsync("/api/v1/training/redemptions", new { code, classId }, HttpStatusCode.OK);
        Assert.Equal(redeemed.Int("enrolmentId"), replay.Int("enrolmentId"));
        var enrolment = redeemed.Int("enrolmentId");
        Assert.Equal(1, (await provider.PostJsonAsync($"/api/v1/training/classes/{classId}/attendance", new { day = Today, present = new[] { enrolment } })).GetInt32());
        await provider.PostJsonAsync($"/api/v1/training/classes/{classId}/finish", new { });
        var certified = await provider.PostJsonAsync($"/api/v1/training/enrolments/{enrolment}/certificate", new { level = "Senior", number = "S2026-" + Key()[..6] });
        Assert.Equal("Senior", certified.Str("level"));

        // Four eyes: not the one who issued it; the bureau's second person fixes the subsidy the level earns.
        var voucherId = issued.GetProperty("id").GetInt64();
        await (await bureau.PostAsJsonAsync($"/api/v1/training/vouchers/{voucherId}/steps", new { action = "Review" }))
            .ProblemAsync(HttpStatusCode.Conflict, "second_person_required");
        var reviewed = await reviewer.PostJsonAsync($"/api/v1/training/vouchers/{voucherId}/steps", new { action = "Review" });
        Assert.Equal("Reviewed", reviewed.Str("state"));
        Assert.Equal(2000, reviewed.Int("subsidy"));

        // The batch: drafted by one, approved by another, paid once however often it is paid.
        var batch = await reviewer.PostJsonAsync("/api/v1/training/payment-batches", new { programmeId = programme, providerId = (await ProviderIdAsync()) },
            HttpStatusCode.Created);
        var batchId = batch.Int("id");
        Assert.StartsWith("PB", batch.Str("reference"));
        Assert.Equal(2000, batch.GetProperty("total").GetInt64());
        await (await reviewer.PostAsJsonAsync($"/api/v1/training/payment-batches/{batchId}/steps", new { action = "Approve" }))
            .ProblemAsync(HttpStatusCode.Conflict, "second_person_required");
        await bureau.PostJsonAsync($"/api/v1/training/payment-batches/{batchId}/steps", new { action = "Approve" });
        var paid = await bureau.PostJsonAsync($"/api/v1/training/payment-batches/{batchId}/steps", new { action = "Pay", transferReference = "GK-1" });
        var repaid = await bureau.PostJsonAsync($"/api/v1/training/payment-batches/{batchId}/steps", new { action = "Pay", transferReference = "GK-2" });
        Assert.Equal(("Paid", "GK-1", 1), (repaid.Str("state"), repaid.Str("transferReference"), repaid.Int("attempts")));
        Assert.Equal(paid.Int("version"), repaid.Int("version"));
        var final = await bureau.GetJsonAsync($"/api/v1/training/vouchers/{voucherId}");
        Assert.Equal("Paid", final.Str("state"));
        Assert.Equal(0, final.Int("balance"));
        Assert.Equal(["Issue", "Claim", "Enrol", "FinishTraining", "Certify", "Review", "Pay"],
            final.GetProperty("steps").EnumerateArray().Select(s => s.Str("action")));
        var mineAgain = new HttpRequestMessage(HttpMethod.Get, "/api/v1/public/vouchers/mine");
        mineAgain.Headers.Add("X-Trainee-Pass", pass);
        Assert.Equal("Paid", (await (await anonymous.SendAsync(mineAgain)).JsonAsync()).Str("state"));
    }

    [Fact]
    public async Task A_hundred_redemptions_of_one_voucher_at_once_redeem_it_once_and_all_answer_the_first()
    {
        var bureau = await app.ApiAsync("hrbureau");
        var provider = await app.ApiAsync("provider");
        var programme = await ProgrammeAsync(bureau);
        var (voucherId, code, _) = await ClaimedAsync(bureau, programme, (await ResidentsAsync(2))[1]);
        var classId = await ClassAsync(provider);
        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ =>
            provider.PostAsJsonAsync("/api/v1/training/redemptions", new { code, classId, clientKey = Key() })));
        var codes = answers.Select(a => a.StatusCode).ToList();
        Assert.Equal(1, codes.Count(c => c == HttpStatusCode.Created));
        Assert.Equal(99, codes.Count(c => c == HttpStatusCode.OK));
        var enrolments = await Task.WhenAll(answers.Select(async a => (await a.JsonAsync(a.StatusCode)).Int("enrolmentId")));
        Assert.Single(enrolments.Distinct());
        var (seats, enrolSteps) = await app.AsSystemAsync(async db => (await db.Set<Enrolment>().CountAsync(e => e.VoucherId == voucherId),
            await db.Set<VoucherStep>().CountAsync(s => s.VoucherId == voucherId && s.Action == VoucherAction.Enrol)));
        Assert.Equal((1, 1), (seats, enrolSteps));
    }

    [Fact]
    public async Task Twelve_vouchers_redeemed_at_once_into_a_class_of_three_seats_fill_it_and_no_more()
    {
        var bureau = await app.ApiAsync("hrbureau");
        var provider = await app.ApiAsync("provider");
        var programme = await ProgrammeAsync(bureau);
        var codes = new List<string>();
        foreach (var resident in (await ResidentsAsync(36)).Skip(24)) codes.Add((await ClaimedAsync(bureau, programme, resident)).Code);
        var classId = await ClassAsync(provider, capacity: 3);
        var answers = await Task.WhenAll(codes.Select(code => provider.PostAsJsonAsync("/api/v1/training/redemptions", new { code, classId, clientKey = Key() })));
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created)) await refused.ProblemAsync(HttpStatusCode.Conflict, "class_full");
        Assert.Equal(3, await app.AsSystemAsync(db => db.Set<Enrolment>().CountAsync(e => e.ClassId == classId)));
    }

    [Fact]
    public async Task Eight_trainees_added_at_once_to_a_class_of_two_seats_fill_it_and_no_more()
    {
        var provider = await app.ApiAsync("provider");
        var classId = await ClassAsync(provider, capacity: 2);
        var residents = (await ResidentsAsync(48)).Skip(40).ToList();
        var answers = await Task.WhenAll(residents.Select(r => provider.PostAsJsonAsync($"/api/v1/training/classes/{classId}/trainees", new { idNumber = r.IdNumber })));
        Assert.Equal(2, answers.Count(a => a.IsSuccessStatusCode));
        foreach (var refused in answers.Where(a => !a.IsSuccessStatusCode)) await refused.ProblemAsync(HttpStatusCode.Conflict, "class_full");
        Assert.Equal(2, await app.AsSystemAsync(db => db.Set<Enrolment>().CountAsync(e => e.ClassId == classId)));
    }

    [Fact]
    public async Task A_voucher_redeemed_into_another_providers_class_tells_a_provider_nothing_of_that_class_or_its_trainee()
    {
        var provider = await app.ApiAsync("provider");
        var own = await ProviderIdAsync();
        var theirs = await app.AsSystemAsync(db => db.Set<Voucher>().Where(v => v.ClassId != null && v.ProviderId != own).OrderBy(v => v.Id)
            .Select(v => new { v.Code, v.ClassId }).FirstAsync());
        var (code, classId) = (theirs.Code, theirs.ClassId!.Value);
        var answer = await provider.PostAsJsonAsync("/api/v1/training/redemptions", new { code, classId, clientKey = Key() });
        var problem = await answer.ProblemAsync(HttpStatusCode.NotFound, "class_not_found");
        Assert.False(problem.TryGetProperty("enrolmentId", out _));
        Assert.DoesNotContain("personName", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_redemption_at_the_providers_desk_costs_a_bounded_number_of_reads_and_one_save()
    {
        var bureau = await app.ApiAsync("hrbureau");
        var provider = await app.ApiAsync("provider");
        var programme = await ProgrammeAsync(bureau);
        var (_, code, _) = await ClaimedAsync(bureau, programme, (await ResidentsAsync(19))[18]);
        var classId = await ClassAsync(provider);
        var login = await app.AsSystemAsync(async db => await db.Users.Where(u => u.UserName == "provider")
            .Select(u => new { u.Id, u.CaptureScopePath, u.ViewScopePath }).SingleAsync());
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SignIn(login.Id, "provider", [Roles.TrainingProvider], login.CaptureScopePath, login.ViewScopePath);
        var redemption = scope.ServiceProvider.GetRequiredService<Redemption>();
        using (app.Commands.Start(out var count, out var reads))
        {
            var redeemed = await redemption.RedeemAsync(new Redeem(code, classId, Key()), CancellationToken.None);
            Assert.False(redeemed.Replayed);
            // The staff, the voucher, the class with its seats taken, the programme with its rules, the holder's facts, and
            // the seats counted again under the class's lock (taken on PostgreSQL by one more statement; SQLite has one writer).
            Assert.Equal(app is PostgresApp ? 7 : 6, reads());
            // On PostgreSQL a save is two batches: the rows, then their change records (which need the rows' new keys).
            if (app is PostgresApp) Assert.Equal(9, count());
        }
    }

    [Fact]
    public async Task A_hundred_payments_of_one_batch_at_once_pay_each_voucher_once_and_all_answer_the_first()
    {
        var bureau = await app.ApiAsync("hrbureau");
        var reviewer = await app.ApiAsync("hrreview");
        var provider = await app.ApiAsync("provider");
        var programme = await ProgrammeAsync(bureau);
        var classId = await ClassAsync(provider);
        var vouchers = new List<long>();
        foreach (var resident in (await ResidentsAsync(6)).Skip(3))
        {
            var (id, code, _) = await ClaimedAsync(bureau, programme, resident);
            var seat = (await provider.PostJsonAsync("/api/v1/training/redemptions", new { code, classId }, HttpStatusCode.Created)).Int("enrolmentId");
            await provider.PostJsonAsync($"/api/v1/training/classes/{classId}/attendance", new { day = Today, present = new[] { seat } });
            vouchers.Add(id);
        }
        await provider.PostJsonAsync($"/api/v1/training/classes/{classId}/finish", new { });
        var seats = (await provider.GetJsonAsync($"/api/v1/training/classes/{classId}")).GetProperty("trainees").EnumerateArray().Select(t => t.Int("id")).ToList();
        foreach (var seat in seats)
            await provider.PostJsonAsync($"/api/v1/training/enrolments/{seat}/certificate", new { level = "Junior", number = "J-" + seat });
        foreach (var id in vouchers) await reviewer.PostJsonAsync($"/api/v1/training/vouchers/{id}/steps", new { action = "Review" });
        var batchId = (await reviewer.PostJsonAsync("/api/v1/training/payment-batches", new { programmeId = programme, providerId = await ProviderIdAsync() },
            HttpStatusCode.Created)).Int("id");
        await bureau.PostJsonAsync($"/api/v1/training/payment-batches/{batchId}/steps", new { action = "Approve" });
        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            bureau.PostAsJsonAsync($"/api/v1/training/payment-batches/{batchId}/steps", new { action = "Pay", transferReference = "GK-" + i })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var references = await Task.WhenAll(answers.Select(async a => (await a.JsonAsync()).Str("transferReference")));
        Assert.Single(references.Distinct());
        var (pays, attempts, total) = await app.AsSystemAsync(async db => (
            await db.Set<VoucherStep>().CountAsync(s => vouchers.Contains(s.VoucherId) && s.Action == VoucherAction.Pay),
            await db.Set<PaymentBatch>().Where(b => b.Id == batchId).Select(b => b.Attempts).SingleAsync(),
            await db.Set<PaymentBatch>().Where(b => b.Id == batchId).Select(b => b.Total).SingleAsync()));
        Assert.Equal((3, 1, 3000L), (pays, attempts, total));
    }

    [Fact]
    public async Task A_voucher_unclaimed_past_its_day_reads_as_expired_takes_no_claim_and_is_recorded_by_the_sweep()
    {
        var bureau = await app.ApiAsync("hrbureau");
        var programme = await ProgrammeAsync(bureau);
        var resident = (await ResidentsAsync(8))[7];
        var voucher = await IssueAsync(bureau, programme, resident.Id);
        var id = voucher.GetProperty("id").GetInt64();
        await app.AsSystemAsync(db => db.Set<Voucher>().Where(v => v.Id == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.UsableUntil, Today.AddDays(-1))));
        var lapsed = await bureau.GetJsonAsync($"/api/v1/training/vouchers/{id}");
        Assert.Equal(("Expired", 0), (lapsed.Str("state"), lapsed.Int("balance")));
        Assert.Empty(lapsed.GetProperty("allowed").EnumerateArray());
        var sentBefore = app.Texts.Sent.Count;
        await app.Anonymous().PostJsonAsync("/api/v1/public/voucher-claims/code", new { code = voucher.Str("code"), idNumber = resident.IdNumber },
            HttpStatusCode.Accepted);
        Assert.Equal(sentBefore, app.Texts.Sent.Count);
        Assert.Contains((await bureau.GetJsonAsync($"/api/v1/training/vouchers?programmeId={programme}&state=Expired")).GetProperty("items").EnumerateArray(),
            v => v.GetProperty("id").GetInt64() == id);
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
            await scope.ServiceProvider.GetRequiredService<VoucherExpiry>().SweepAsync(DateTime.UtcNow, CancellationToken.None);
        }
        var recorded = await app.AsSystemAsync(db => db.Set<Voucher>().Where(v => v.Id == id).Select(v => new { v.State, v.OpenIn }).SingleAsync());
        Assert.Equal((VoucherState.Expired, (int?)null), (recorded.State, recorded.OpenIn));
        // An expired voucher was the person's chance under this programme.
        await (await bureau.PostAsJsonAsync($"/api/v1/training/programmes/{programme}/vouchers", new { personId = resident.Id }))
            .ProblemAsync(HttpStatusCode.Conflict, "voucher_already_issued");
    }

    [Fact]
    public async Task A_providers_staff_see_only_their_own_classes_trainees_and_vouchers()
    {
        var provider = await app.ApiAsync("provider");
        var bureau = await app.ApiAsync("hrbureau");
        var own = await ProviderIdAsync();
        var (otherClass, otherVoucher) = await app.AsSystemAsync(async db =>
        {
            var c = await db.Set<TrainingClass>().Where(x => x.ProviderId != own).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
            var v = await db.Set<Voucher>().Where(x => x.ProviderId != null && x.ProviderId != own).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
            return (c, v);
        });
        await (await provider.GetAsync($"/api/v1/training/classes/{otherClass}")).ProblemAsync(HttpStatusCode.NotFound, "class_not_found");
        await (await provider.GetAsync($"/api/v1/training/vouchers/{otherVoucher}")).ProblemAsync(HttpStatusCode.NotFound, "voucher_not_found");
        await (await provider.PostAsJsonAsync($"/api/v1/training/classes/{otherClass}/attendance", new { day = Today, present = Array.Empty<int>() }))
            .ProblemAsync(HttpStatusCode.NotFound, "class_not_found");
        Assert.All((await provider.GetJsonAsync("/api/v1/training/classes?pageSize=200")).GetProperty("items").EnumerateArray(),
            c => Assert.Equal(own, c.Int("providerId")));
        var ownClasses = (await provider.GetJsonAsync("/api/v1/training/classes?pageSize=200")).GetProperty("items").EnumerateArray().Select(c => c.Int("id")).ToList();
        var seen = (await provider.GetJsonAsync("/api/v1/training/vouchers?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(seen);
        Assert.All(seen, v => Assert.Contains(v.Int("classId"), ownClasses));
        Assert.Equal(1, (await provider.GetJsonAsync("/api/v1/training/providers")).Int("total"));
        // The bureau sees both.
        Assert.Equal(HttpStatusCode.OK, (await bureau.GetAsync($"/api/v1/training/classes/{otherClass}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bureau.GetAsync($"/api/v1/training/vouchers/{otherVoucher}")).StatusCode);
        // A provider's staff cannot issue, review or pay.
        await (await provider.PostAsJsonAsync($"/api/v1/training/vouchers/{otherVoucher}/steps", new { action = "Review" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task Training_figures_count_the_trainees_records_each_opens_its_trainees_and_employment_moves_the_rate()
    {
        var bureau = await app.ApiAsync("hrbureau");
        var provider = await app.ApiAsync("provider");
        const string lan = "141127000000";
        async Task<Dictionary<string, double?>> FiguresAsync()
        {
            var values = await bureau.GetJsonAsync($"/api/v1/figures/values?area={lan}&key=training.trained&key=training.certified&key=training.skilled"
                + "&key=training.high_skilled&key=training.employed&key=training.employment_rate");
            return values.GetProperty("values").EnumerateArray().ToDictionary(v => v.Str("key"),
                v => v.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : v.GetProperty("value").GetDouble());
        }
        var before = await FiguresAsync();
        foreach (var (key, measure) in new[] { ("training.trained", "Trained"), ("training.certified", "Certified"), ("training.high_skilled", "HighSkilled"),
                     ("training.employed", "Employed") })
            Assert.Equal(before[key], (await bureau.GetJsonAsync($"/api/v1/training/trainees?area={lan}&measure={measure}")).Int("total"));
        Assert.True(before["training.certified"] >= before["training.skilled"] && before["training.skilled"] >= before["training.high_skilled"]);
        Assert.Equal(Math.Round(100.0 * before["training.employed"]!.Value / before["training.trained"]!.Value, 6), Math.Round(before["training.employment_rate"]!.Value, 6));

        // A trainee of a finished class is employed: the count, the class's rate and the area's figures move together.
        var programme = await ProgrammeAsync(bureau);
        var (_, code, _) = await ClaimedAsync(bureau, programme, (await ResidentsAsync(12))[11]);
        var classId = await ClassAsync(provider);
        var seat = (await provider.PostJsonAsync("/api/v1/training/redemptions", new { code, classId }, HttpStatusCode.Created)).Int("enrolmentId");
        await provider.PostJsonAsync($"/api/v1/training/classes/{classId}/attendance", new { day = Today, present = new[] { seat } });
        await provider.PostJsonAsync($"/api/v1/training/classes/{classId}/finish", new { });
        await provider.PostJsonAsync($"/api/v1/training/enrolments/{seat}/employment", new { employer = "岚县康养中心", employedOn = Today, checkedBy = "EmployerConfirmed" });
        var outcomes = (await provider.GetJsonAsync($"/api/v1/training/classes/{classId}")).GetProperty("outcomes");
        Assert.Equal((1, 1, 1.0), (outcomes.Int("trained"), outcomes.Int("employed"), outcomes.GetProperty("employmentRate").GetDouble()));
        var after = await FiguresAsync();
        Assert.Equal(before["training.trained"] + 1, after["training.trained"]);
        Assert.Equal(before["training.employed"] + 1, after["training.employed"]);
    }

    [Fact]
    public async Task Studios_are_scored_by_experts_selected_by_average_with_ties_and_granted_once_by_another_hand()
    {
        var bureau = await app.ApiAsync("hrbureau");
        var reviewer = await app.ApiAsync("hrreview");
        var round = 2030 + Random.Shared.Next(60);
        var ids = new List<int>();
        foreach (var name in new[] { "甲", "乙", "丙", "丁" })
            ids.Add((await bureau.PostJsonAsync("/api/v1/training/studios", new
            {
                round, areaCode = "141127000000", studioName = $"{name}技能大师工作室", master = name + "师傅", occupation = "电工", masterLevel = "Technician",
                host = "岚县供电公司",
            }, HttpStatusCode.Created)).Int("id"));
        // Refused while any lacks three scores.
        await (await reviewer.PostAsJsonAsync("/api/v1/training/studios/selection", new { round, places = 2 })).ProblemAsync(HttpStatusCode.Conflict, "studios_unscored");
        int[][] marks = [[95, 93, 94], [90, 90, 90], [91, 89, 90], [70, 75, 80]];
        for (var i = 0; i < ids.Count; i++)
            for (var e = 0; e < 3; e++)
                await reviewer.PostJsonAsync($"/api/v1/training/studios/{ids[i]}/scores", new { expert = $"专家{e + 1}", score = marks[i][e] });
        await (await reviewer.PostAsJsonAsync($"/api/v1/training/studios/{ids[0]}/scores", new { expert = "专家1", score = 10 }))
            .ProblemAsync(HttpStatusCode.Conflict, "expert_scored");
        var selection = await reviewer.PostJsonAsync("/api/v1/training/studios/selection", new { round, places = 2 });
        Assert.Equal(ids.Take(3), selection.GetProperty("selected").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal([ids[3]], selection.GetProperty("notSelected").EnumerateArray().Select(x => x.GetInt32()));
        await (await reviewer.PostAsJsonAsync($"/api/v1/training/studios/{ids[0]}/grant", new { reference = "GK-S1" }))
            .ProblemAsync(HttpStatusCode.Conflict, "second_person_required");
        var granted = await bureau.PostJsonAsync($"/api/v1/training/studios/{ids[0]}/grant", new { reference = "GK-S1" });
        Assert.Equal(("Granted", 30000), (granted.Str("state"), granted.Int("grant")));
        await (await bureau.PostAsJsonAsync($"/api/v1/training/studios/{ids[0]}/grant", new { reference = "GK-S2" })).ProblemAsync(HttpStatusCode.Conflict, "grant_paid");
        await (await bureau.PostAsJsonAsync($"/api/v1/training/studios/{ids[3]}/grant", new { reference = "GK-S3" }))
            .ProblemAsync(HttpStatusCode.Conflict, "studio_not_selected");
    }

    [Fact]
    public async Task The_caregiver_brand_counts_its_cohorts_and_placements_by_city_each_opening_its_trainees_and_lists_its_stations()
    {
        var bureau = await app.ApiAsync("hrbureau");
        var provider = await app.ApiAsync("provider");
        var before = await bureau.GetJsonAsync("/api/v1/training/brand");
        Assert.Equal("吕梁山护工", before.Str("brand"));
        foreach (var city in before.GetProperty("byCity").EnumerateArray().Where(c => c.Str("city").Length > 0))
            Assert.Equal(city.Int("placed"), (await bureau.GetJsonAsync(
                $"/api/v1/training/trainees?area=141127000000&measure=Employed&brand={Uri.EscapeDataString("吕梁山护工")}&city={Uri.EscapeDataString(city.Str("city"))}")).Int("total"));
        // A cohort of the brand: its trainee placed in Taiyuan counts there.
        var programme = await ProgrammeAsync(bureau);
        var (_, code, _) = await ClaimedAsync(bureau, programme, (await ResidentsAsync(14))[13]);
        var classId = (await provider.PostJsonAsync("/api/v1/training/classes", new
        {
            kind = "Open", name = "养老护理员品牌班 " + Key()[..6], occupation = "养老护理员", level = "Intermediate", startsOn = Today.AddDays(-10), endsOn = Today,
            capacity = 50, daysRequired = 1, brand = "吕梁山护工",
        }, HttpStatusCode.Created)).Int("id");
        var seat = (await provider.PostJsonAsync("/api/v1/training/redemptions", new { code, classId }, HttpStatusCode.Created)).Int("enrolmentId");
        await provider.PostJsonAsync($"/api/v1/training/classes/{classId}/attendance", new { day = Today, present = new[] { seat } });
        await provider.PostJsonAsync($"/api/v1/training/classes/{classId}/finish", new { });
        await provider.PostJsonAsync($"/api/v1/training/enrolments/{seat}/employment",
            new { employer = "太原某养老院", employedOn = Today, checkedBy = "EmployerConfirmed", workCity = "太原市" });
        var after = await bureau.GetJsonAsync("/api/v1/training/brand");
        Assert.Equal(before.Int("cohorts") + 1, after.Int("cohorts"));
        Assert.Equal(before.Int("placed") + 1, after.Int("placed"));
        int Taiyuan(JsonElement b) => b.GetProperty("byCity").EnumerateArray().Where(c => c.Str("city") == "太原市").Select(c => c.Int("placed")).FirstOrDefault();
        Assert.Equal(Taiyuan(before) + 1, Taiyuan(after));
        var station = await bureau.PostJsonAsync("/api/v1/training/brand/stations", new
        {
            brand = "吕梁山护工", kind = "Station", name = "吕梁山护工测试服务站 " + Key()[..4], city = "太原市", contact = "0351-1234567", openedOn = Today, areaCode = "141127000000",
        }, HttpStatusCode.Created);
        Assert.Contains((await bureau.GetJsonAsync("/api/v1/training/brand")).GetProperty("stations").EnumerateArray(), s => s.Int("id") == station.Int("id"));
    }

    [Fact]
    public async Task Eligibility_is_checked_again_at_enrolment_under_the_rules_then_in_force()
    {
        var bureau = await app.ApiAsync("hrbureau");
        var provider = await app.ApiAsync("provider");
        var programme = await ProgrammeAsync(bureau);
        var (_, code, _) = await ClaimedAsync(bureau, programme, (await ResidentsAsync(16))[15]);
        // A new version of the rules from today: only the young are served now.
        await bureau.PostJsonAsync($"/api/v1/training/programmes/{programme}/rules", new { effectiveFrom = Today, minAge = 16, maxAge = 18, needsTextCode = true });
        var classId = await ClassAsync(provider);
        var refused = await (await provider.PostAsJsonAsync("/api/v1/training/redemptions", new { code, classId })).ProblemAsync(HttpStatusCode.Conflict, "not_eligible");
        Assert.Equal(["too_old"], refused.GetProperty("failed").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(0, (await provider.GetJsonAsync($"/api/v1/training/classes/{classId}")).Int("enrolled"));
    }

    [Fact]
    public async Task Every_training_list_exports_to_excel_the_rows_its_page_lists()
    {
        var bureau = await app.ApiAsync("hrbureau");
        var provider = await app.ApiAsync("provider");
        async Task<int> RowsAsync(HttpClient client, string url) =>
            MiniExcelLibs.MiniExcel.Query(await (await client.GetAsync(url)).Content.ReadAsStreamAsync(), useHeaderRow: true).Count();
        Assert.Equal((await bureau.GetJsonAsync("/api/v1/training/trainees?area=141127000000&measure=Certified")).Int("total"),
            await RowsAsync(bureau, "/api/v1/training/exports/Trainees?area=141127000000&measure=Certified"));
        Assert.Equal((await provider.GetJsonAsync("/api/v1/training/classes")).Int("total"), await RowsAsync(provider, "/api/v1/training/exports/Classes"));
        Assert.Equal((await bureau.GetJsonAsync("/api/v1/training/payment-batches")).Int("total"), await RowsAsync(bureau, "/api/v1/training/exports/Batches"));
        Assert.Equal((await bureau.GetJsonAsync("/api/v1/training/providers")).Int("total"), await RowsAsync(bureau, "/api/v1/training/exports/Providers"));
        Assert.Equal((await bureau.GetJsonAsync("/api/v1/training/programmes")).Int("total"), await RowsAsync(bureau, "/api/v1/training/exports/Programmes"));
        var round = GridGov.Kernel.Time.ChinaTime.Today(TimeProvider.System).Year;
        Assert.Equal((await bureau.GetJsonAsync($"/api/v1/training/studios?round={round}")).Int("total"), await RowsAsync(bureau, $"/api/v1/training/exports/Studios?round={round}"));
    }

    private static MultipartFormDataContent Csv(IEnumerable<string> lines)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("姓名,身份证号\n" + string.Join("\n", lines) + "\n");
        return new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "list.csv" } };
    }

    [Fact]
    public async Task A_list_uploaded_twice_issues_each_person_once_and_every_bad_row_is_named_with_its_number()
    {
        var bureau = await app.ApiAsync("hrbureau");
        var programme = await ProgrammeAsync(bureau, maxAge: 35);
        var residents = await ResidentsAsync(300);
        var young = residents.Where(r => r.Born > Today.AddYears(-35)).Skip(10).Take(3).ToList();
        var old = residents.First(r => r.Born < Today.AddYears(-37));
        string[] lines =
        [
            .. young.Select(r => "某某," + r.IdNumber),
            "某某," + old.IdNumber,
            "某某,110101190001010000",
            "某某," + young[0].IdNumber.ToLowerInvariant(),
            "某某,12345",
        ];
        var preview = await (await bureau.PostAsync($"/api/v1/training/programmes/{programme}/voucher-lists", Csv(lines))).JsonAsync();
        Assert.Equal((7, 4, 3), (preview.Int("rows"), preview.Int("badRows"), preview.Int("issued")));
        var errors = preview.GetProperty("errors").EnumerateArray().Select(e => (e.Int("row"), e.Str("code"))).OrderBy(e => e.Item1).ToList();
        Assert.Equal([(5, "not_eligible"), (6, "not_on_ledger"), (7, "duplicate_in_file"), (8, "id_wronglength")], errors);
        var token = preview.Str("token");
        // All or nothing: refused while bad rows remain, then the good rows only when asked.
        await (await bureau.PostAsJsonAsync($"/api/v1/training/programmes/{programme}/voucher-lists/{token}/commit", new { goodRowsOnly = false }))
            .ProblemAsync(HttpStatusCode.Conflict, "import_has_errors");
        Assert.Equal(0, (await bureau.GetJsonAsync($"/api/v1/training/vouchers?programmeId={programme}")).Int("total"));
        var done = await (await bureau.PostAsJsonAsync($"/api/v1/training/programmes/{programme}/voucher-lists/{token}/commit", new { goodRowsOnly = true })).JsonAsync();
        Assert.True(done.GetProperty("committed").GetBoolean());
        Assert.Equal(3, done.Int("issued"));
        // The same list again issues nobody; it says who holds one already.
        var again = await (await bureau.PostAsync($"/api/v1/training/programmes/{programme}/voucher-lists", Csv(lines.Take(3)))).JsonAsync();
        Assert.Equal((0, 0, 3), (again.Int("badRows"), again.Int("issued"), again.Int("alreadyHeld")));
        var second = await (await bureau.PostAsJsonAsync($"/api/v1/training/programmes/{programme}/voucher-lists/{again.Str("token")}/commit", new { })).JsonAsync();
        Assert.Equal((true, 0), (second.GetProperty("committed").GetBoolean(), second.Int("issued")));
        Assert.Equal(3, (await bureau.GetJsonAsync($"/api/v1/training/vouchers?programmeId={programme}")).Int("total"));
        // The list exported as on the screen: the same vouchers, and the export is logged.
        var sheet = await bureau.GetAsync($"/api/v1/training/vouchers/export?programmeId={programme}");
        var rows = MiniExcelLibs.MiniExcel.Query(await sheet.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("已发放", r["状态"]?.ToString()));
    }

    [Fact]
    public async Task A_payment_batchs_word_document_carries_the_same_vouchers_and_total_as_its_page()
    {
        var bureau = await app.ApiAsync("hrbureau");
        var batch = (await bureau.GetJsonAsync("/api/v1/training/payment-batches?state=Paid")).GetProperty("items")[0];
        var id = batch.Int("id");
        var view = await bureau.GetJsonAsync($"/api/v1/training/payment-batches/{id}");
        var response = await bureau.GetAsync($"/api/v1/training/payment-batches/{id}/document");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var table = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Single();
        var cells = table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        var lines = view.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(lines.Count + 2, cells.Count);
        Assert.Equal(lines.Select(l => Voucher.Show(l.Str("code"))), cells.Skip(1).Take(lines.Count).Select(c => c[1]));
        Assert.Equal(view.GetProperty("total").GetInt64().ToString("N0"), cells[^1][5]);
        Assert.Equal(lines.Sum(l => l.Int("subsidy")), cells.Skip(1).Take(lines.Count).Sum(c => int.Parse(c[5].Replace(",", ""))));
        Assert.Contains(view.Str("reference"), body.InnerText);
    }

    private Task<int> ProviderIdAsync() => app.AsSystemAsync(db =>
        db.Set<ProviderStaff>().Where(s => s.UserName == "provider").Select(s => s.ProviderId).SingleAsync());
}

[Collection(SqliteCollection.Name)]
public sealed class TrainingOnSqlite(SqliteApp app) : TrainingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TrainingOnPostgres(PostgresApp app) : TrainingTests(app);
