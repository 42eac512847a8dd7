using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.Targets.Contracts;
using GridGov.Modules.Targets.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Targets.Application;

public sealed record SetTarget(int IndicatorId, string? AreaCode, PeriodKind PeriodKind, DateOnly Within, decimal Value, string Source);

public sealed record SplitPart(string AreaCode, decimal Value);

public sealed record SplitTarget(IReadOnlyList<SplitPart> Parts);

public sealed record ReviseTarget(decimal Value, string Reason);

public sealed record TargetView(int Id, int IndicatorId, string Indicator, string AreaCode, string UnitName, PeriodKind PeriodKind, DateOnly From, DateOnly To,
    decimal Value, string Source, int? ParentId, int? PledgeId, bool IsLocked, int Revision, string SetBy);

public sealed record RevisionView(int Id, int TargetId, decimal OldValue, decimal NewValue, string Reason, RevisionState State, string ProposedBy,
    DateTime ProposedAt, string? DecidedBy);

public sealed record SplitView(TargetView Whole, SplitCheck Check, IReadOnlyList<TargetView> Parts);

/// <summary>Targets set, split down, changed while unlocked, and revised with a second person's approval once a signed pledge locks them.</summary>
public sealed class TargetBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, CycleBook cycles, ITerritoryMap map)
{
    public async Task<Page<TargetView>> ListAsync(int? indicatorId, int? year, string? areaCode, PageRequest page, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        var rows = db.Set<Target>().AsNoTracking();
        if (indicatorId is { } i) rows = rows.Where(t => t.IndicatorId == i);
        if (year is { } y) rows = rows.Where(t => t.From.Year == y);
        if (!string.IsNullOrWhiteSpace(areaCode))
        {
            var (path, _) = await cycles.AreaAsync(areaCode, ct);
            rows = rows.Where(t => t.Path.StartsWith(path));
        }
        return await Views(rows).ToPageAsync(page, ct);
    }

    public async Task<TargetView> GetAsync(int id, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        return await Views(db.Set<Target>().AsNoTracking().Where(t => t.Id == id)).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("target_not_found", id);
    }

    /// <summary>The path of a target in view, for the units below it.</summary>
    public async Task<string> PathOfAsync(int id, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        return await db.Set<Target>().AsNoTracking().Where(t => t.Id == id).Select(t => t.Path).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("target_not_found", id);
    }

    /// <summary>Several targets in one read, by indicator, unit and period.</summary>
    internal Task<List<TargetView>> ManyAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        Views(db.Set<Target>().AsNoTracking().Where(t => ids.Contains(t.Id))).ToListAsync(ct);

    /// <summary>Sets a unit's target, or changes it when one is set for the period already (refused once locked).</summary>
    public async Task<TargetView> SetAsync(SetTarget input, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Manage);
        var indicator = await IndicatorAsync(input.IndicatorId, ct);
        var (path, code) = await cycles.AreaAsync(input.AreaCode, ct);
        if (!user.CanCapture(path)) throw new ForbiddenException("outside_capture_scope");
        var (from, _) = Target.PeriodOf(input.PeriodKind, input.Within);
        var target = await db.Set<Target>().FirstOrDefaultAsync(t => t.IndicatorId == indicator.Id && t.Path == path && t.PeriodKind == input.PeriodKind
            && t.From == from, ct);
        if (target is null)
            db.Add(target = Target.Set(indicator, path, code, await cycles.NameAsync(path, code, ct), input.PeriodKind, input.Within, input.Value, input.Source,
                user.UserName, clock.UtcNow()));
        else target.Change(indicator, input.Value, input.Source, user.UserName, clock.UtcNow());
        await db.SaveChangesAsync(ct);
        return await GetAsync(target.Id, ct);
    }

    /// <summary>Splits a target over the units directly below its unit; refused when the parts fall short of the whole.</summary>
    public async Task<SplitView> SplitAsync(int id, SplitTarget input, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Manage);
        var whole = await db.Set<Target>().ForChangeAsync(t => t.Id == id, user, "target_not_found", id, ct);
        var indicator = await IndicatorAsync(whole.IndicatorId, ct);
        if (indicator.Kind != IndicatorKind.Count) throw new ConflictException("rate_targets_do_not_add");
        var parts = input.Parts ?? [];
        if (parts.Count == 0 || parts.Select(p => p.AreaCode).Distinct().Count() != parts.Count) throw new ValidationException("parts", "required");
        var check = SplitCheck.Of(whole.Value, parts.Select(p => p.Value));
        if (!check.AddsUp) throw new ValidationException("parts", "parts_short_of_whole", check.Difference);
        var below = (await map.ChildrenAsync(whole.Path, ct)).ToDictionary(c => c.Code);
        var saved = new List<Target>();
        foreach (var part in parts)
        {
            if (!below.TryGetValue(part.AreaCode.Trim(), out var unit)) throw new ValidationException("parts", "not_below_target_unit");
            var existing = await db.Set<Target>().FirstOrDefaultAsync(t => t.IndicatorId == whole.IndicatorId && t.Path == unit.Path
                && t.PeriodKind == whole.PeriodKind && t.From == whole.From, ct);
            if (existing is null) db.Add(existing = whole.Part(indicator, unit.Path, unit.Code, unit.Name, part.Value, user.UserName, clock.UtcNow()));
            else existing.Change(indicator, part.Value, $"分解自 {whole.UnitName}", user.UserName, clock.UtcNow());
            saved.Add(existing);
        }
        await db.SaveChangesAsync(ct);
        var ids = saved.Select(s => s.Id).ToList();
        return new SplitView(await GetAsync(id, ct), check, await ManyAsync(ids, ct));
    }

    public async Task<RevisionView> ProposeAsync(int id, ReviseTarget input, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Manage);
        var target = await db.Set<Target>().ForChangeAsync(t => t.Id == id, user, "target_not_found", id, ct);
        if (await db.Set<TargetRevision>().AnyAsync(r => r.TargetId == id && r.State == RevisionState.Proposed, ct)) throw new ConflictException("revision_pending");
        var revision = TargetRevision.Propose(target, await IndicatorAsync(target.IndicatorId, ct), input.Value, input.Reason, user.UserName, clock.UtcNow());
        db.Add(revision);
        await db.SaveChangesAsync(ct);
        return View(revision);
    }

    public async Task<RevisionView> DecideAsync(int revisionId, bool approve, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Approve);
        var revision = await db.Set<TargetRevision>().ForChangeAsync(r => r.Id == revisionId, user, "revision_not_found", revisionId, ct);
        var target = await db.Set<Target>().FirstAsync(t => t.Id == revision.TargetId, ct);
        if (approve) revision.Approve(target, user.UserName, clock.UtcNow());
        else revision.Refuse(user.UserName, clock.UtcNow());
        await db.SaveChangesAsync(ct);
        return View(revision);
    }

    public async Task<IReadOnlyList<RevisionView>> RevisionsAsync(int id, CancellationToken ct)
    {
        await GetAsync(id, ct);
        return await db.Set<TargetRevision>().AsNoTracking().Where(r => r.TargetId == id).OrderBy(r => r.Id).Select(r => View(r)).ToListAsync(ct);
    }

    private async Task<Indicator> IndicatorAsync(int id, CancellationToken ct) =>
        await db.Set<Indicator>().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new ValidationException("indicatorId", "unknown");

    /// <summary>Targets with their indicator's name, by indicator, unit and period.</summary>
    private IQueryable<TargetView> Views(IQueryable<Target> targets) => targets
        .Join(db.Set<Indicator>(), t => t.IndicatorId, i => i.Id, (t, i) => new { t, i.Name })
        .OrderBy(x => x.t.IndicatorId).ThenBy(x => x.t.AreaCode).ThenBy(x => x.t.From).ThenBy(x => x.t.Id)
        .Select(x => new TargetView(x.t.Id, x.t.IndicatorId, x.Name, x.t.AreaCode, x.t.UnitName, x.t.PeriodKind, x.t.From, x.t.To, x.t.Value, x.t.Source,
            x.t.ParentId, x.t.PledgeId, x.t.IsLocked, x.t.Revision, x.t.SetBy));

    private static RevisionView View(TargetRevision r) =>
        new(r.Id, r.TargetId, r.OldValue, r.NewValue, r.Reason, r.State, r.ProposedBy, r.ProposedAt, r.DecidedBy);
}
