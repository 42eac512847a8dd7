using GridGov.Data;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.Targets.Application;
using GridGov.Modules.Targets.Domain;
using GridGov.Modules.Territory.Domain;
using GridGov.Modules.Training.Application;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Modules.Demo;

/// <summary>
/// Lüliang's 2021 skills drive as the city office ran it: four indicators read from the training
/// records, the city's targets (200,000 trained, 80,000 certified, 40,000 new skilled and 2,000
/// new high-skilled talents) split over its 13 counties, the other twelve counties' monthly
/// figures reported by hand with their source (their records are not held here), Lan County's own
/// from its trainees on the records, and the city's last two bulletins of the year, published
/// under truncation as the city printed them: trained 231,679 of 200,000, 115.83 %.
/// </summary>
public static class TargetsHistory
{
    public const string CityOffice = "city";
    public const string CityClerk = "cityclerk";
    public const string Office = "全民技能提升工程领导小组办公室";

    /// <summary>The city's published results for the year: what the records and the reports together must add up to.</summary>
    public static readonly (string Code, string Name, string Key, int Target, int Actual)[] Drive =
    [
        ("skills.trained", "职业技能培训人数", "training.trained", 200_000, 231_679),
        ("skills.certified", "取证人数", "training.certified", 80_000, 119_072),
        ("skills.new_skilled", "新增技能人才", "training.skilled", 40_000, 71_657),
        ("skills.new_high_skilled", "新增高技能人才", "training.high_skilled", 2_000, 2_829),
    ];

    /// <summary>Each county's share of the city's people, roughly, for splitting targets and reported figures.</summary>
    private static readonly int[] Weights = [12, 11, 7, 9, 16, 10, 4, 0, 4, 5, 3, 15, 11];

    public static async Task GenerateAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<GridGovDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var city = await db.Set<AdminArea>().AsNoTracking().FirstOrDefaultAsync(a => a.Code == LuliangDivisions.City, ct);
        if (city is null) return;
        var counties = await db.Set<AdminArea>().AsNoTracking().Where(a => a.ParentId == city.Id).OrderBy(a => a.Code).ToListAsync(ct);
        var lan = counties.Single(c => c.Code == LuliangDivisions.LanCounty);
        var year = TrainingHistory.DriveYear;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var lanOwn = await services.GetRequiredService<TrainingOutcomes>().UnderAsync(lan.Path, from, to, ct);
        var recorded = new[] { lanOwn.Trained, lanOwn.Certified, lanOwn.Skilled, lanOwn.HighSkilled };

        var settings = CycleSettings.For(city.Path, city.Code);
        settings.Change(DayOfWeek.Monday, RoundingMode.Truncate, 2, Office);
        db.Add(settings);
        var figures = new[] { "training.trained", "training.certified", "training.skilled", "training.high_skilled" };
        var indicators = Drive.Select(d => Indicator.Define(d.Code, d.Name, "人", IndicatorKind.Count, d.Key, null, acceptsReports: true,
            PeriodKinds.Year | PeriodKinds.Quarter | PeriodKinds.Month, 0, 1m, 0.8m, figures, CityOffice)).ToList();
        indicators.Add(Indicator.Define("incidents.on_time", "事件按时办结率", "", IndicatorKind.Rate, "incidents.closed_on_time", "incidents.closed", false,
            PeriodKinds.Week | PeriodKinds.Month | PeriodKinds.Quarter | PeriodKinds.Year, 5, 0.95m, 0.85m, ["incidents.closed_on_time", "incidents.closed"], CityOffice));
        db.AddRange(indicators);
        await db.SaveChangesAsync(ct);

        var at = ChinaTime.StartOf(new DateOnly(year, 2, 20)).AddHours(9);
        var others = counties.Where(c => c.Id != lan.Id).ToList();
        for (var i = 0; i < Drive.Length; i++)
        {
            var (indicator, drive) = (indicators[i], Drive[i]);
            var whole = Target.Set(indicator, city.Path, city.Code, city.Name, PeriodKind.Year, from, drive.Target, $"吕梁市{year}年全民技能提升工程目标责任书", CityOffice, at);
            db.Add(whole);
            await db.SaveChangesAsync(ct);
            // The demo holds Lan County's seat only: its target is set near what its records can reach, the rest over the other counties.
            var lanTarget = Math.Max(1, (int)Math.Ceiling(recorded[i] * 0.95));
            var parts = Split(drive.Target - lanTarget, others.Count);
            db.Add(whole.Part(indicator, lan.Path, lan.Code, lan.Name, lanTarget, CityOffice, at));
            db.AddRange(others.Select((c, n) => whole.Part(indicator, c.Path, c.Code, c.Name, parts[n], CityOffice, at)));
            var reported = Split(drive.Actual - recorded[i], others.Count);
            for (var n = 0; n < others.Count; n++)
                foreach (var (month, value) in Months(reported[n], n + i))
                {
                    var figure = ReportedFigure.Enter(indicator, others[n].Path, others[n].Code, others[n].Name, month, month.AddMonths(1).AddDays(-1), value, null,
                        $"{others[n].Name}人社局{month:yyyy年M月}技能提升工程统计月报", CityClerk, ChinaTime.StartOf(month.AddMonths(1).AddDays(4)).AddHours(10));
                    figure.Approve(CityOffice, ChinaTime.StartOf(month.AddMonths(1).AddDays(6)).AddHours(15));
                    db.Add(figure);
                }
        }
        var pledges = counties.Select(c => Pledge.Draft(c.Path, c.Code, c.Name, $"{year}年全民技能提升工程目标责任书", year, CityOffice, at)).ToList();
        db.AddRange(pledges);
        await db.SaveChangesAsync(ct);
        var targets = await db.Set<Target>().Where(t => t.ParentId != null).ToListAsync(ct);
        foreach (var pledge in pledges)
        {
            var own = targets.Where(t => t.Path == pledge.Path).ToList();
            pledge.Bind(own);
        }
        await db.SaveChangesAsync(ct);
        await BulletinsAsync(services, city, indicators, ct);
    }

    /// <summary>The city's 14 weekly bulletins of the drive's last quarter, to the year's end, compiled, approved and published by its office.</summary>
    public const int Bulletins = 14;

    private static async Task BulletinsAsync(IServiceProvider services, AdminArea city, List<Indicator> indicators, CancellationToken ct)
    {
        var user = services.GetRequiredService<CurrentUser>();
        var before = new CurrentUser();
        user.CopyTo(before);
        user.SignIn("demo-" + CityOffice, CityOffice, [Roles.CountyCentre], city.Path, city.Path);
        try
        {
            var desk = services.GetRequiredService<BulletinDesk>();
            var ids = indicators.Take(Drive.Length).Select(i => i.Id).ToList();
            var yearEnd = new DateOnly(TrainingHistory.DriveYear, 12, 31);
            for (var n = Bulletins - 1; n >= 0; n--)
            {
                var bulletin = await desk.CompileAsync(new CompileBulletin(city.Code, yearEnd.AddDays(-7 * n), ids), ct);
                await desk.ApproveAsync(bulletin.Id, ct);
                await desk.PublishAsync(bulletin.Id, ct);
            }
            await CycleHistory.GenerateAsync(services, city, ids, ct);
        }
        finally
        {
            before.CopyTo(user);
        }
    }

    /// <summary>A whole split by the weights, the remainder to the largest shares, so that the parts add up exactly.</summary>
    private static int[] Split(int whole, int count)
    {
        var weights = Weights.Where(w => w > 0).Take(count).ToArray();
        var sum = weights.Sum();
        var parts = weights.Select(w => whole * w / sum).ToArray();
        parts[Array.IndexOf(weights, weights.Max())] += whole - parts.Sum();
        return parts;
    }

    /// <summary>A county's year in monthly reports: more in spring and autumn, the months adding up to the year exactly.</summary>
    private static IEnumerable<(DateOnly Month, long Value)> Months(int year, int shift)
    {
        int[] shape = [4, 6, 9, 10, 9, 8, 7, 8, 10, 11, 9, 9];
        var total = shape.Sum();
        long given = 0;
        for (var m = 0; m < 12; m++)
        {
            var value = m == 11 ? year - given : (long)year * shape[(m + shift) % 12] / total;
            given += value;
            yield return (new DateOnly(TrainingHistory.DriveYear, m + 1, 1), value);
        }
    }
}
