using System.Globalization;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Files;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Submissions;
using GridGov.Kernel.Time;
using GridGov.Modules.FieldWork.Contracts;
using GridGov.Modules.FieldWork.Domain;
using GridGov.Modules.Incidents.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace GridGov.Modules.FieldWork.Application;

public sealed record PlanRequest(SubjectKind SubjectKind, int SubjectId, VisitPurpose Purpose, DateOnly Anchor, Repeat Repeat = Repeat.Once, int Every = 1,
    int EarlyDays = 0, int LateDays = 0, bool WorkingDaysOnly = false, DateOnly? Until = null, string? AssignedTo = null);

public sealed record PlanView(int Id, SubjectKind SubjectKind, int SubjectId, string SubjectLabel, string GridPath, VisitPurpose Purpose, string AssignedTo,
    Repeat Repeat, int Every, DateOnly Anchor, DateOnly? Until, PlanStatus Status, DateOnly? NextDue, DateOnly? WindowStart, DateOnly? WindowEnd,
    bool IsOverdue, bool IsDueThisWeek, string? StopReason, int? WatchId, int Version);

/// <summary>What the visit list shows: the worker's own list (mine), or the scope's; due by a day (today, or this week's end), overdue only.</summary>
public enum PlanList
{
    Mine = 1,
    All = 2,
}

public sealed record PlanQuery(PlanList List = PlanList.Mine, bool? Overdue = null, DateOnly? DueBy = null, VisitPurpose? Purpose = null, PlanStatus? Status = PlanStatus.Active);

public sealed record RecordVisit(SubjectKind SubjectKind, int SubjectId, VisitOutcome Outcome, int? PlanId = null, string? Notes = null,
    IReadOnlyList<string>? Photos = null, double? Longitude = null, double? Latitude = null, double? Accuracy = null, DateTime? VisitedAt = null,
    string? Destination = null, int? IncidentId = null, ServiceAsk? Service = null, string? ClientKey = null);

public sealed record VisitView(int Id, int? PlanId, SubjectKind SubjectKind, int SubjectId, string SubjectLabel, VisitPurpose Purpose, string VisitedBy,
    DateTime VisitedAt, DateOnly VisitedOn, VisitOutcome Outcome, string? Notes, IReadOnlyList<string> Photos, double? Longitude, double? Latitude,
    double? AccuracyMeters, DateOnly? DueOn, bool OutsideWindow, bool ImpreciseLocation, int? IncidentId, int? ServiceRequestId, IReadOnlyList<int> Proposals);

/// <summary>The answer to a recorded visit: the visit, the plan as it stands now, and whether this was a retry of a visit already saved.</summary>
public sealed record VisitRecorded(VisitView Visit, PlanView? Plan, bool Replayed);

/// <summary>
/// Visit plans and visits. A plan is created on a subject the caller may capture; a visit counts
/// against its plan by the schedule's rules; a retried submission (same client key) is saved once.
/// </summary>
public sealed class VisitBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, HolidayCalendar days, FieldSubjects subjects, FileStore files,
    SubmittedOnce once, IConfiguration config, IIncidentOverview incidents, ServiceBook services)
{
    public const string PhotoOwner = "visit";

    /// <summary><c>FieldWork:MaxAccuracyMeters</c>: a position less sure than this is flagged (100 m unless set).</summary>
    public double MaxAccuracyMeters => config.GetValue("FieldWork:MaxAccuracyMeters", 100.0);

    private DateOnly Today => clock.Today();

    public async Task<PlanView> CreatePlanAsync(PlanRequest request, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.Plan);
        var subject = await subjects.FindAsync(request.SubjectKind, request.SubjectId, ct);
        if (!user.CanCapture(subject.Path)) throw new ForbiddenException("outside_capture_scope");
        var calendar = await days.CalendarAsync(ct);
        var worker = request.AssignedTo ?? await CareWorkerAsync(subject, ct);
        var plan = VisitPlan.Create(subject, request.Purpose, worker, new Schedule(request.Anchor, request.Repeat, request.Every, request.EarlyDays,
            request.LateDays, request.WorkingDaysOnly, request.Until), calendar.IsWorkingDay);
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        return View(plan, Today);
    }

    /// <summary>The worker a new plan on the subject goes to: its household's carer, or "" (whoever works the grid).</summary>
    private async Task<string> CareWorkerAsync(Subject subject, CancellationToken ct)
    {
        if (subject.Kind != SubjectKind.Household) return "";
        return await db.Set<CareAssignment>().Where(c => c.HouseholdId == subject.Id).Select(c => c.Worker).FirstOrDefaultAsync(ct) ?? "";
    }

    public async Task<PlanView> PlanAsync(int id, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        var plan = await db.Set<VisitPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("plan_not_found", id);
        return View(plan, Today);
    }

    public async Task<Page<PlanView>> PlansAsync(PlanQuery query, PageRequest page, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        var today = Today;
        var plans = db.Set<VisitPlan>().AsNoTracking().AsQueryable();
        if (query.List == PlanList.Mine)
        {
            var me = user.UserName;
            plans = plans.Where(p => p.AssignedTo == me || p.AssignedTo == "");
            if (user.CapturePath is { } capture) plans = plans.Where(p => p.Path.StartsWith(capture));
            else plans = plans.Where(_ => false);
        }
        if (query.Status is { } status) plans = plans.Where(p => p.Status == status);
        if (query.Purpose is { } purpose) plans = plans.Where(p => p.Purpose == purpose);
        if (query.Overdue == true) plans = plans.Where(p => p.WindowEnd < today);
        if (query.DueBy is { } by) plans = plans.Where(p => p.WindowStart <= by);
        return await plans.OrderBy(p => p.WindowEnd).ThenBy(p => p.Id).ToPageAsync(page, p => View(p, today), ct);
    }

    public async Task<PlanView> StopPlanAsync(int id, string reason, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.Plan);
        var plan = await db.Set<VisitPlan>().ForChangeAsync(p => p.Id == id, user, "plan_not_found", id, ct);
        if (plan.WatchId is not null) throw new ConflictException("plan_kept_by_watch");
        plan.Stop(reason);
        await db.SaveChangesAsync(ct);
        return View(plan, Today);
    }

    /// <summary>Puts a household in a worker's care; its open plans move to that worker's list.</summary>
    public async Task AssignCareAsync(int householdId, string worker, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.Plan);
        var household = await subjects.FindAsync(SubjectKind.Household, householdId, ct);
        if (!user.CanCapture(household.Path)) throw new ForbiddenException("outside_capture_scope");
        var care = await db.Set<CareAssignment>().FirstOrDefaultAsync(c => c.HouseholdId == householdId, ct);
        if (care is null) db.Add(CareAssignment.Assign(household, worker, Today, user.UserName));
        else care.Reassign(worker, Today, user.UserName);
        foreach (var plan in await db.Set<VisitPlan>().Where(p => p.SubjectKind == SubjectKind.Household && p.SubjectId == householdId
                     && p.Status == PlanStatus.Active).ToListAsync(ct))
            plan.Reassign(worker);
        await db.SaveChangesAsync(ct);
    }

    public async Task<VisitRecorded> RecordAsync(RecordVisit request, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.Record);
        var saved = await once.SaveAsync(PhotoOwner, request.ClientKey, () => SaveVisitAsync(request, ct), ct);
        var visit = await VisitAsync(int.Parse(saved.RecordKey, CultureInfo.InvariantCulture), ct);
        var plan = visit.PlanId is { } planId ? await PlanAsync(planId, ct) : null;
        return new VisitRecorded(visit, plan, saved.Replayed);
    }

    private async Task<string> SaveVisitAsync(RecordVisit request, CancellationToken ct)
    {
        var subject = await subjects.FindAsync(request.SubjectKind, request.SubjectId, ct);
        if (!user.CanCapture(subject.Path)) throw new ForbiddenException("outside_capture_scope");
        if (request.IncidentId is { } incident && !await incidents.IsVisibleAsync(incident, ct)) throw new ValidationException("incidentId", "unknown");
        var calendar = await days.CalendarAsync(ct);
        var now = clock.UtcNow();
        // A phone that was offline sends when it was at the door: up to a week back, never ahead of the server's clock.
        var at = request.VisitedAt is { } given ? DateTime.SpecifyKind(given, DateTimeKind.Utc) : now;
        if (at > now.AddMinutes(5) || at < now.AddDays(-7)) throw new ValidationException("visitedAt", "out_of_range");
        var plan = request.PlanId is { } id
            ? await db.Set<VisitPlan>().ForChangeAsync(p => p.Id == id, user, "plan_not_found", id, ct)
            : null;
        var (claimed, photos) = await ClaimAsync(request.Photos, ct);
        var visit = Visit.Record(subject, plan?.Purpose ?? VisitPurpose.Routine, user.UserName, at, ChinaTime.DateOf(at), request.Outcome, request.Notes,
            photos, Position.Of(request.Longitude, request.Latitude, request.Accuracy), MaxAccuracyMeters);
        if (plan is not null) visit.CountAgainst(plan, calendar.IsWorkingDay);
        db.Add(visit);
        await db.SaveChangesAsync(ct);
        foreach (var f in claimed) f.BelongTo(visit.Id.ToString(CultureInfo.InvariantCulture));
        var serviceId = request.Service is { } ask ? await services.AskOnVisitAsync(subject, ask, ct) : (int?)null;
        visit.Raised(request.IncidentId, serviceId);
        if (request.Outcome == VisitOutcome.MovedAway) await ProposeMovesAsync(visit, subject, request.Destination, ct);
        await db.SaveChangesAsync(ct);
        return visit.Id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Someone gone: a proposal per person (the household's active members, for a household) for staff to confirm.</summary>
    private async Task ProposeMovesAsync(Visit visit, Subject subject, string? destination, CancellationToken ct)
    {
        var people = subject.Kind switch
        {
            SubjectKind.Person => [(subject.Id, subject.Label)],
            SubjectKind.Household => (await subjects.MembersAsync(subject.Id, ct)).Select(p => (p.Id, p.Name)).ToList(),
            _ => throw new ValidationException("outcome", "moved_away_people_only"),
        };
        var now = clock.UtcNow();
        foreach (var (id, name) in people)
            db.Add(MoveProposal.Propose(visit, id, name, destination, user.UserName, now));
    }

    private async Task<(IReadOnlyList<StoredFile> Files, string? Names)> ClaimAsync(IReadOnlyList<string>? names, CancellationToken ct)
    {
        var claimed = await files.ClaimAsync(names, PhotoOwner, ct);
        return (claimed, claimed.Count == 0 ? null : string.Join(",", claimed.Select(f => f.StoredName)));
    }

    public async Task<VisitView> VisitAsync(int id, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        var visit = await db.Set<Visit>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFoundException("visit_not_found", id);
        var proposals = await db.Set<MoveProposal>().Where(p => p.VisitId == id).Select(p => p.Id).ToListAsync(ct);
        return View(visit, proposals);
    }

    /// <param name="under">Only the visits under this path: the visits a figure counts.</param>
    public async Task<Page<VisitView>> VisitsAsync(SubjectKind? kind, int? subjectId, int? planId, DateOnly? from, DateOnly? to, bool? flagged,
        PageRequest page, CancellationToken ct, string? under = null)
    {
        user.Require(FieldWorkPermissions.View);
        var visits = db.Set<Visit>().AsNoTracking().AsQueryable();
        if (under is not null) visits = visits.Where(v => v.Path.StartsWith(under));
        if (kind is { } k) visits = visits.Where(v => v.SubjectKind == k);
        if (subjectId is { } s) visits = visits.Where(v => v.SubjectId == s);
        if (planId is { } p) visits = visits.Where(v => v.PlanId == p);
        if (from is { } f) visits = visits.Where(v => v.VisitedOn >= f);
        if (to is { } t) visits = visits.Where(v => v.VisitedOn <= t);
        if (flagged == true) visits = visits.Where(v => v.OutsideWindow || v.ImpreciseLocation);
        return await visits.OrderByDescending(v => v.VisitedAt).ThenByDescending(v => v.Id).ToPageAsync(page, v => View(v, []), ct);
    }

    public Task<string> SavePhotoAsync(Stream content, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.Record);
        return files.SaveImageAsync(content, ct);
    }

    public Task<(Stream Content, string ContentType)> PhotoAsync(int visitId, string name, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        return files.OpenAsync(PhotoOwner, visitId.ToString(CultureInfo.InvariantCulture), name, ct);
    }

    internal static PlanView View(VisitPlan p, DateOnly today) => new(p.Id, p.SubjectKind, p.SubjectId, p.SubjectLabel, p.Path, p.Purpose, p.AssignedTo,
        p.Repeat, p.Every, p.Anchor, p.Until, p.Status, p.NextDue, p.WindowStart, p.WindowEnd, p.IsOverdueOn(today), p.IsDueBy(WeekEnd(today)),
        p.StopReason, p.WatchId, p.Version);

    /// <summary>The Sunday that ends the week of the day (weeks begin on Monday).</summary>
    public static DateOnly WeekEnd(DateOnly day) => day.AddDays((7 - (int)day.DayOfWeek) % 7);

    private static VisitView View(Visit v, IReadOnlyList<int> proposals) => new(v.Id, v.PlanId, v.SubjectKind, v.SubjectId, v.SubjectLabel, v.Purpose,
        v.VisitedBy, v.VisitedAt, v.VisitedOn, v.Outcome, v.Notes, v.Photos?.Split(',') ?? [], v.Longitude, v.Latitude, v.AccuracyMeters, v.DueOn,
        v.OutsideWindow, v.ImpreciseLocation, v.IncidentId, v.ServiceRequestId, proposals);
}

/// <summary>A visit's photos are seen by whoever sees the visit.</summary>
internal sealed class VisitFileAuthoriser(GridGovDbContext db, CurrentUser user) : IFileAuthoriser
{
    public string OwnerType => VisitBook.PhotoOwner;

    public async Task<bool> MaySeeAsync(string ownerKey, CancellationToken ct) =>
        user.Has(FieldWorkPermissions.View) && int.TryParse(ownerKey, CultureInfo.InvariantCulture, out var id)
        && await db.Set<Visit>().AnyAsync(v => v.Id == id, ct);
}
