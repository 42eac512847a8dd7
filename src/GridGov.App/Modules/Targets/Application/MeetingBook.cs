using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.Targets.Contracts;
using GridGov.Modules.Targets.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Targets.Application;

public sealed record HoldMeeting(string? AreaCode, MeetingKind Kind, string Title, DateOnly HeldOn, string Participants, string? Minutes);

/// <param name="AreaCode">The unit that must carry it out: the meeting's own or one below it.</param>
public sealed record AddDecision(string Title, string? AreaCode, string Owner, int DueInWorkingDays);

public sealed record MeetingView(int Id, string AreaCode, string UnitName, MeetingKind Kind, string Title, DateOnly HeldOn, string Participants, string Minutes,
    string CreatedBy, IReadOnlyList<TrackedView> Decisions);

/// <summary>Monthly reviews and quarterly pushes: the meeting with its minutes, and each decision tracked to closure.</summary>
public sealed class MeetingBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, CycleBook cycles, TrackedBook tracked)
{
    public async Task<Page<MeetingView>> ListAsync(MeetingKind? kind, PageRequest page, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        var rows = db.Set<Meeting>().AsNoTracking();
        if (kind is { } k) rows = rows.Where(m => m.Kind == k);
        return await rows.OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).ToPageAsync(page, m => View(m, []), ct);
    }

    public async Task<MeetingView> GetAsync(int id, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        var meeting = await db.Set<Meeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("meeting_not_found", id);
        return View(meeting, await tracked.OfAsync(TrackedKind.Decision, id, ct));
    }

    public async Task<MeetingView> HoldAsync(HoldMeeting input, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Manage);
        var (path, code) = await cycles.AreaAsync(input.AreaCode, ct);
        if (!user.CanCapture(path)) throw new ForbiddenException("outside_capture_scope");
        var meeting = Meeting.Hold(path, code, await cycles.NameAsync(path, code, ct), input.Kind, input.Title, input.HeldOn, input.Participants,
            input.Minutes ?? "", clock.Today(), user.UserName, clock.UtcNow());
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        return await GetAsync(meeting.Id, ct);
    }

    public async Task<MeetingView> DecideAsync(int id, AddDecision input, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Manage);
        var meeting = await db.Set<Meeting>().ForChangeAsync(m => m.Id == id, user, "meeting_not_found", id, ct);
        var (path, code) = string.IsNullOrWhiteSpace(input.AreaCode) ? (meeting.Path, meeting.AreaCode) : await cycles.AreaAsync(input.AreaCode, ct);
        await tracked.SetAsync(TrackedKind.Decision, meeting.Id, meeting.Path, path, code, await cycles.NameAsync(path, code, ct), input.Title, input.Owner,
            input.DueInWorkingDays, ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    private static MeetingView View(Meeting m, IReadOnlyList<TrackedView> decisions) =>
        new(m.Id, m.AreaCode, m.UnitName, m.Kind, m.Title, m.HeldOn, m.Participants, m.Minutes, m.CreatedBy, decisions);
}
