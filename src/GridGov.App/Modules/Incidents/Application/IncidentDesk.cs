using GridGov.Kernel.Privacy;
using GridGov.Kernel.Time;
using GridGov.Kernel.Scoping;
using GridGov.Modules.Incidents.Contracts;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Security;
using GridGov.Modules.Incidents.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Incidents.Application;

public sealed record ReportRequest(string CategoryCode, string Description, string Address, string? GridCode = null, double? Longitude = null,
    double? Latitude = null, Urgency Urgency = Urgency.Normal, IncidentSource Source = IncidentSource.GridWorker, string? ContactName = null,
    string? ContactPhone = null, string? Parties = null, string? Petitioner = null, string? PetitionRequest = null,
    IReadOnlyList<string>? Photos = null);

/// <summary>One step asked of an incident; which fields matter depends on the action.</summary>
public sealed record StepRequest(IncidentAction Action, int? Version = null, string? Note = null, string? LeadDepartmentCode = null,
    IReadOnlyList<string>? AssistingDepartmentCodes = null, int? WorkingDays = null, bool? Approve = null, bool? Passed = null,
    int? Satisfaction = null, string? MediationOutcome = null, IReadOnlyList<string>? Photos = null, string? IntoNumber = null);

public sealed record IncidentSummary(int Id, string Number, string CategoryCode, string Address, IncidentState State, HandlingLevel Level,
    Urgency Urgency, DateTime ReportedAt, DateTime? StepDueAt, bool IsOverdue, string ReportedBy);

public sealed record StepView(DateTime At, string By, string Action, IncidentState? FromState, IncidentState ToState, string? Note,
    IReadOnlyList<string> Photos);

public sealed record AssignmentView(string DepartmentCode, bool IsLead, DateTime AssignedAt, DateTime? AcknowledgedAt);

public sealed record IncidentView(int Id, string Number, string CategoryCode, string Description, string Address, double? Longitude,
    double? Latitude, Urgency Urgency, IncidentSource Source, string? ContactName, Masked ContactPhone, int GridId, HandlingLevel Level,
    IncidentState State, string ReportedBy, DateTime ReportedAt, DateTime? StepDueAt, DateTime? HandlingDueAt, bool IsOverdue,
    DateTime? ClosedAt, bool ClosedOnTime, bool SelfResolved, int ReworkCount, int ExtensionCount, int EscalationCount,
    int? RequestedExtensionDays, int? Satisfaction, string? Result, string? Parties, string? MediationOutcome, string? Petitioner,
    string? PetitionRequest, int Version, IReadOnlyList<AssignmentView> Assignments, IReadOnlyList<StepView> Timeline,
    IReadOnlyList<IncidentAction> AllowedActions, RouteSuggestion Suggestion, MergeLink? MergedInto = null,
    IReadOnlyList<MergedDuplicate>? Duplicates = null);

/// <summary>The incident a duplicate was merged into, by id and number, for a link.</summary>
public sealed record MergeLink(int Id, string Number);

/// <summary>A duplicate merged into this incident, with its own report and timeline kept whole.</summary>
public sealed record MergedDuplicate(int Id, string Number, string Description, string Address, string ReportedBy, DateTime ReportedAt,
    IReadOnlyList<StepView> Timeline);

public sealed record RouteSuggestion(HandlingLevel Level, string? LeadDepartmentCode, IReadOnlyList<string> AssistingDepartmentCodes);

/// <summary>What a civic client is told of a request: one row per incident, with its latest step.</summary>
public sealed record IncidentBrief(int Id, string Number, string CategoryCode, string Description, string Address, double? Latitude,
    double? Longitude, IncidentState State, string? Result, DateTime ReportedAt, DateTime LastStepAt, string? LastNote, string Path);

/// <summary>What Open311's public reads may ask: ids, or a service, an open/closed status and a period of reporting.</summary>
public sealed record PublicRequestFilter(IReadOnlyCollection<int> Ids, string? CategoryCode, bool? Closed, DateTime FromUtc, DateTime ToUtc);

public sealed record ReportResult(IncidentView Incident, IReadOnlyList<IncidentSummary> PossibleDuplicates);

public enum IncidentList { Mine, ToVerify, Queue, Department, All }

/// <summary>How a desk list is ordered: what is due first (the desk's default), newest or oldest report first, most urgent first.</summary>
public enum DeskSort { Due, Newest, Oldest, Urgency }

/// <summary>What a desk list is narrowed to, beyond its list: state, category (an item or a whole group), lateness, urgency, number, period.</summary>
public sealed record DeskQuery(IncidentState? State = null, string? CategoryCode = null, bool? Overdue = null, string? Number = null,
    Urgency? Urgency = null, DeskSort Sort = DeskSort.Due, IncidentFilter? Filter = null);

/// <summary>
/// The closed loop's use cases: report, every step of the workflow, one incident with its timeline,
/// and the lists each workspace needs. Scope comes from the DbContext's filters (a department
/// handler sees only incidents dispatched to their department); who may take which step comes
/// from <see cref="IncidentActors"/> and the workflow table.
/// </summary>
public sealed class IncidentDesk(GridGovDbContext db, CurrentUser user, ITerritoryDirectory territory, RoutingTable routes, HolidayCalendar days,
    IncidentPhotos photos, IncidentNotices notices, IncidentMetrics metrics, TimeProvider clock)
{
    /// <summary>How near an open incident of the same category must be to be shown as a possible duplicate.</summary>
    private const double NearDegrees = 0.002;

    private bool MayRead => user.Has(IncidentPermissions.View) || user.Has(IncidentPermissions.Handle);

    public Task<ReportResult> ReportAsync(ReportRequest request, CancellationToken ct) => ReportAsync(request, viaOpen311: false, ct);

    /// <summary>A report from a civic client through the Open311 endpoint.</summary>
    public Task<ReportResult> ReportFromOpen311Async(ReportRequest request, CancellationToken ct) =>
        ReportAsync(request with { Source = IncidentSource.Open311 }, viaOpen311: true, ct);

    private async Task<ReportResult> ReportAsync(ReportRequest request, bool viaOpen311, CancellationToken ct)
    {
        user.Require(IncidentPermissions.Report);
        var grid = await GridOfAsync(request.GridCode, request.Longitude, request.Latitude, ct);
        if (!await routes.IsReportableAsync(request.CategoryCode, ct)) throw new ValidationException("categoryCode", "unknown");
        if (!Enum.IsDefined(request.Source)) throw new ValidationException("source", "unknown");
        if (!Incident.MayRecord(request.Source, user.Has(IncidentPermissions.Dispatch), viaOpen311))
            throw new ValidationException("source", "channel_not_yours");
        var rule = await routes.ResolveAsync(request.CategoryCode, grid.Path, ct);
        var calendar = await days.CalendarAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (claimed, attachments) = await photos.ClaimAsync(request.Photos, ct);
        var incident = Incident.Report(new IncidentReport(request.CategoryCode, request.Description, request.Address, request.Longitude,
                request.Latitude, request.Urgency, request.Source, request.ContactName, request.ContactPhone, request.Parties, request.Petitioner,
                request.PetitionRequest), grid.Id, grid.Path, rule.Level, user.UserName, now, calendar.DueAt(now, rule.Limits.Accept), attachments)
            .WithNumber("SJ" + Guid.NewGuid().ToString("N")[..20]);
        await db.AddAsync(incident, ct);
        // The number carries the id: where the id is drawn before the insert, one save; else it is known only after.
        if (db.Entry(incident).Property(i => i.Id).IsTemporary) await db.SaveChangesAsync(ct);
        incident.WithNumber($"SJ{WorkCalendar.LocalDate(now):yyyyMMdd}{incident.Id:D6}");
        IncidentPhotos.BelongTo(claimed, incident);
        notices.Add(incident, "reported", IncidentNotices.Centre(incident));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await notices.SendPendingAsync(ct);
        var duplicates = await PossibleDuplicatesAsync(incident, ct);
        return new ReportResult(View(incident, rule, IncidentActors.Of(user, incident)), duplicates);
    }

    public async Task<IncidentView> StepAsync(int id, StepRequest step, CancellationToken ct)
    {
        if (!MayRead) throw new ForbiddenException("permission_denied");
        // The timeline is loaded with the incident, so that the answer is built from what was saved without reading it again.
        var incident = await db.Set<Incident>().Include(i => i.Assignments).Include(i => i.Steps).AsSingleQuery()
            .FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("incident_not_found", id);
        if (step.Version is { } version && version != incident.Version) throw new ConflictException("concurrency_conflict");
        var actors = IncidentActors.Of(user, incident);
        var rule = await routes.ResolveAsync(incident.CategoryCode, incident.Path, ct);
        var calendar = await days.CalendarAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var by = user.UserName;
        var note = step.Note;
        var (claimed, attachments) = await photos.ClaimAsync(step.Photos, ct);
        IncidentPhotos.BelongTo(claimed, incident);
        DateTime Due(TimeLimit limit) => calendar.DueAt(now, limit);
        switch (step.Action)
        {
            case IncidentAction.Accept: incident.Accept(actors, by, now, Due(rule.Limits.Accept)); break;
            case IncidentAction.Reject: incident.Reject(actors, by, now, note!); break;
            case IncidentAction.Dispatch or IncidentAction.Reassign:
                var lead = (step.LeadDepartmentCode ?? rule.LeadDepartmentCode)?.ToUpperInvariant()
                    ?? throw new ValidationException("leadDepartmentCode", "required");
                var assisting = (step.AssistingDepartmentCodes ?? (step.LeadDepartmentCode is null ? rule.Assisting : []))
                    .Select(a => a.ToUpperInvariant()).ToList();
                await RequireDepartmentsAsync([lead, .. assisting], ct);
                if (step.Action == IncidentAction.Dispatch)
                    incident.Dispatch(actors, by, now, lead, assisting, Due(rule.Limits.Acknowledge), Due(rule.Limits.Handle), note);
                else incident.Reassign(actors, by, now, lead, assisting, Due(rule.Limits.Acknowledge), Due(rule.Limits.Handle), note);
                break;
            case IncidentAction.Acknowledge: incident.Acknowledge(actors, user.DepartmentCode ?? "", by, now); break;
            case IncidentAction.Progress: incident.Progress(actors, by, now, note!, attachments); break;
            case IncidentAction.Urge: incident.Urge(actors, by, now, note); break;
            case IncidentAction.SendBack: incident.SendBack(actors, by, now, note!, Due(rule.Limits.Accept)); break;
            case IncidentAction.Finish: incident.Finish(actors, by, now, note!, Due(rule.Limits.Verify), attachments, step.MediationOutcome); break;
            case IncidentAction.VerifyPass: incident.Verify(actors, by, now, true, note ?? "", attachments); break;
            case IncidentAction.VerifyFail: incident.Verify(actors, by, now, false, note!, attachments); break;
            case IncidentAction.RequestExtension:
                incident.RequestExtension(actors, by, now, step.WorkingDays ?? throw new ValidationException("workingDays", "required"), note!);
                break;
            case IncidentAction.ApproveExtension: incident.DecideExtension(actors, by, now, true, calendar, note); break;
            case IncidentAction.DenyExtension: incident.DecideExtension(actors, by, now, false, calendar, note); break;
            case IncidentAction.Escalate: incident.Escalate(actors, by, now, note!, Due(rule.Limits.Accept)); break;
            case IncidentAction.Reopen: incident.Reopen(actors, by, now, note!, Due(rule.Limits.Accept)); break;
            case IncidentAction.ReturnVisit:
                incident.ReturnVisit(actors, by, now, step.Satisfaction ?? throw new ValidationException("satisfaction", "required"), note);
                break;
            case IncidentAction.SelfResolve: incident.SelfResolve(actors, by, now, note!, attachments ?? ""); break;
            case IncidentAction.MergeInto:
                var survivor = await SurvivorAsync(step.IntoNumber, ct);
                incident.MergeInto(survivor, actors, IncidentActors.Of(user, survivor), by, now, note);
                db.Entry(survivor).State = EntityState.Modified;
                break;
            default: throw new IllegalTransitionException(incident.State, step.Action, incident.AllowedFor(actors));
        }
        notices.After(incident, step.Action);
        // Every step bumps the version, so of two steps taken at once on one incident exactly one is saved.
        db.Entry(incident).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        await notices.SendPendingAsync(ct);
        // A department that sent an incident back no longer sees it, and may take no further step;
        // the central department filter decides, as it does for every read.
        var stillSeen = IncidentPermissions.DepartmentScopeOf(user) is null || await db.Set<Incident>().AnyAsync(i => i.Id == id, ct);
        return await ViewAsync(incident, rule, stillSeen ? IncidentActors.Of(user, incident) : [], ct);
    }

    /// <summary>
    /// The incident a duplicate is merged into, by number, read through the scope filters: one the
    /// caller cannot see is answered exactly as one that does not exist.
    /// </summary>
    private async Task<Incident> SurvivorAsync(string? number, CancellationToken ct)
    {
        var wanted = number?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(wanted)) throw new ValidationException("intoNumber", "required");
        return await db.Set<Incident>().Include(i => i.Steps).FirstOrDefaultAsync(i => i.Number == wanted, ct)
            ?? throw new ValidationException("intoNumber", "unknown_incident");
    }

    public async Task<IncidentView> GetAsync(int id, CancellationToken ct)
    {
        if (!MayRead) throw new ForbiddenException("permission_denied");
        var incident = await db.Set<Incident>().AsNoTracking().Include(i => i.Assignments).Include(i => i.Steps)
            .AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("incident_not_found", id);
        var rule = await routes.ResolveAsync(incident.CategoryCode, incident.Path, ct);
        return await ViewAsync(incident, rule, IncidentActors.Of(user, incident), ct);
    }

    /// <summary>The view with both sides of any merge: where a duplicate went, and the duplicates taken in with their timelines.</summary>
    private async Task<IncidentView> ViewAsync(Incident incident, RoutingRule rule, IReadOnlyList<Actor> actors, CancellationToken ct)
    {
        var view = View(incident, rule, actors);
        var into = incident.MergedIntoId is { } intoId
            ? await db.Set<Incident>().AsNoTracking().Where(i => i.Id == intoId).Select(i => new MergeLink(i.Id, i.Number)).FirstOrDefaultAsync(ct)
            : null;
        var merged = incident.DuplicatesTakenIn == 0 ? []
            : await db.Set<Incident>().AsNoTracking().Include(i => i.Steps).Where(i => i.MergedIntoId == incident.Id)
                .OrderBy(i => i.Id).Take(50).ToListAsync(ct);
        return view with
        {
            MergedInto = into,
            Duplicates = merged.Select(d => new MergedDuplicate(d.Id, d.Number, d.Description, d.Address, d.ReportedBy, d.ReportedAt, Timeline(d))).ToList(),
        };
    }

    private static List<StepView> Timeline(Incident i) =>
        i.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new StepView(s.At, s.By, s.Action, s.FromState, s.ToState, s.Note,
            (s.Attachments ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))).ToList();

    private static IncidentView View(Incident i, RoutingRule rule, IReadOnlyList<Actor> actors) =>
        new(i.Id, i.Number, i.CategoryCode, i.Description, i.Address, i.Longitude, i.Latitude, i.Urgency, i.Source,
            i.ContactName, Masked.Phone(i.ContactPhone), i.GridId, i.Level, i.State, i.ReportedBy, i.ReportedAt, i.StepDueAt,
            i.HandlingDueAt, i.IsOverdue, i.ClosedAt, i.ClosedOnTime, i.SelfResolved, i.ReworkCount, i.ExtensionCount, i.EscalationCount,
            i.RequestedExtensionDays, i.Satisfaction, i.Result, i.Parties, i.MediationOutcome, i.Petitioner, i.PetitionRequest, i.Version,
            i.Assignments.OrderByDescending(a => a.IsActive).ThenByDescending(a => a.IsLead).Where(a => a.IsActive)
                .Select(a => new AssignmentView(a.DepartmentCode, a.IsLead, a.AssignedAt, a.AcknowledgedAt)).ToList(),
            Timeline(i),
            i.AllowedFor(actors), new RouteSuggestion(rule.Level, rule.LeadDepartmentCode, rule.Assisting));

    public Task<Page<IncidentSummary>> ListAsync(IncidentList list, PageRequest page, CancellationToken ct, IncidentState? state = null,
        string? categoryCode = null, bool? overdue = null, IncidentFilter? filter = null) =>
        ListAsync(list, new DeskQuery(state, categoryCode, overdue, Filter: filter), page, ct);

    public async Task<Page<IncidentSummary>> ListAsync(IncidentList list, DeskQuery q, PageRequest page, CancellationToken ct) =>
        await Summaries(await QueryAsync(list, q, ct)).ToPageAsync(page, ct);

    /// <summary>The whole filtered list, in the list's order, up to <paramref name="limit"/> rows: what an export writes.</summary>
    public async Task<IReadOnlyList<IncidentSummary>> AllAsync(IncidentList list, DeskQuery q, int limit, CancellationToken ct) =>
        await Summaries(await QueryAsync(list, q, ct)).Take(limit).ToListAsync(ct);

    private static IQueryable<IncidentSummary> Summaries(IQueryable<Incident> query) => query
        .Select(i => new IncidentSummary(i.Id, i.Number, i.CategoryCode, i.Address, i.State, i.Level, i.Urgency, i.ReportedAt, i.StepDueAt,
            i.IsOverdue, i.ReportedBy));

    private async Task<IQueryable<Incident>> QueryAsync(IncidentList list, DeskQuery q, CancellationToken ct)
    {
        if (!MayRead) throw new ForbiddenException("permission_denied");
        // A metric's drill-down lists exactly the incidents the metric counted.
        var query = q.Filter is null ? db.Set<Incident>().AsNoTracking() : await metrics.FilterAsync(q.Filter, ct);
        query = OfList(query, list);
        if (q.State is { } s) query = query.Where(i => i.State == s);
        if (!string.IsNullOrEmpty(q.CategoryCode)) query = query.Where(i => i.CategoryCode == q.CategoryCode || i.CategoryCode.StartsWith(q.CategoryCode + "."));
        if (q.Overdue is { } o) query = query.Where(i => i.IsOverdue == o);
        if (q.Urgency is { } u) query = query.Where(i => i.Urgency == u);
        if (q.Number?.Trim().ToUpperInvariant() is { Length: > 0 } number)
            query = number.Length >= 16 ? query.Where(i => i.Number == number) : query.Where(i => i.Number.StartsWith(number));
        return q.Sort switch
        {
            DeskSort.Newest => query.OrderByDescending(i => i.ReportedAt).ThenByDescending(i => i.Id),
            DeskSort.Oldest => query.OrderBy(i => i.ReportedAt).ThenBy(i => i.Id),
            DeskSort.Urgency => query.OrderByDescending(i => i.Urgency).ThenByDescending(i => i.IsOverdue).ThenBy(i => i.StepDueAt).ThenByDescending(i => i.Id),
            _ => query.OrderByDescending(i => i.IsOverdue).ThenBy(i => i.StepDueAt).ThenByDescending(i => i.Id),
        };
    }

    private IQueryable<Incident> OfList(IQueryable<Incident> query, IncidentList list)
    {
        switch (list)
        {
            case IncidentList.Mine: return query.Where(i => i.ReportedBy == user.UserName);
            case IncidentList.ToVerify:
                user.Require(IncidentPermissions.Verify);
                return query.Where(i => i.State == IncidentState.Handled);
            case IncidentList.Queue:
                user.Require(IncidentPermissions.Dispatch);
                var desk = IncidentActors.LevelOf(user.CapturePath);
                var levels = desk == HandlingLevel.Community ? new[] { HandlingLevel.Community, HandlingLevel.Grid } : [desk];
                return query.Where(i => levels.Contains(i.Level)
                    && (i.State == IncidentState.Reported || i.State == IncidentState.Accepted || i.RequestedExtensionDays != null));
            case IncidentList.Department:
                user.Require(IncidentPermissions.Handle);
                var department = user.DepartmentCode ?? "";
                return query.Where(i => i.Assignments.Any(a => a.IsActive && a.DepartmentCode == department)
                    && (i.State == IncidentState.Dispatched || i.State == IncidentState.Handling));
            default: return query;
        }
    }

    /// <summary>
    /// Incidents in scope by id, or else by filter and category, newest first, each with its latest
    /// step, in one query.
    /// </summary>
    /// <summary>
    /// The deployment's requests as Open311 publishes them to anyone: no contact, no reporter, no
    /// department; read past the scope filters because the standard's reads are public.
    /// </summary>
    public async Task<IReadOnlyList<IncidentBrief>> PublicBriefsAsync(PublicRequestFilter filter, int limit, CancellationToken ct)
    {
        var query = db.Set<Incident>().AsNoTracking()
            .OutsideFilters("Open311's reads are public: the deployment's requests, without personal data", QueryFilters.Scope, IncidentsModule.DepartmentFilter);
        var closed = new[] { IncidentState.Closed, IncidentState.Rejected, IncidentState.Merged };
        if (filter.Ids.Count > 0) query = query.Where(i => filter.Ids.Contains(i.Id));
        else query = query.Where(i => i.ReportedAt >= filter.FromUtc && i.ReportedAt < filter.ToUtc);
        if (!string.IsNullOrEmpty(filter.CategoryCode)) query = query.Where(i => i.CategoryCode == filter.CategoryCode);
        if (filter.Closed is { } wantClosed) query = query.Where(i => closed.Contains(i.State) == wantClosed);
        return await query.OrderByDescending(i => i.Id).Take(limit)
            .Select(i => new IncidentBrief(i.Id, i.Number, i.CategoryCode, i.Description, i.Address, i.Latitude, i.Longitude, i.State, i.Result,
                i.ReportedAt,
                i.Steps.OrderByDescending(x => x.Id).Select(x => x.At).FirstOrDefault(),
                i.Steps.OrderByDescending(x => x.Id).Select(x => x.Note).FirstOrDefault(), i.Path))
            .ToListAsync(ct);
    }

    /// <summary>Open incidents of the same category on the same grid or within about 200 metres.</summary>
    public async Task<IReadOnlyList<IncidentSummary>> PossibleDuplicatesAsync(int id, CancellationToken ct)
    {
        var incident = await db.Set<Incident>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("incident_not_found", id);
        return await PossibleDuplicatesAsync(incident, ct);
    }

    private async Task<IReadOnlyList<IncidentSummary>> PossibleDuplicatesAsync(Incident incident, CancellationToken ct)
    {
        var open = new[] { IncidentState.Reported, IncidentState.Accepted, IncidentState.Dispatched, IncidentState.Handling };
        var candidates = db.Set<Incident>().AsNoTracking()
            .Where(i => i.Id != incident.Id && i.CategoryCode == incident.CategoryCode && open.Contains(i.State));
        // Two index-friendly shapes rather than one OR the planner cannot split: same grid, or nearby.
        var sameGrid = candidates.Where(i => i.GridId == incident.GridId);
        var near = incident.Longitude is { } lon && incident.Latitude is { } lat
            ? sameGrid.Union(candidates.Where(i => i.Longitude > lon - NearDegrees && i.Longitude < lon + NearDegrees
                && i.Latitude > lat - NearDegrees && i.Latitude < lat + NearDegrees))
            : sameGrid;
        return await near
            .OrderByDescending(i => i.Id).Take(5)
            .Select(i => new IncidentSummary(i.Id, i.Number, i.CategoryCode, i.Address, i.State, i.Level, i.Urgency, i.ReportedAt, i.StepDueAt,
                i.IsOverdue, i.ReportedBy))
            .ToListAsync(ct);
    }

    private async Task<GridRef> GridOfAsync(string? gridCode, double? longitude, double? latitude, CancellationToken ct)
    {
        // The grid named; else the grid whose boundary holds the place; else a grid worker's own grid.
        GridRef? grid;
        if (!string.IsNullOrWhiteSpace(gridCode)) grid = await territory.FindGridAsync(gridCode.Trim(), ct);
        else
        {
            grid = longitude is { } lon && latitude is { } lat ? await territory.FindGridAtAsync(lon, lat, ct) : null;
            var own = Kernel.Scoping.TreePath.Codes(user.CapturePath ?? "");
            if (grid is null && own.Length > 0) grid = await territory.FindGridAsync(own[^1], ct);
        }
        if (grid is null || grid.Level != 3 || grid.IsRetired) throw new ValidationException("gridCode", grid is null ? "unknown_grid" : "grid_level_three_only");
        if (!user.CanCapture(grid.Path)) throw new ForbiddenException("outside_capture_scope");
        return grid;
    }

    private async Task RequireDepartmentsAsync(IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var known = await db.Set<Department>().Where(d => codes.Contains(d.Code) && d.IsActive).Select(d => d.Code).ToListAsync(ct);
        if (codes.Except(known).Any()) throw new ValidationException("leadDepartmentCode", "unknown");
    }
}
