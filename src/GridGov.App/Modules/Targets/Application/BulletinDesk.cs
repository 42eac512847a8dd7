using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Notices;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.Targets.Contracts;
using GridGov.Modules.Targets.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GridGov.Modules.Targets.Application;

/// <param name="WeekOf">Any day of the week reported on; the area's week starts on its own first day.</param>
/// <param name="IndicatorIds">The indicators, in the order the bulletin lists them.</param>
public sealed record CompileBulletin(string? AreaCode, DateOnly WeekOf, IReadOnlyList<int> IndicatorIds, string? Office = null,
    RoundingMode? Rounding = null, int? Decimals = null);

/// <summary>
/// The office's weekly bulletin from compiling to publication: the figures of every unit under
/// the area frozen at compile time (a figure that fails to read fails the bulletin, which can then
/// never be published), the text written from them, approval, and publication with a notice to
/// each unit named.
/// </summary>
public sealed class BulletinDesk(GridGovDbContext db, CurrentUser user, TimeProvider clock, CycleBook cycles, UnitFigures figures, ITerritoryMap map,
    NoticeBoard notices, ILogger<BulletinDesk> log)
{
    public const int MaxIndicators = 20;

    public async Task<BulletinView> CompileAsync(CompileBulletin input, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Manage);
        var (path, code) = await cycles.AreaAsync(input.AreaCode, ct);
        if (!user.CanCapture(path)) throw new NotFoundException("area_not_found", code);
        var ids = (input.IndicatorIds ?? []).Distinct().ToList();
        if (ids.Count is 0 or > MaxIndicators) throw new ValidationException("indicatorIds", ids.Count == 0 ? "required" : "out_of_range");
        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => ids.Contains(i.Id) && i.IsActive).ToListAsync(ct);
        if (indicators.Count != ids.Count) throw new ValidationException("indicatorIds", "unknown");
        var cycle = await cycles.OfAsync(path, code, ct);
        var rule = RoundingRule.Of(input.Rounding ?? cycle.Rounding, input.Decimals ?? cycle.Decimals);
        var week = BulletinWeek.Of(input.WeekOf, cycle.WeekStartsOn);
        var office = string.IsNullOrWhiteSpace(input.Office) ? cycle.Office : input.Office.Trim();
        var areaName = await cycles.NameAsync(path, code, ct);
        var units = (await map.ChildrenAsync(path, ct)).Select(c => new Unit(c.Path, c.Code, c.Name)).ToList();
        var number = await db.Set<Bulletin>().Where(b => b.Path == path && b.Office == office && b.Year == week.Year).MaxAsync(b => (int?)b.Number, ct) ?? 0;
        var previous = await db.Set<Bulletin>().AsNoTracking()
            .Where(b => b.Path == path && b.Office == office && b.State == BulletinState.Published && b.WeekTo < week.To)
            .OrderByDescending(b => b.WeekTo).ThenByDescending(b => b.Number).FirstOrDefaultAsync(ct);
        var bulletin = Bulletin.Compile(path, code, areaName, office, week, number + 1, rule, previous?.Id, user.UserName, clock.UtcNow());
        var lines = await LinesAsync(bulletin, ids.Select(id => indicators.Single(i => i.Id == id)).ToList(), units, previous, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(bulletin);
        await db.SaveChangesAsync(ct);
        if (lines is not null)
        {
            db.AddRange(lines.Select(l => l.For(bulletin.Id)));
            bulletin.Write(BulletinText.Generate(areaName, rule, lines));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return await GetAsync(bulletin.Id, ct);
    }

    /// <summary>Every indicator's lines, or null with the bulletin failed when any figure could not be read.</summary>
    private async Task<List<BulletinLine>?> LinesAsync(Bulletin bulletin, List<Indicator> indicators, List<Unit> units, Bulletin? previous,
        CancellationToken ct)
    {
        var before = previous is null ? [] : await db.Set<BulletinLine>().AsNoTracking().Where(l => l.BulletinId == previous.Id).ToListAsync(ct);
        var lines = new List<BulletinLine>();
        var area = new Unit(bulletin.Path, bulletin.AreaCode, bulletin.AreaName);
        IReadOnlyList<IReadOnlyList<UnitFigure>> all;
        try
        {
            all = await figures.ReadAsync(indicators, [.. units, area], bulletin.PeriodFrom, bulletin.PeriodTo, PeriodKind.Year, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Bulletin of {Area} for {Week}: the figures could not be read", bulletin.AreaCode, bulletin.WeekYear);
            bulletin.Fail(e is AppException app ? app.Code : e.GetType().Name);
            return null;
        }
        for (var order = 0; order < indicators.Count; order++)
        {
            var indicator = indicators[order];
            var read = all[order];
            var parts = read.Take(units.Count).Select(f => BulletinLine.Of(order, indicator, f, isTotal: false)).ToList();
            Ranking.Rank(indicator, parts);
            var own = read[^1];
            // The total is the sum of the units' raw figures, set against the area's own target (or the sum of theirs).
            var total = BulletinLine.Of(order, indicator, new UnitFigure(area.Path, area.Code, area.Name, parts.Sum(p => p.Numerator),
                indicator.Kind == IndicatorKind.Rate ? parts.Sum(p => p.Denominator ?? 0) : null,
                own.Target ?? (parts.All(p => p.Target is null) ? null : parts.Sum(p => p.Target ?? 0))), isTotal: true);
            total.Place(null, false, false, indicator.RagOf(total.Completion));
            foreach (var line in parts.Append(total))
                line.Follow(before.FirstOrDefault(b => b.IndicatorId == indicator.Id && b.UnitPath == line.UnitPath && b.IsTotal == line.IsTotal));
            lines.AddRange(parts);
            lines.Add(total);
        }
        return lines;
    }

    public async Task<BulletinView> GetAsync(int id, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        var bulletin = await db.Set<Bulletin>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("bulletin_not_found", id);
        var lines = await db.Set<BulletinLine>().AsNoTracking().Where(l => l.BulletinId == id).ToListAsync(ct);
        return BulletinRows.View(bulletin, lines);
    }

    /// <summary>Whether the bulletin is of an area the caller works in (may edit, approve and publish it), not one read from below.</summary>
    public async Task<bool> IsOwnAsync(int id, CancellationToken ct) =>
        await db.Set<Bulletin>().AsNoTracking().Where(b => b.Id == id).Select(b => b.Path).FirstOrDefaultAsync(ct) is { } path && user.CanCapture(path);

    public async Task<Page<BulletinSummary>> ListAsync(BulletinState? state, PageRequest page, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        var rows = db.Set<Bulletin>().AsNoTracking();
        if (state is { } s) rows = rows.Where(b => b.State == s);
        return await rows.OrderByDescending(b => b.WeekTo).ThenByDescending(b => b.Id)
            .Select(b => new BulletinSummary(b.Id, b.AreaName + b.Office + "工作周通报", b.Year + "年第" + b.Number + "期", b.AreaName, b.WeekYear, b.WeekNumber,
                b.WeekFrom, b.WeekTo, b.State, b.CompiledAt, b.PublishedAt))
            .ToPageAsync(page, ct);
    }

    public Task<BulletinView> WriteAsync(int id, string text, CancellationToken ct) =>
        ChangeAsync(id, TargetsPermissions.Manage, b => b.Write(text), ct);

    public Task<BulletinView> ApproveAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, TargetsPermissions.Approve, b => b.Approve(user.UserName, clock.UtcNow()), ct);

    /// <summary>Publishes an approved bulletin and tells each unit it names.</summary>
    public async Task<BulletinView> PublishAsync(int id, CancellationToken ct)
    {
        var view = await ChangeAsync(id, TargetsPermissions.Approve, b => b.Publish(user.UserName, clock.UtcNow()), ct, announce: true);
        await notices.SendPendingAsync(ct);
        return view;
    }

    private async Task<BulletinView> ChangeAsync(int id, Kernel.Security.Permission permission, Action<Bulletin> change, CancellationToken ct,
        bool announce = false)
    {
        user.Require(permission);
        var bulletin = await db.Set<Bulletin>().ForChangeAsync(b => b.Id == id, user, "bulletin_not_found", id, ct);
        change(bulletin);
        if (announce)
        {
            var units = await db.Set<BulletinLine>().AsNoTracking().Where(l => l.BulletinId == id && !l.IsTotal)
                .Select(l => new { l.UnitPath, l.UnitName }).Distinct().ToListAsync(ct);
            foreach (var unit in units)
                notices.Add(new NoticeSubject("bulletin", id.ToString(System.Globalization.CultureInfo.InvariantCulture), bulletin.Title + " " + bulletin.NumberText,
                    unit.UnitPath, $"/targets/bulletins/{id}"), "bulletin_published", TargetsAudiences.Unit(unit.UnitPath));
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }
}

/// <summary>The units a user answers for: the area they work in, told when a bulletin names it.</summary>
internal sealed class TargetsAudiences : INoticeAudiences
{
    public static string Unit(string path) => "unit:" + path;

    public IEnumerable<string> Of(CurrentUser user)
    {
        if (user.Has(TargetsPermissions.View) && user.CapturePath is { Length: > 0 } path) yield return Unit(path);
    }
}
