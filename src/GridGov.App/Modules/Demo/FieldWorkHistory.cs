using GridGov.Data;
using GridGov.Kernel.Time;
using GridGov.Modules.FieldWork.Application;
using GridGov.Modules.FieldWork.Domain;
using GridGov.Modules.People.Domain;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Demo;

/// <summary>
/// A year of field work in Binhe community, carried through the domain's own rules and written in
/// bulk: a monthly visit plan for every household with its visits (most met, some not at home and
/// revisited), services to residents done and confirmed, people under home watch with their daily
/// checks, and a screening campaign in progress. Each level-3 grid is worked by its own worker; the
/// demo grid worker's grid by the "gridworker" login.
/// </summary>
public static class FieldWorkHistory
{
    private static readonly CampaignActor[] Worker = [CampaignActor.Worker];

    private sealed record Place(int Id, string Code, string Path, string Worker);

    private sealed class Rows
    {
        public List<VisitPlan> Plans { get; } = [];
        public List<Visit> Visits { get; } = [];
        public List<ServiceRequest> Services { get; } = [];
        public List<HomeWatch> Watches { get; } = [];
        public List<PersonTag> Tags { get; } = [];
    }

    public static async Task GenerateAsync(GridGovDbContext db, int seed, DateTime now, string community, string workerGrid, CancellationToken ct)
    {
        var communityPath = await db.Set<AdminArea>().Where(a => a.Code == community).Select(a => a.Path).FirstOrDefaultAsync(ct);
        if (communityPath is null) return;
        var grids = await db.Set<Grid>().Where(g => g.Level == 3 && g.Path.StartsWith(communityPath)).OrderBy(g => g.Id)
            .Select(g => new { g.Id, g.Code, g.Path, Worker = db.Set<GridAssignment>().Where(a => a.GridId == g.Id).Select(a => a.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var places = grids.ToDictionary(g => g.Id, g => new Place(g.Id, g.Code, g.Path, g.Code == workerGrid ? "gridworker" : g.Worker ?? "gridworker"));
        var households = await db.Set<Household>().AsNoTracking().Where(h => h.Path.StartsWith(communityPath) && h.IsActive).OrderBy(h => h.Id).ToListAsync(ct);
        var people = await db.Set<Person>().AsNoTracking().Where(p => p.Path.StartsWith(communityPath) && p.IsActive).OrderBy(p => p.Id).ToListAsync(ct);
        var calendar = new WorkCalendar(PublishedHolidays.Year2026());
        var random = new Random(seed + 12);
        var today = ChinaTime.DateOf(now);
        var rows = new Rows();
        Visits(rows, households, places, today, calendar, random);
        Services(rows, households, places, today, random);
        var tag = await db.Set<TagDefinition>().FirstAsync(t => t.Code == WatchBook.Tag, ct);
        Watches(rows, people, places, tag, today, random);
        var nextTag = await db.Set<PersonTag>().MaxAsync(t => (int?)t.Id, ct) ?? 0;
        foreach (var t in rows.Tags) t.WithId(++nextTag);
        var members = people.GroupBy(p => p.HouseholdId).ToDictionary(g => g.Key, g => g.Count());
        var campaign = Campaign(households, members, places, communityPath, community, today, now, random, out var subjects, out var coverage);
        await BulkWriter.InsertAsync(db, rows.Plans, ct);
        await BulkWriter.InsertAsync(db, rows.Visits, ct);
        await BulkWriter.InsertAsync(db, rows.Services, ct);
        await BulkWriter.InsertAsync(db, rows.Watches, ct);
        await BulkWriter.InsertAsync(db, rows.Tags, ct);
        await BulkWriter.InsertAsync(db, [campaign], ct);
        var (shifts, notices, status) = Duty(communityPath, today, random);
        await BulkWriter.InsertAsync(db, shifts, ct);
        await BulkWriter.InsertAsync(db, notices, ct);
        await BulkWriter.InsertAsync(db, [status], ct);
        await BulkWriter.InsertAsync(db, subjects, ct);
        await BulkWriter.InsertAsync(db, coverage, ct);
        await BulkWriter.ResetIdentityAsync<VisitPlan>(db, ct);
        await BulkWriter.ResetIdentityAsync<Visit>(db, ct);
        await BulkWriter.ResetIdentityAsync<ServiceRequest>(db, ct);
        await BulkWriter.ResetIdentityAsync<HomeWatch>(db, ct);
        await BulkWriter.ResetIdentityAsync<PersonTag>(db, ct);
        await BulkWriter.ResetIdentityAsync<Campaign>(db, ct);
        await BulkWriter.ResetIdentityAsync<DutyShift>(db, ct);
        await BulkWriter.ResetIdentityAsync<CommunityNotice>(db, ct);
        await BulkWriter.ResetIdentityAsync<EpidemicFreeStatus>(db, ct);
    }

    private static DateTime At(DateOnly day, Random random) => ChinaTime.StartOf(day).AddHours(8 + random.NextDouble() * 9);

    private static Subject Of(Household h, Place place) => new(SubjectKind.Household, h.Id, h.Address, place.Id, h.Path);

    /// <summary>Every household is visited monthly, on working days, within three days either side; a year back from today.</summary>
    private static void Visits(Rows rows, List<Household> households, Dictionary<int, Place> places, DateOnly today, WorkCalendar calendar, Random random)
    {
        foreach (var h in households)
        {
            if (h.GridId is not { } gridId || !places.TryGetValue(gridId, out var place)) continue;
            var subject = Of(h, place);
            var anchor = today.AddDays(-365 + random.Next(28));
            var plan = VisitPlan.Create(subject, VisitPurpose.Routine, "", new Schedule(anchor, Repeat.Monthly, 1, 3, 3, true, null), calendar.IsWorkingDay)
                .WithId(rows.Plans.Count + 1);
            rows.Plans.Add(plan);
            while (plan.Status == PlanStatus.Active && plan.WindowStart is { } start && start <= today)
            {
                // Most visits fall in the window; a few a little late; the current month's may not have happened yet.
                var day = start.AddDays(random.Next(0, 7) + (random.Next(20) == 0 ? 5 : 0));
                if (day > today) break;
                var outcome = random.Next(100) switch { < 88 => VisitOutcome.Met, < 97 => VisitOutcome.NotAtHome, _ => VisitOutcome.Refused };
                var visit = Visit.Record(subject, VisitPurpose.Routine, place.Worker, At(day, random), day, outcome,
                    outcome == VisitOutcome.Met ? null : "敲门无人应答，改日再访", null,
                    new Position(111.56 + random.NextDouble() * 0.02, 38.06 + random.NextDouble() * 0.02, 5 + random.Next(60)), 100).WithId(rows.Visits.Count + 1);
                visit.CountAgainst(plan, calendar.IsWorkingDay);
                rows.Visits.Add(visit);
            }
        }
    }

    /// <summary>About three services a day across the community, most done and confirmed; the last days' still open.</summary>
    private static void Services(Rows rows, List<Household> households, Dictionary<int, Place> places, DateOnly today, Random random)
    {
        var needs = new (ServiceKind Kind, string Need, int Weight)[]
        {
            (ServiceKind.HomeSampling, "行动不便，请上门采样", 40), (ServiceKind.BuyGoods, "代购米面油和蔬菜", 25), (ServiceKind.Medicine, "代取降压药", 15),
            (ServiceKind.Rubbish, "帮忙清运生活垃圾", 15), (ServiceKind.Other, "代缴水电费", 5),
        };
        for (var day = today.AddDays(-364); day <= today; day = day.AddDays(1))
            for (var n = random.Next(1, 5); n > 0; n--)
            {
                var h = households[random.Next(households.Count)];
                if (h.GridId is not { } gridId || !places.TryGetValue(gridId, out var place)) continue;
                var pick = random.Next(100);
                var (kind, need, _) = needs.First(x => (pick -= x.Weight) < 0);
                var asked = At(day, random);
                var service = ServiceRequest.Ask(Of(h, place), null, kind, "户主", need, place.Worker, asked, null).WithId(rows.Services.Count + 1);
                if (day < today.AddDays(-1) || random.Next(3) == 0)
                {
                    service.Take(place.Worker, asked.AddMinutes(20));
                    service.Complete(place.Worker, asked.AddHours(2), ChinaTime.DateOf(asked.AddHours(2)), null);
                    if (random.Next(100) < 85) service.Confirm("户主", asked.AddHours(3));
                }
                rows.Services.Add(service);
            }
    }

    /// <summary>A few residents under home watch this fortnight, each with a daily check, most days done; the watch keeps their tag.</summary>
    private static void Watches(Rows rows, List<Person> people, Dictionary<int, Place> places, TagDefinition tag, DateOnly today, Random random)
    {
        var picked = people.Where((_, i) => i % 120 == 7).Take(16).ToList();
        foreach (var person in picked)
        {
            var place = places.Values.FirstOrDefault(p => p.Path == person.Path);
            if (place is null) continue;
            var from = today.AddDays(-random.Next(3, 10));
            var subject = new Subject(SubjectKind.Person, person.Id, person.Name, place.Id, person.Path);
            var type = random.Next(4) == 0 ? WatchType.HomeIsolation : WatchType.HealthMonitoring;
            var watch = HomeWatch.Open(subject, person.HouseholdId, type, from, from.AddDays(13), "外省返乡", "县疾控中心", "community", false)
                .WithId(rows.Watches.Count + 1);
            watch.Support(true, random.Next(3) == 0 ? "需要代购生活物资" : null);
            rows.Watches.Add(watch);
            var plan = VisitPlan.Create(subject, VisitPurpose.WatchCheck, "", Schedule.Daily(from, watch.To), _ => true, watch.Id).WithId(rows.Plans.Count + 1);
            rows.Plans.Add(plan);
            for (var day = from; day <= today; day = day.AddDays(1))
            {
                // Yesterday and before: nearly every check done; today's for about half.
                if (day == today ? random.Next(2) == 0 : random.Next(25) == 0) continue;
                var visit = Visit.Record(subject, VisitPurpose.WatchCheck, place.Worker, At(day, random), day, VisitOutcome.Met, "体温正常，无不适", null,
                    null, 100).WithId(rows.Visits.Count + 1);
                visit.CountAgainst(plan, _ => true);
                rows.Visits.Add(visit);
            }
            rows.Tags.Add(PersonTag.Attach(person, tag, watch.From, watch.To, false, byProgramme: true));
        }
    }

    /// <summary>The community's week on duty (the days before today handed over), three notices, and its no-epidemic status since three weeks.</summary>
    private static (List<DutyShift>, List<CommunityNotice>, EpidemicFreeStatus) Duty(string path, DateOnly today, Random random)
    {
        string[] leaders = ["王书记", "李主任", "张副主任"];
        string[] staff = ["刘敏、赵强", "陈静、孙伟", "周丽、吴刚", "郑洁、冯涛"];
        var shifts = new List<DutyShift>();
        for (var day = today.AddDays(-3); day <= today.AddDays(3); day = day.AddDays(1))
            foreach (var kind in Enum.GetValues<ShiftKind>())
            {
                var shift = DutyShift.Plan(path, day, kind, leaders[random.Next(leaders.Length)], staff[random.Next(staff.Length)], false)
                    .WithId(shifts.Count + 1);
                if (day < today) shift.HandOver(kind == ShiftKind.Day ? "辖区平稳，已完成当日排查汇总" : "夜间无异常", "community", ChinaTime.StartOf(day.AddDays(kind == ShiftKind.Day ? 0 : 1)).AddHours(kind == ShiftKind.Day ? 18 : 8));
                shifts.Add(shift);
            }
        var notices = new List<CommunityNotice>
        {
            CommunityNotice.Post(path, NoticeKind.Loudspeaker, "返乡人员主动报备", "近14天外出返乡的居民，请主动向所在网格员报备。", today.AddDays(-3), "community").WithId(1),
            CommunityNotice.Post(path, NoticeKind.Door, "居家健康监测告知书", "监测期间请每日配合网格员测温，不外出、不聚集。", today.AddDays(-6), "community").WithId(2),
            CommunityNotice.Post(path, NoticeKind.Board, "代办服务电话公示", "行动不便的居民可拨打社区电话预约代购、代取药、上门采样。", today.AddDays(-20), "community").WithId(3),
        };
        var status = EpidemicFreeStatus.Attain(path, today.AddDays(-21), EpidemicFreeStatus.Conditions, "township", false).WithId(1);
        return (shifts, notices, status);
    }

    /// <summary>A returnee screening of every household, started three days ago: most subjects done, some not at home, one exclusion waiting.</summary>
    private static Campaign Campaign(List<Household> households, Dictionary<int, int> members, Dictionary<int, Place> places, string path, string code, DateOnly today, DateTime now,
        Random random, out List<CampaignSubject> subjects, out List<CampaignCoverage> coverage)
    {
        IReadOnlyList<CampaignQuestion> form =
        [
            new("returned", "近14天是否有外出返乡人员", QuestionType.YesNo, Required: true),
            new("origin", "返乡来源地", QuestionType.Choice, Choices: ["省内", "省外", "境外"]),
            new("arrived", "抵达日期", QuestionType.Date),
            new("fever", "是否有发热、咳嗽等症状", QuestionType.YesNo, Required: true),
        ];
        var campaign = Domain(code, path, today, form).WithId(1);
        subjects = [];
        var rows = new Dictionary<int, CampaignCoverage>();
        var started = now.AddDays(-3);
        foreach (var h in households)
        {
            if (h.GridId is not { } gridId || !places.TryGetValue(gridId, out var place)) continue;
            var subject = CampaignSubject.Frozen(campaign.Id, SubjectKind.Household, h.Id, h.Id, gridId, h.Path, h.Address, members.GetValueOrDefault(h.Id))
                .WithId(CampaignFreeze.IdOf(campaign.Id, subjects.Count + 1));
            var at = started.AddHours(random.Next(1, 70));
            switch (random.Next(100))
            {
                case < 52:
                    var returned = random.Next(10) == 0;
                    subject.Take(SubjectAction.Complete, Worker, place.Worker, at, null, form, new Dictionary<string, string?>
                    {
                        ["returned"] = returned ? CampaignForm.Yes : CampaignForm.No, ["fever"] = CampaignForm.No,
                        ["origin"] = returned ? "省外" : null, ["arrived"] = returned ? today.AddDays(-5).ToString("yyyy-MM-dd") : null,
                    });
                    break;
                case < 60: subject.Take(SubjectAction.NotAtHome, Worker, place.Worker, at, null, form, null); break;
                case < 61: subject.Take(SubjectAction.Refuse, Worker, place.Worker, at, "不愿配合", form, null); break;
                case < 62: subject.Take(SubjectAction.RequestExclusion, Worker, place.Worker, at, "房屋空置多年", form, null); break;
            }
            subjects.Add(subject);
            if (!rows.TryGetValue(gridId, out var row))
                rows[gridId] = row = CampaignCoverage.Frozen(campaign.Id, gridId, place.Path, 0, 0).WithId(CampaignFreeze.IdOf(campaign.Id, rows.Count + 1));
            row.Add(subject.People);
            row.Move(SubjectState.Pending, subject.State);
        }
        var next = rows.Count;
        coverage = [.. rows.Values, .. CampaignCoverage.Rollups(campaign.Id, rows.Values, () => CampaignFreeze.IdOf(campaign.Id, ++next))];
        campaign.Start("community", started, today.AddDays(-3), subjects.Count, subjects.Sum(s => s.People));
        return campaign;
    }

    private static Campaign Domain(string code, string path, DateOnly today, IReadOnlyList<CampaignQuestion> form) =>
        FieldWork.Domain.Campaign.Define("滨河社区返乡人员入户排查", code, path, CampaignPopulation.Households, null, null, today.AddDays(-3), today.AddDays(7), form, "community");
}
