using GridGov.Data;
using GridGov.Kernel.Time;
using GridGov.Modules.People.Domain;
using GridGov.Modules.Territory.Domain;
using GridGov.Modules.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Demo;

/// <summary>
/// A year of Lan County's training vouchers, written through the domain's rules: two providers and
/// their classes, a programme whose rules the people chosen pass, and vouchers in every state —
/// unclaimed, claimed, in training, certified, reviewed, paid in monthly batches, lapsed, cancelled
/// and trained without a certificate. Relative to the seeding day.
/// </summary>
public static class TrainingHistory
{
    public const string ProviderLogin = "provider";
    public const string IssuedBy = "hrbureau";
    public const string ReviewedBy = "hrreview";
    public const int Vouchers = 480;

    private static readonly string[] TargetTags = ["poverty_lifted", "edge_household", "migrant_worker", "laid_off", "veteran", "disabled", "unemployed_graduate"];

    private static readonly (string Occupation, CertificateLevel Level)[] Courses =
        [("养老护理员", CertificateLevel.Intermediate), ("中式烹调师", CertificateLevel.Junior), ("电工", CertificateLevel.Senior), ("家政服务员", CertificateLevel.Junior)];

    public static async Task GenerateAsync(GridGovDbContext db, int seed, DateTime now, string county, CancellationToken ct)
    {
        var countyPath = await db.Set<AdminArea>().Where(a => a.Code == county).Select(a => a.Path).FirstOrDefaultAsync(ct);
        if (countyPath is null) return;
        var today = ChinaTime.DateOf(now);
        var start = today.AddDays(-365);
        var random = new Random(seed + 13);
        var (school, caregivers) = await ProvidersAsync(db, county, countyPath, At(start), ct);
        await ProgrammeYearAsync(db, random, school, caregivers, county, countyPath, start, today, $"岚县普惠制职业技能培训券（{start.Year}–{today.Year}）", 30,
            Vouchers, ct);
        await StudiosAsync(db, county, countyPath, today, random, ct);
        db.AddRange(Stations.Select(s => BrandStation.Open(BrandStation.Caregivers, s.Kind, s.Name, s.City, s.Contact, start.AddDays(s.OpenedAfter), countyPath, IssuedBy)));
        await db.SaveChangesAsync(ct);
        // Lüliang's 2021 skills drive: the county's own trainees of that year, on the records, for the city's year-end bulletin.
        await ProgrammeYearAsync(db, new Random(seed + DriveYear), school, caregivers, county, countyPath, new DateOnly(DriveYear, 1, 1),
            new DateOnly(DriveYear, 12, 31), $"岚县全民技能提升工程培训券（{DriveYear}）", -25, DriveVouchers, ct);
    }

    /// <summary>The year of the skills drive whose figures the demo's targets and bulletins carry.</summary>
    public const int DriveYear = 2021;

    /// <summary>The drive year's vouchers in the county's seat, fewer than this year's: enough for its own column of the city's bulletins.</summary>
    public const int DriveVouchers = 200;

    /// <summary>A programme over a stretch of time: its rules, classes, vouchers and what became of each, trained, certified, reviewed and paid.</summary>
    private static async Task ProgrammeYearAsync(GridGovDbContext db, Random random, TrainingProvider school, TrainingProvider caregivers, string county,
        string countyPath, DateOnly start, DateOnly today, string name, int planAhead, int count, CancellationToken ct)
    {
        var programme = VoucherProgramme.Define(name, ProgrammeKind.Universal, county, countyPath, start,
            today.AddDays(180), 2_000_000, new SubsidyTable(new Dictionary<CertificateLevel, int>
            {
                [CertificateLevel.Completion] = 600, [CertificateLevel.Junior] = 1000, [CertificateLevel.Intermediate] = 1500, [CertificateLevel.Senior] = 2000,
            }), VoucherProgramme.DefaultExpiryDays, null, IssuedBy, At(start));
        db.Add(programme);
        await db.SaveChangesAsync(ct);
        var rules = EligibilityRules.Effective(programme.Id, start, TargetTags, 16, 60, null, 1, true, IssuedBy, At(start));
        db.Add(rules);
        var classes = Classes(school, caregivers, start, today, planAhead);
        db.AddRange(classes);
        await db.SaveChangesAsync(ct);
        var people = await EligiblePeopleAsync(db, programme, rules, countyPath, start, ct);
        var vouchers = new List<Voucher>();
        var enrolments = new List<(Voucher Voucher, TrainingClass Class, DateOnly On)>();
        for (var i = 0; i < Math.Min(count, people.Count); i++)
        {
            var person = people[random.Next(people.Count)];
            if (vouchers.Any(v => v.PersonId == person.Id)) continue;
            var issued = start.AddDays(random.Next(0, 360));
            var voucher = Voucher.Issue(programme, person.Id, person.Name, person.Path, IssuedBy, At(issued), issued);
            vouchers.Add(voucher);
            Live(voucher, classes, issued, today, random, enrolments);
        }
        db.AddRange(vouchers);
        await db.SaveChangesAsync(ct);
        await TrainAsync(db, enrolments, today, random, programme.SubsidyTable, ct);
        await PayAsync(db, programme, vouchers, today, ct);
    }

    /// <summary>The caregiver brand's offices and stations where its workers go.</summary>
    private static readonly (StationKind Kind, string Name, string City, string Contact, int OpenedAfter)[] Stations =
    [
        (StationKind.Office, "吕梁山护工太原服务处", "太原市", "0351-7654321", 0), (StationKind.Office, "吕梁山护工北京服务处", "北京市", "010-87654321", 30),
        (StationKind.Station, "吕梁山护工天津和平服务站", "天津市", "022-27654321", 90), (StationKind.Station, "吕梁山护工西安长安服务站", "西安市", "029-85654321", 120),
        (StationKind.Station, "吕梁山护工太原小店服务站", "太原市", "0351-7012345", 200),
    ];

    private static readonly (string Studio, string Master, string Occupation, string Host)[] StudioApplicants =
    [
        ("王建平电工技能大师工作室", "王建平", "电工", "岚县供电公司"), ("李秀英养老护理技能大师工作室", "李秀英", "养老护理员", "吕梁山护工培训基地（岚县）"),
        ("张卫东焊工技能大师工作室", "张卫东", "焊工", "岚县鑫源电力工程公司"), ("刘桂兰中式面点技能大师工作室", "刘桂兰", "中式面点师", "岚县职业技能培训学校"),
        ("赵国强汽车维修技能大师工作室", "赵国强", "汽车维修工", "岚县运输公司"), ("孙丽华育婴技能大师工作室", "孙丽华", "育婴员", "岚县妇幼保健院"),
        ("周明亮农机修理技能大师工作室", "周明亮", "农机修理工", "岚县农机服务中心"), ("吴春梅家政服务技能大师工作室", "吴春梅", "家政服务员", "岚县康养中心"),
    ];

    /// <summary>This year's round of skill master studios in the county: eight applications, five experts' scores each, three selected, two granted.</summary>
    private static async Task StudiosAsync(GridGovDbContext db, string county, string countyPath, DateOnly today, Random random, CancellationToken ct)
    {
        var applied = At(today.AddDays(-60));
        var studios = StudioApplicants.Select((a, i) => StudioApplication.Apply(today.Year, county, countyPath, a.Studio, a.Master, a.Occupation,
            i % 3 == 0 ? CertificateLevel.SeniorTechnician : CertificateLevel.Technician, a.Host, IssuedBy, applied)).ToList();
        db.AddRange(studios);
        await db.SaveChangesAsync(ct);
        var scores = new Dictionary<int, IReadOnlyList<int>>();
        foreach (var studio in studios)
        {
            var marks = Enumerable.Range(1, 5).Select(_ => random.Next(70, 98)).ToList();
            scores[studio.Id] = marks;
            db.AddRange(marks.Select((m, e) => StudioScore.Of(studio, $"评审专家{e + 1}", m, null, ReviewedBy, At(today.AddDays(-30)))));
        }
        var selected = StudioApplication.Select(scores, 3).ToHashSet();
        foreach (var studio in studios) studio.Decide(selected.Contains(studio.Id), ReviewedBy, At(today.AddDays(-20)));
        foreach (var studio in studios.Where(s => selected.Contains(s.Id)).Take(2))
            studio.PayGrant(StudioApplication.DefaultGrant, $"GK{today:yyyyMM}S{studio.Id:D3}", IssuedBy, At(today.AddDays(-10)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What became of one voucher: left unclaimed, cancelled, or claimed and taken to a class that starts after the claim.</summary>
    private static void Live(Voucher voucher, List<TrainingClass> classes, DateOnly issued, DateOnly today, Random random,
        List<(Voucher, TrainingClass, DateOnly)> enrolments)
    {
        var fate = random.Next(100);
        if (fate < 8)
        {
            if (voucher.IsLapsedOn(today)) voucher.Expire(At(voucher.UsableUntil!.Value.AddDays(1)));
            return;
        }
        if (fate < 12)
        {
            voucher.Cancel("本人外出务工，自愿放弃", IssuedBy, At(issued.AddDays(3)), null);
            return;
        }
        var claimed = issued.AddDays(random.Next(1, 20));
        if (claimed > today) return;
        voucher.Claim("trainee:" + voucher.PersonId, At(claimed), claimed, null);
        var next = classes.Where(c => c.StartsOn >= claimed && c.StartsOn <= claimed.AddDays(60) && c.StartsOn <= today)
            .OrderBy(_ => random.Next()).FirstOrDefault();
        if (next is null || fate < 16)
        {
            if (voucher.IsLapsedOn(today)) voucher.Expire(At(voucher.UsableUntil!.Value.AddDays(1)));
            return;
        }
        var enrolled = next.StartsOn.AddDays(-1) < claimed ? claimed : next.StartsOn.AddDays(-1);
        voucher.Enrol(next, ProviderLogin, At(enrolled), enrolled, null);
        enrolments.Add((voucher, next, enrolled));
    }

    /// <summary>Attendance for each class day up to today; finished classes close, certificates follow, and the bureau reviews them ten days later.</summary>
    private static async Task TrainAsync(GridGovDbContext db, List<(Voucher Voucher, TrainingClass Class, DateOnly On)> enrolled, DateOnly today,
        Random random, SubsidyTable subsidies, CancellationToken ct)
    {
        var seats = enrolled.Select(e => (Enrolment: Enrolment.Of(e.Class, e.Voucher.PersonId, e.Voucher.PersonName, e.Voucher.Path, e.Voucher.Id, ProviderLogin,
            At(e.On), e.On), e.Voucher, e.Class)).ToList();
        db.AddRange(seats.Select(e => e.Enrolment));
        await db.SaveChangesAsync(ct);
        foreach (var (enrolment, voucher, trainingClass) in seats)
        {
            var diligent = random.Next(100) >= 6;
            var days = 0;
            for (var day = trainingClass.StartsOn; day <= trainingClass.EndsOn && day <= today; day = day.AddDays(1))
                if (diligent || random.Next(100) < 50)
                {
                    db.Add(AttendanceMark.Of(enrolment, day, ProviderLogin, At(day)));
                    days++;
                }
            if (trainingClass.EndsOn >= today) continue;
            var end = trainingClass.EndsOn.AddDays(1);
            voucher.FinishTraining(ProviderLogin, At(end), null);
            if (!enrolment.Close(trainingClass, days, end))
            {
                voucher.RecordNoCertificate("attendance_short", ProviderLogin, At(end), null);
                continue;
            }
            var examined = end.AddDays(7);
            if (examined > today) continue;
            if (random.Next(100) < 7)
            {
                voucher.RecordNoCertificate("考核未通过", ProviderLogin, At(examined), null);
                continue;
            }
            FollowUp(enrolment, trainingClass, examined, today, random);
            var level = random.Next(100) < 70 ? trainingClass.Level : CertificateLevel.Completion;
            var number = $"{trainingClass.Id:D3}{enrolment.Id:D5}";
            enrolment.Certify(level, number, examined);
            voucher.Certify(level, number, examined, ProviderLogin, At(examined), null);
            var reviewed = examined.AddDays(10);
            if (reviewed <= today) voucher.Review(subsidies, ReviewedBy, At(reviewed), null);
        }
        await db.SaveChangesAsync(ct);
    }

    private static readonly (string Employer, string City)[] Employers =
        [("岚县康养中心", "吕梁市"), ("吕梁市第一人民医院", "吕梁市"), ("太原家政服务有限公司", "太原市"), ("岚县鑫源电力工程公司", "吕梁市"), ("北京颐和养老院", "北京市"),
         ("天津和平区居家养老服务中心", "天津市"), ("西安长安养老公寓", "西安市")];

    /// <summary>A follow-up call or the employer's word a few weeks after the exam: most order-class trainees and over half of the others at work.</summary>
    private static void FollowUp(Enrolment enrolment, TrainingClass trainingClass, DateOnly examined, DateOnly today, Random random)
    {
        var employed = examined.AddDays(random.Next(3, 40));
        if (employed > today || random.Next(100) >= (trainingClass.Kind == ClassKind.Order ? 88 : 62)) return;
        var (employer, city) = trainingClass.Employer is { } own ? (own, "吕梁市") : Employers[random.Next(Employers.Length)];
        var check = trainingClass.Employer is not null ? EmploymentCheck.EmployerConfirmed : random.Next(2) == 0 ? EmploymentCheck.SocialInsurance : EmploymentCheck.FollowUpCall;
        enrolment.RecordEmployment(employer, employed, check, ProviderLogin, today, city);
    }

    /// <summary>Each month's reviewed vouchers paid to their provider a month later, in one batch each.</summary>
    private static async Task PayAsync(GridGovDbContext db, VoucherProgramme programme, List<Voucher> vouchers, DateOnly today, CancellationToken ct)
    {
        var due = vouchers.Where(v => v.State == VoucherState.Reviewed && v.StepAt is { } at && ChinaTime.DateOf(at).AddDays(30) <= today)
            .GroupBy(v => (v.ProviderId!.Value, Month: ChinaTime.DateOf(v.StepAt!.Value).ToString("yyyyMM")));
        foreach (var group in due.OrderBy(g => g.Key.Month))
        {
            var drafted = DateOnly.ParseExact(group.Key.Month + "01", "yyyyMMdd").AddMonths(1);
            var batch = PaymentBatch.Draft(programme, group.Key.Value, ReviewedBy, At(drafted));
            db.Add(batch);
            await db.SaveChangesAsync(ct);
            batch.Number();
            batch.Hold(group.ToList());
            batch.Approve(IssuedBy, At(drafted.AddDays(2)));
            batch.Pay(group.ToList(), $"GK{drafted:yyyyMM}{batch.Id:D4}", ReviewedBy, At(drafted.AddDays(5)));
            await db.SaveChangesAsync(ct);
        }
    }

    private static async Task<(TrainingProvider School, TrainingProvider Caregivers)> ProvidersAsync(GridGovDbContext db, string county, string countyPath,
        DateTime at, CancellationToken ct)
    {
        var school = TrainingProvider.Approve("岚县职业技能培训学校", "91141127MA0KDEMO01", county, countyPath, "0358-6621234",
            Courses.Select(c => new ApprovedOccupation(c.Occupation, CertificateLevel.Senior)).ToList(), IssuedBy, at);
        var caregivers = TrainingProvider.Approve("吕梁山护工培训基地（岚县）", "52141127MJ0DEMO002", county, countyPath, "0358-6625678",
            [new ApprovedOccupation("养老护理员", CertificateLevel.Senior), new ApprovedOccupation("育婴员", CertificateLevel.Intermediate)], IssuedBy, at);
        db.AddRange(school, caregivers);
        await db.SaveChangesAsync(ct);
        db.Add(ProviderStaff.Of(school.Id, ProviderLogin, IssuedBy, at));
        return (school, caregivers);
    }

    /// <summary>A class starting every three weeks at one provider or the other, each three weeks long.</summary>
    private static List<TrainingClass> Classes(TrainingProvider school, TrainingProvider caregivers, DateOnly start, DateOnly today, int planAhead)
    {
        var classes = new List<TrainingClass>();
        var n = 0;
        for (var day = start.AddDays(10); day <= today.AddDays(planAhead); day = day.AddDays(21), n++)
        {
            var (occupation, level) = Courses[n % Courses.Length];
            var provider = occupation == "养老护理员" && n % 2 == 0 ? caregivers : school;
            var kind = n % 5 == 4 ? ClassKind.Order : ClassKind.Open;
            classes.Add(TrainingClass.Plan(provider, kind, $"{occupation}第{n + 1}期", occupation, level, kind == ClassKind.Order ? "岚县康养中心" : null,
                day, day.AddDays(20), 60, 16, ProviderLogin, At(day.AddDays(-14)), provider == caregivers ? BrandStation.Caregivers : null));
        }
        return classes;
    }

    /// <summary>People of the county who pass the programme's rules on its first day, in id order.</summary>
    private static async Task<List<Person>> EligiblePeopleAsync(GridGovDbContext db, VoucherProgramme programme, EligibilityRules rules, string countyPath,
        DateOnly on, CancellationToken ct)
    {
        var tagged = await db.Set<PersonTag>()
            .Join(db.Set<TagDefinition>(), pt => pt.TagId, t => t.Id, (pt, t) => new { pt.PersonId, t.Code })
            .Where(x => TargetTags.Contains(x.Code)).ToListAsync(ct);
        var tags = tagged.GroupBy(x => x.PersonId).ToDictionary(g => g.Key, g => g.Select(x => x.Code).ToHashSet());
        var ids = tags.Keys.ToList();
        var people = new List<Person>();
        foreach (var chunk in ids.Chunk(1000))
            people.AddRange(await db.Set<Person>().AsNoTracking().Where(p => chunk.Contains(p.Id) && p.IsActive && p.Path.StartsWith(countyPath)).ToListAsync(ct));
        return people.OrderBy(p => p.Id).Where(p => rules.Evaluate(new PersonFacts(p.Id, p.IsActive, p.Path, p.BirthDate, p.Residency.ToString(), tags[p.Id],
            p.PhoneIndex != null, null), on, programme.Path).Verdict == Verdict.Eligible).ToList();
    }

    private static DateTime At(DateOnly day) => ChinaTime.StartOf(day).AddHours(10);
}
