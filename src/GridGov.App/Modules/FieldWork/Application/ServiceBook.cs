using System.Globalization;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Submissions;
using GridGov.Kernel.Time;
using GridGov.Modules.FieldWork.Contracts;
using GridGov.Modules.FieldWork.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.FieldWork.Application;

/// <summary>A service asked for a resident: for a household (or one person of it), what is needed, by whom.</summary>
public sealed record ServiceAsk(ServiceKind Kind, string Need, string Requester, int? HouseholdId = null, int? PersonId = null, int? WatchId = null,
    string? ClientKey = null);

public sealed record ServiceStep(ServiceAction Action, string? Note = null, string? ResidentName = null, int? Version = null, string? ClientKey = null);

public enum ServiceAction
{
    Take = 1,
    Complete = 2,
    Confirm = 3,
    Cancel = 4,
}

public sealed record ServiceView(int Id, ServiceKind Kind, int HouseholdId, int? PersonId, string SubjectLabel, string Requester, string Need,
    ServiceState State, string CreatedBy, DateTime CreatedAt, string? TakenBy, DateTime? DoneAt, string? DoneNote, string? ConfirmedByResident,
    DateTime? ConfirmedAt, string? CancelReason, int? WatchId, int Version);

public sealed record ServiceCount(string Key, ServiceKind Kind, int Done);

/// <summary>How the counts are cut: by the worker who did the service, or by grid.</summary>
public enum ServiceCut
{
    Worker = 1,
    Grid = 2,
}

/// <summary>Services to residents (代办服务): asked, taken, done, confirmed by the resident; counted from these records.</summary>
public sealed class ServiceBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, FieldSubjects subjects, SubmittedOnce once)
{
    public const string Kind = "service";

    public async Task<ServiceView> AskAsync(ServiceAsk ask, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.Record);
        var saved = await once.SaveAsync(Kind, ask.ClientKey, async () =>
        {
            var household = await HouseholdOfAsync(ask, ct);
            var id = await SaveAsync(household, ask, ct);
            return id.ToString(CultureInfo.InvariantCulture);
        }, ct);
        return await GetAsync(int.Parse(saved.RecordKey, CultureInfo.InvariantCulture), ct);
    }

    /// <summary>A service asked at the door during a visit, saved with the visit.</summary>
    internal async Task<int> AskOnVisitAsync(Subject subject, ServiceAsk ask, CancellationToken ct)
    {
        var household = subject.Kind switch
        {
            SubjectKind.Household => subject,
            SubjectKind.Person => await HouseholdOfAsync(ask with { PersonId = subject.Id }, ct),
            _ => throw new ValidationException("service", "household_or_person_only"),
        };
        return await SaveAsync(household, subject.Kind == SubjectKind.Person ? ask with { PersonId = subject.Id } : ask, ct);
    }

    private async Task<Subject> HouseholdOfAsync(ServiceAsk ask, CancellationToken ct)
    {
        if (ask.PersonId is { } personId)
        {
            var (_, householdId) = await subjects.PersonAsync(personId, ct);
            if (ask.HouseholdId is { } given && given != householdId) throw new ValidationException("householdId", "other_household");
            return await subjects.FindAsync(SubjectKind.Household, householdId, ct);
        }
        return await subjects.FindAsync(SubjectKind.Household, ask.HouseholdId ?? throw new ValidationException("householdId", "required"), ct);
    }

    private async Task<int> SaveAsync(Subject household, ServiceAsk ask, CancellationToken ct)
    {
        if (!user.CanCapture(household.Path)) throw new ForbiddenException("outside_capture_scope");
        var request = ServiceRequest.Ask(household, ask.PersonId, ask.Kind, ask.Requester, ask.Need, user.UserName, clock.UtcNow(), ask.WatchId);
        db.Add(request);
        await db.SaveChangesAsync(ct);
        return request.Id;
    }

    public async Task<ServiceView> StepAsync(int id, ServiceStep step, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.Record);
        var saved = await once.SaveAsync(Kind + "-step", step.ClientKey, async () =>
        {
            var request = await db.Set<ServiceRequest>().ForChangeAsync(s => s.Id == id, user, "service_not_found", id, ct);
            if (step.Version is { } version) db.Expect(request, version);
            var now = clock.UtcNow();
            switch (step.Action)
            {
                case ServiceAction.Take: request.Take(user.UserName, now); break;
                case ServiceAction.Complete: request.Complete(user.UserName, now, ChinaTime.DateOf(now), step.Note); break;
                case ServiceAction.Confirm: request.Confirm(step.ResidentName ?? "", now); break;
                case ServiceAction.Cancel: request.Cancel(step.Note ?? ""); break;
                default: throw new ValidationException("action", "unknown");
            }
            await db.SaveChangesAsync(ct);
            return request.Id.ToString(CultureInfo.InvariantCulture);
        }, ct);
        return await GetAsync(int.Parse(saved.RecordKey, CultureInfo.InvariantCulture), ct);
    }

    public async Task<ServiceView> GetAsync(int id, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        return await db.Set<ServiceRequest>().AsNoTracking().Where(s => s.Id == id).Select(Projection).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("service_not_found", id);
    }

    /// <summary>Services in scope, by state; "mine" is the caller's open work: those they took and have not done, and the open ones on their own grid.</summary>
    public async Task<Page<ServiceView>> ListAsync(ServiceState? state, ServiceKind? kind, bool mine, int? householdId, PageRequest page, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        var rows = db.Set<ServiceRequest>().AsNoTracking().AsQueryable();
        if (state is { } s) rows = rows.Where(r => r.State == s);
        if (kind is { } k) rows = rows.Where(r => r.Kind == k);
        if (householdId is { } h) rows = rows.Where(r => r.HouseholdId == h);
        if (mine)
        {
            var me = user.UserName;
            var capture = user.CapturePath ?? "\u0000";
            rows = rows.Where(r => (r.State == ServiceState.Taken && r.TakenBy == me) || (r.State == ServiceState.Open && r.Path.StartsWith(capture)));
        }
        return await rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(Projection).ToPageAsync(page, ct);
    }

    /// <summary>Services done in a period under an area, by worker or grid and kind: counted in the database from the records themselves.</summary>
    public async Task<IReadOnlyList<ServiceCount>> CountsAsync(string areaPath, DateOnly from, DateOnly to, ServiceCut cut, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        var done = db.Set<ServiceRequest>().AsNoTracking()
            .Where(r => r.Path.StartsWith(areaPath) && r.DoneOn >= from && r.DoneOn <= to && (r.State == ServiceState.Done || r.State == ServiceState.Confirmed));
        var rows = cut == ServiceCut.Worker
            ? await done.GroupBy(r => new { Key = r.DoneBy!, r.Kind }).Select(g => new { g.Key.Key, g.Key.Kind, Count = g.Count() }).ToListAsync(ct)
            : await done.GroupBy(r => new { Key = r.Path, r.Kind }).Select(g => new { g.Key.Key, g.Key.Kind, Count = g.Count() }).ToListAsync(ct);
        return rows.OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Kind).Select(r => new ServiceCount(r.Key, r.Kind, r.Count)).ToList();
    }

    private static readonly System.Linq.Expressions.Expression<Func<ServiceRequest, ServiceView>> Projection = r => new ServiceView(r.Id, r.Kind,
        r.HouseholdId, r.PersonId, r.SubjectLabel, r.Requester, r.Need, r.State, r.CreatedBy, r.CreatedAt, r.TakenBy, r.DoneAt, r.DoneNote,
        r.ConfirmedByResident, r.ConfirmedAt, r.CancelReason, r.WatchId, r.Version);
}
