using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.FieldWork.Contracts;
using GridGov.Modules.FieldWork.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.FieldWork.Application;

public sealed record PlanShift(DateOnly On, ShiftKind Kind, string Leader, string OnDuty);

public sealed record ShiftView(int Id, DateOnly On, ShiftKind Kind, string Leader, string OnDuty, string? HandoverNote, string? HandedOverBy, DateTime? HandedOverAt);

public sealed record PostNotice(NoticeKind Kind, string Title, string Text, DateOnly? PostedOn = null);

public sealed record NoticeView(int Id, NoticeKind Kind, string Title, string Text, DateOnly PostedOn, string PostedBy);

public sealed record StatusView(bool Held, DateOnly? AttainedOn, IReadOnlyList<string> CheckedConditions, string? CheckedBy, DateOnly? LostOn, string? LostReason,
    IReadOnlyList<string> Conditions);

/// <summary>A community's duty: its roster and handovers, its notices, and its no-epidemic status. Each is kept per community (村/社区).</summary>
public sealed class DutyBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, ITerritoryDirectory territory)
{
    private async Task<string> CommunityAsync(string code, bool change, CancellationToken ct)
    {
        user.Require(change ? FieldWorkPermissions.Plan : FieldWorkPermissions.View);
        var path = await territory.PathOfAsync(code, ct) ?? throw new NotFoundException("area_not_found", code);
        if (TreePath.GridDepth(path) > 0 || !IsCommunity(code)) throw new ValidationException("areaCode", "community_only");
        if (change && !user.CanCapture(path)) throw new ForbiddenException("outside_capture_scope");
        return path;
    }

    /// <summary>A village or community code (村/社区): twelve digits with a part below the township.</summary>
    public static bool IsCommunity(string code) => code.Length == 12 && code[9..] != "000";

    public async Task<IReadOnlyList<ShiftView>> ShiftsAsync(string community, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var path = await CommunityAsync(community, false, ct);
        if (to < from || to.DayNumber - from.DayNumber > 62) throw new ValidationException("to", "out_of_range");
        return await db.Set<DutyShift>().AsNoTracking().Where(s => s.Path == path && s.On >= from && s.On <= to).OrderBy(s => s.On).ThenBy(s => s.Kind)
            .Select(s => new ShiftView(s.Id, s.On, s.Kind, s.Leader, s.OnDuty, s.HandoverNote, s.HandedOverBy, s.HandedOverAt)).ToListAsync(ct);
    }

    public async Task<ShiftView> PlanShiftAsync(string community, PlanShift input, CancellationToken ct)
    {
        var path = await CommunityAsync(community, true, ct);
        var taken = await db.Set<DutyShift>().AnyAsync(s => s.Path == path && s.On == input.On && s.Kind == input.Kind, ct);
        var shift = DutyShift.Plan(path, input.On, input.Kind, input.Leader ?? "", input.OnDuty ?? "", taken);
        db.Add(shift);
        await db.SaveChangesAsync(ct);
        return new ShiftView(shift.Id, shift.On, shift.Kind, shift.Leader, shift.OnDuty, null, null, null);
    }

    /// <summary>The handover note at a shift's end, written at the community's desk.</summary>
    public async Task<ShiftView> HandOverAsync(int id, string note, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.Plan);
        var shift = await db.Set<DutyShift>().ForChangeAsync(s => s.Id == id, user, "shift_not_found", id, ct);
        shift.HandOver(note ?? "", user.UserName, clock.UtcNow());
        await db.SaveChangesAsync(ct);
        return new ShiftView(shift.Id, shift.On, shift.Kind, shift.Leader, shift.OnDuty, shift.HandoverNote, shift.HandedOverBy, shift.HandedOverAt);
    }

    public async Task<Page<NoticeView>> NoticesAsync(string community, PageRequest page, CancellationToken ct)
    {
        var path = await CommunityAsync(community, false, ct);
        return await db.Set<CommunityNotice>().AsNoTracking().Where(n => n.Path == path).OrderByDescending(n => n.PostedOn).ThenByDescending(n => n.Id)
            .Select(n => new NoticeView(n.Id, n.Kind, n.Title, n.Text, n.PostedOn, n.PostedBy)).ToPageAsync(page, ct);
    }

    public async Task<NoticeView> PostNoticeAsync(string community, PostNotice input, CancellationToken ct)
    {
        var path = await CommunityAsync(community, true, ct);
        var today = clock.Today();
        if (input.PostedOn is { } on && (on > today || on < today.AddDays(-30))) throw new ValidationException("postedOn", "out_of_range");
        var notice = CommunityNotice.Post(path, input.Kind, input.Title ?? "", input.Text ?? "", input.PostedOn ?? today, user.UserName);
        db.Add(notice);
        await db.SaveChangesAsync(ct);
        return new NoticeView(notice.Id, notice.Kind, notice.Title, notice.Text, notice.PostedOn, notice.PostedBy);
    }

    public async Task<StatusView> StatusAsync(string community, CancellationToken ct)
    {
        var path = await CommunityAsync(community, false, ct);
        var latest = await db.Set<EpidemicFreeStatus>().AsNoTracking().Where(s => s.Path == path).OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        return View(latest);
    }

    public async Task<StatusView> AttainAsync(string community, DateOnly? on, IReadOnlyCollection<string> conditions, CancellationToken ct)
    {
        var path = await CommunityAsync(community, true, ct);
        var today = clock.Today();
        var held = await db.Set<EpidemicFreeStatus>().AnyAsync(s => s.Path == path && s.LostOn == null, ct);
        var status = EpidemicFreeStatus.Attain(path, on ?? today, conditions ?? [], user.UserName, held);
        db.Add(status);
        await db.SaveChangesAsync(ct);
        return View(status);
    }

    public async Task<StatusView> LoseAsync(string community, DateOnly? on, string reason, CancellationToken ct)
    {
        var path = await CommunityAsync(community, true, ct);
        var held = await db.Set<EpidemicFreeStatus>().Where(s => s.Path == path && s.LostOn == null).OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct)
            ?? throw new ConflictException("status_not_held");
        held.Lose(on ?? clock.Today(), reason ?? "");
        await db.SaveChangesAsync(ct);
        return View(held);
    }

    private StatusView View(EpidemicFreeStatus? s) => new(s?.IsHeldOn(clock.Today()) == true, s?.AttainedOn,
        s is null ? [] : s.CheckedConditions.Split(',', StringSplitOptions.RemoveEmptyEntries), s?.CheckedBy, s?.LostOn, s?.LostReason, EpidemicFreeStatus.Conditions);
}
