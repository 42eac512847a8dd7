using GridGov.Data;
using GridGov.Kernel.Files;
using GridGov.Kernel.Time;
using GridGov.Modules.Targets.Domain;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace GridGov.Modules.Demo;

/// <summary>
/// The rest of the city's 2021 cycle: 38 policy documents, two supervision rounds with findings
/// (each with a photo) and rectifications reported and verified, and a monthly review and a
/// quarterly push whose decisions were carried out, one of them late. Written as the domain
/// writes them, on the days they happened; run signed in as the city office.
/// </summary>
internal static class CycleHistory
{
    private const int Year = TrainingHistory.DriveYear;

    private static readonly string[] Subjects =
    [
        "全民技能提升工程实施方案", "职业技能培训补贴管理办法", "电子培训券发放使用管理办法", "技能人才评价工作实施意见", "吕梁山护工品牌建设方案",
        "技能大师工作室建设管理办法", "订单式培训工作指引", "职业技能等级认定工作方案", "培训机构监督管理办法", "技能提升工程考核办法",
    ];

    private static readonly (string Agency, string Body)[] Issuers =
        [("吕政发", "吕梁市人民政府"), ("吕政办发", "吕梁市人民政府办公室"), ("吕人社发", "吕梁市人力资源和社会保障局"), ("吕人社函", "吕梁市人力资源和社会保障局")];

    public static async Task GenerateAsync(IServiceProvider services, AdminArea city, IReadOnlyList<int> indicators, CancellationToken ct)
    {
        var db = services.GetRequiredService<GridGovDbContext>();
        var files = services.GetRequiredService<FileStore>();
        var counties = await db.Set<AdminArea>().AsNoTracking().Where(a => a.ParentId == city.Id).OrderBy(a => a.Code).ToListAsync(ct);
        Policies(db, city, indicators);
        await RoundAsync(db, files, city, counties, "全民技能提升工程第一轮督导", new DateOnly(Year, 6, 15), [1, 4, 9], ct);
        await RoundAsync(db, files, city, counties, "全民技能提升工程第二轮督导", new DateOnly(Year, 11, 8), [3, 11], ct);
        await MeetingAsync(db, city, counties, MeetingKind.QuarterlyPush, "第三季度全民技能提升工程推进会", new DateOnly(Year, 10, 12), [(4, "临县第四季度培训任务倒排工期"), (0, "离石区完成护工订单班开班")], ct);
        await MeetingAsync(db, city, counties, MeetingKind.MonthlyReview, "11月份技能提升工作调度会", new DateOnly(Year, 11, 30), [(6, "石楼县补齐取证考核场地"), (12, "汾阳市加快高技能人才评价")], ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The 38 documents of the year, a few a month, numbered per issuing agency.</summary>
    private static void Policies(GridGovDbContext db, AdminArea city, IReadOnlyList<int> indicators)
    {
        var serial = new Dictionary<string, int>();
        for (var n = 0; n < 38; n++)
        {
            var (agency, body) = Issuers[n % Issuers.Length];
            serial[agency] = serial.GetValueOrDefault(agency) + 1 + n % 3;
            var issued = new DateOnly(Year, 1 + n * 12 / 38, 3 + n * 7 % 24);
            var subject = Subjects[n % Subjects.Length];
            db.Add(PolicyDocument.Register(city.Path, city.Code, body, $"{agency}〔{Year}〕{serial[agency]}号", issued, $"关于印发《{subject}》的通知", null,
                [indicators[n % indicators.Count]], "全民技能提升工程", new DateOnly(Year, 12, 31), TargetsHistory.CityOffice, At(issued)));
        }
    }

    private static async Task RoundAsync(GridGovDbContext db, FileStore files, AdminArea city, List<AdminArea> counties, string title, DateOnly start,
        int[] visited, CancellationToken ct)
    {
        var round = InspectionRound.Plan(city.Path, city.Code, city.Name, title, "市委督查室 刘建国（组长）；市人社局 陈丽；市财政局 郭强", start, start.AddDays(4),
            TargetsHistory.CityOffice, At(start.AddDays(-5)));
        db.Add(round);
        await db.SaveChangesAsync(ct);
        var calendar = new WorkCalendar(PublishedHolidays.Year2026());
        foreach (var (index, n) in visited.Select((c, n) => (c, n)))
        {
            var county = counties[index];
            var day = start.AddDays(n);
            await using var image = new MemoryStream(Photo(n));
            var photo = await files.SaveImageAsync(image, ct);
            var stored = await files.ClaimAsync([photo], "finding", ct);
            var finding = Finding.Record(round, county.Path, county.Code, county.Name, day, n % 2 == 0 ? "培训台账缺少学员签到记录，部分班次无影像资料" : "补贴资金拨付进度滞后，未按月公示",
                [photo], TargetsHistory.CityOffice, At(day));
            db.Add(finding);
            var due = calendar.DueAt(At(day), TimeLimit.WorkingDays(10));
            var item = TrackedItem.Set(TrackedKind.Rectification, round.Id, city.Path, county.Path, county.Code, county.Name,
                n % 2 == 0 ? "补齐培训签到台账和影像资料" : "按月公示补贴拨付情况", $"{county.Name}人社局局长", due, TargetsHistory.CityOffice, At(day));
            db.Add(item);
            await db.SaveChangesAsync(ct);
            foreach (var file in stored) file.BelongTo(finding.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            finding.Rectify(item);
            // The last county of each round reports two days late.
            var reported = n == visited.Length - 1 ? due.AddDays(2) : due.AddDays(-3);
            item.Take(TrackedAction.Report, [TrackedActor.Owner], county.Name + "人社局", reported, "已按要求整改到位");
            item.Take(TrackedAction.Verify, [TrackedActor.Issuer], TargetsHistory.CityOffice, reported.AddDays(2), null);
        }
        await db.SaveChangesAsync(ct);
        round.Close(await db.Set<TrackedItem>().Where(i => i.Kind == TrackedKind.Rectification && i.SourceId == round.Id).ToListAsync(ct), At(start.AddDays(30)));
    }

    private static async Task MeetingAsync(GridGovDbContext db, AdminArea city, List<AdminArea> counties, MeetingKind kind, string title, DateOnly held,
        (int County, string Decision)[] decisions, CancellationToken ct)
    {
        var meeting = Targets.Domain.Meeting.Hold(city.Path, city.Code, city.Name, kind, title, held, "市政府分管副市长；市人社局、财政局负责人；各县（市、区）分管负责人",
            "通报全民技能提升工程进展，点评完成滞后的县（市、区），部署下一阶段任务。", new DateOnly(Year, 12, 31), TargetsHistory.CityOffice, At(held));
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        var calendar = new WorkCalendar(PublishedHolidays.Year2026());
        foreach (var (index, decision) in decisions)
        {
            var county = counties[index];
            var due = calendar.DueAt(At(held), TimeLimit.WorkingDays(15));
            var item = TrackedItem.Set(TrackedKind.Decision, meeting.Id, city.Path, county.Path, county.Code, county.Name, decision, $"{county.Name}分管副县长", due,
                TargetsHistory.CityOffice, At(held));
            item.Take(TrackedAction.Progress, [TrackedActor.Owner], county.Name + "人社局", At(held.AddDays(7)), "已制定工作方案，正在推进");
            item.Take(TrackedAction.Report, [TrackedActor.Owner], county.Name + "人社局", due.AddDays(-1), "已完成");
            item.Take(TrackedAction.Verify, [TrackedActor.Issuer], TargetsHistory.CityOffice, due.AddDays(1), null);
            db.Add(item);
        }
    }

    /// <summary>The demo's evidence photo: a small drawn picture, uploaded, stored and served like any other.</summary>
    private static byte[] Photo(int n)
    {
        using var bitmap = new SKBitmap(320, 240);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xE8, 0xEA, 0xED));
            using var paint = new SKPaint { Color = new SKColor((byte)(0x80 + 30 * n), 0x55, 0x48) };
            canvas.DrawRect(40, 60, 240, 120, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    private static DateTime At(DateOnly day) => ChinaTime.StartOf(day).AddHours(10);
}
