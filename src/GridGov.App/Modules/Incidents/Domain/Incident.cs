using GridGov.Kernel.Time;
using GridGov.Kernel.Privacy;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Workflow;

namespace GridGov.Modules.Incidents.Domain;

public enum HandlingLevel { Grid, Community, Township, County }

public enum IncidentSource { GridWorker, Hotline, WalkIn, Open311 }

public enum Urgency { Normal, Urgent, Critical }

/// <summary>The time limits of one route, step by step.</summary>
public sealed record StepLimits(TimeLimit Accept, TimeLimit Acknowledge, TimeLimit Handle, TimeLimit Verify);

/// <summary>
/// A matter reported on a grid (事件), carried through the closed loop by the rows of
/// <see cref="IncidentWorkflow"/>. Every step leaves an <see cref="IncidentStep"/>; the counts the
/// metrics need (rework, extensions, escalations) are kept on the incident as they happen.
/// </summary>
[MovedByItsModule]
public sealed class Incident : WorkflowSubject<IncidentState, IncidentAction, Actor>, IScopedByPath
{
    private readonly List<IncidentStep> _steps = [];
    private readonly List<IncidentAssignment> _assignments = [];

    private Incident() { }

    public int Id { get; private set; }
    public string Number { get; private set; } = "";
    public string CategoryCode { get; private set; } = "";
    /// <summary>The category's group (SAFE for SAFE.GAS), kept so that metrics group by a column.</summary>
    public string CategoryGroup { get; private set; } = "";
    /// <summary>The department leading now, kept with the assignments so that metrics group by a column.</summary>
    public string? LeadDepartmentCode { get; private set; }
    public string Description { get; private set; } = "";
    public string Address { get; private set; } = "";
    public double? Longitude { get; private set; }
    public double? Latitude { get; private set; }
    public Urgency Urgency { get; private set; }
    public IncidentSource Source { get; private set; }
    public string? ContactName { get; private set; }
    [Personal(PersonalKind.Phone)] public string? ContactPhone { get; private set; }
    public int GridId { get; private set; }
    /// <summary>The grid's path: who may see the incident.</summary>
    public string Path { get; private set; } = "";
    public HandlingLevel Level { get; private set; }
    public string ReportedBy { get; private set; } = "";
    public DateTime ReportedAt { get; private set; }
    public DateTime? StepDueAt { get; private set; }
    public DateTime? HandlingDueAt { get; private set; }
    public bool IsOverdue { get; private set; }
    public DateTime? HandledAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public bool ClosedOnTime { get; private set; }
    /// <summary>Minutes from report to close, kept at close so that averages are computed in the database.</summary>
    public int? ResolutionMinutes { get; private set; }
    public bool SelfResolved { get; private set; }
    public int ReworkCount { get; private set; }
    public int ExtensionCount { get; private set; }
    public int EscalationCount { get; private set; }
    public int? RequestedExtensionDays { get; private set; }
    public int? Satisfaction { get; private set; }
    public string? Result { get; private set; }
    /// <summary>Disputes (矛盾纠纷): the parties and the mediation's outcome.</summary>
    public string? Parties { get; private set; }
    public string? MediationOutcome { get; private set; }
    /// <summary>Petitions (信访): the petitioner and what they ask.</summary>
    public string? Petitioner { get; private set; }
    public string? PetitionRequest { get; private set; }
    /// <summary>The incident this duplicate was merged into; its reporter follows the matter there.</summary>
    public int? MergedIntoId { get; private set; }
    /// <summary>How many duplicates were merged into this one: a record without any need not look for them.</summary>
    public int DuplicatesTakenIn { get; private set; }

    public IReadOnlyList<IncidentStep> Steps => _steps;
    public IReadOnlyList<IncidentAssignment> Assignments => _assignments;

    public string? LeadDepartment => LeadDepartmentCode;

    /// <summary>
    /// The channel follows the role: centre staff (who dispatch) record hotline calls and walk-ins;
    /// everyone else reports what they found themselves; civic clients come only through Open311.
    /// </summary>
    public static bool MayRecord(IncidentSource source, bool takesCalls, bool viaOpen311) => source switch
    {
        IncidentSource.Open311 => viaOpen311,
        IncidentSource.GridWorker => !viaOpen311,
        IncidentSource.Hotline or IncidentSource.WalkIn => takesCalls && !viaOpen311,
        _ => false,
    };

    public static Incident Report(IncidentReport report, int gridId, string gridPath, HandlingLevel level, string reportedBy,
        DateTime at, DateTime stepDueAt, string? attachments = null)
    {
        var v = new Validator()
            .Require("categoryCode", report.CategoryCode, 20)
            .Require("description", report.Description, 2000)
            .Require("address", report.Address, 200)
            .Optional("contactName", report.ContactName, 50)
            .Optional("contactPhone", report.ContactPhone, 20)
            .Optional("parties", report.Parties, 500)
            .Optional("petitioner", report.Petitioner, 50)
            .Optional("petitionRequest", report.PetitionRequest, 1000);
        if (report.Longitude is < -180 or > 180) v.Fail("longitude", "out_of_range");
        if (report.Latitude is < -90 or > 90) v.Fail("latitude", "out_of_range");
        if (report.Longitude.HasValue != report.Latitude.HasValue) v.Fail("longitude", "required");
        if (!Enum.IsDefined(report.Urgency)) v.Fail("urgency", "unknown");
        if (!Enum.IsDefined(report.Source)) v.Fail("source", "unknown");
        v.ThrowIfInvalid();
        var incident = new Incident
        {
            CategoryCode = report.CategoryCode.Trim(), CategoryGroup = report.CategoryCode.Trim().Split('.')[0], Description = report.Description.Trim(), Address = report.Address.Trim(),
            Longitude = report.Longitude, Latitude = report.Latitude, Urgency = report.Urgency, Source = report.Source,
            ContactName = report.ContactName?.Trim(), ContactPhone = report.ContactPhone?.Trim(),
            Parties = report.Parties?.Trim(), Petitioner = report.Petitioner?.Trim(), PetitionRequest = report.PetitionRequest?.Trim(),
            GridId = gridId, Path = gridPath, Level = level, State = IncidentState.Reported,
            ReportedBy = reportedBy, ReportedAt = at, StepDueAt = stepDueAt,
        };
        incident._steps.Add(new IncidentStep(at, reportedBy, "Report", null, IncidentState.Reported, report.Description.Trim(), attachments));
        return incident;
    }

    public Incident WithNumber(string number)
    {
        Number = number;
        return this;
    }

    public Incident WithId(int id)
    {
        Id = id;
        return this;
    }

    public void Accept(IReadOnlyCollection<Actor> actors, string by, DateTime at, DateTime dispatchDueAt) =>
        Move(IncidentAction.Accept, actors, by, at, null, () => StepDueAt = dispatchDueAt);

    public void Reject(IReadOnlyCollection<Actor> actors, string by, DateTime at, string reason) =>
        Move(IncidentAction.Reject, actors, by, at, Required(reason, "reason"), () => { StepDueAt = null; ClosedAt = at; });

    /// <summary>Sends an accepted incident to its lead and assisting departments.</summary>
    public void Dispatch(IReadOnlyCollection<Actor> actors, string by, DateTime at, string lead, IReadOnlyCollection<string> assisting,
        DateTime acknowledgeDueAt, DateTime handlingDueAt, string? note = null) =>
        Assign(IncidentAction.Dispatch, actors, by, at, lead, assisting, acknowledgeDueAt, handlingDueAt, note);

    /// <summary>Sends a dispatched incident to other departments instead; the old ones stop seeing it.</summary>
    public void Reassign(IReadOnlyCollection<Actor> actors, string by, DateTime at, string lead, IReadOnlyCollection<string> assisting,
        DateTime acknowledgeDueAt, DateTime handlingDueAt, string? note = null) =>
        Assign(IncidentAction.Reassign, actors, by, at, lead, assisting, acknowledgeDueAt, handlingDueAt, note);

    private void Assign(IncidentAction action, IReadOnlyCollection<Actor> actors, string by, DateTime at, string lead,
        IReadOnlyCollection<string> assisting, DateTime acknowledgeDueAt, DateTime handlingDueAt, string? note)
    {
        if (string.IsNullOrWhiteSpace(lead)) throw new ValidationException("lead", "required");
        if (assisting.Contains(lead)) throw new ValidationException("assisting", "includes_lead");
        Move(action, actors, by, at, note ?? Describe(lead, assisting), () =>
        {
            foreach (var a in _assignments.Where(a => a.IsActive)) a.End();
            _assignments.Add(new IncidentAssignment(lead, true, at));
            LeadDepartmentCode = lead;
            foreach (var code in assisting.Distinct()) _assignments.Add(new IncidentAssignment(code, false, at));
            StepDueAt = acknowledgeDueAt;
            HandlingDueAt = handlingDueAt;
            IsOverdue = false;
        });
    }

    public void Acknowledge(IReadOnlyCollection<Actor> actors, string department, string by, DateTime at)
    {
        var assignment = _assignments.FirstOrDefault(a => a.IsActive && a.DepartmentCode == department)
            ?? throw new ForbiddenException("incident_not_assigned");
        if (assignment.AcknowledgedAt is not null) throw new ConflictException("incident_already_acknowledged");
        var lead = assignment.IsLead;
        Move(IncidentAction.Acknowledge, actors.Where(a => a == (lead ? Actor.LeadDepartment : Actor.AssistingDepartment)).ToList(), by, at,
            department, () =>
            {
                assignment.Acknowledge(at);
                if (lead) StepDueAt = HandlingDueAt;
            });
    }

    /// <summary>催办: a note on the timeline for whoever holds the incident (the departments, or the grid when it waits for verification).</summary>
    public void Urge(IReadOnlyCollection<Actor> actors, string by, DateTime at, string? note) =>
        Move(IncidentAction.Urge, actors, by, at, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), null);

    public void Progress(IReadOnlyCollection<Actor> actors, string by, DateTime at, string note, string? attachments = null) =>
        Move(IncidentAction.Progress, actors, by, at, Required(note, "note"), null, attachments);

    public void SendBack(IReadOnlyCollection<Actor> actors, string by, DateTime at, string reason, DateTime dispatchDueAt) =>
        Move(IncidentAction.SendBack, actors, by, at, Required(reason, "reason"), () =>
        {
            foreach (var a in _assignments.Where(a => a.IsActive)) a.End();
            LeadDepartmentCode = null;
            StepDueAt = dispatchDueAt;
            HandlingDueAt = null;
            IsOverdue = false;
        });

    public void Finish(IReadOnlyCollection<Actor> actors, string by, DateTime at, string result, DateTime verifyDueAt, string? attachments = null,
        string? mediationOutcome = null) =>
        Move(IncidentAction.Finish, actors, by, at, Required(result, "result"), () =>
        {
            Result = result.Trim();
            if (!string.IsNullOrWhiteSpace(mediationOutcome)) MediationOutcome = mediationOutcome.Trim();
            HandledAt = at;
            StepDueAt = verifyDueAt;
        }, attachments);

    public void Verify(IReadOnlyCollection<Actor> actors, string by, DateTime at, bool passed, string note, string? attachments = null) =>
        Move(passed ? IncidentAction.VerifyPass : IncidentAction.VerifyFail, actors, by, at, passed ? note : Required(note, "note"), () =>
        {
            if (passed) Close(at);
            else
            {
                ReworkCount++;
                HandledAt = null;
                StepDueAt = HandlingDueAt;
            }
        }, attachments);

    public void RequestExtension(IReadOnlyCollection<Actor> actors, string by, DateTime at, int workingDays, string reason)
    {
        if (workingDays is < 1 or > 30) throw new ValidationException("workingDays", "out_of_range");
        if (RequestedExtensionDays is not null) throw new ConflictException("incident_extension_pending");
        Move(IncidentAction.RequestExtension, actors, by, at, Required(reason, "reason"), () => RequestedExtensionDays = workingDays);
    }

    /// <summary>Decides a pending extension; the new deadline comes from the calendar, counted from the old one.</summary>
    public void DecideExtension(IReadOnlyCollection<Actor> actors, string by, DateTime at, bool approve, WorkCalendar calendar, string? note = null)
    {
        if (RequestedExtensionDays is not { } days) throw new ConflictException("incident_no_extension_pending");
        Move(approve ? IncidentAction.ApproveExtension : IncidentAction.DenyExtension, actors, by, at, note, () =>
        {
            if (approve)
            {
                HandlingDueAt = calendar.DueAt(HandlingDueAt ?? at, TimeLimit.WorkingDays(days));
                if (State == IncidentState.Handling) StepDueAt = HandlingDueAt;
                ExtensionCount++;
                IsOverdue = StepDueAt < at;
            }
            RequestedExtensionDays = null;
        });
    }

    public void Escalate(IReadOnlyCollection<Actor> actors, string by, DateTime at, string reason, DateTime dispatchDueAt)
    {
        if (Level == HandlingLevel.County) throw new ConflictException("incident_at_top_level");
        Move(IncidentAction.Escalate, actors, by, at, Required(reason, "reason"), () =>
        {
            Level++;
            EscalationCount++;
            foreach (var a in _assignments.Where(a => a.IsActive)) a.End();
            LeadDepartmentCode = null;
            StepDueAt = dispatchDueAt;
            HandlingDueAt = null;
            RequestedExtensionDays = null;
            IsOverdue = false;
        });
    }

    /// <summary>
    /// 合并: this duplicate ends, folded into <paramref name="survivor"/>, which records that it took
    /// it in. Both keep their own timelines; the step is taken on both or on neither.
    /// </summary>
    public void MergeInto(Incident survivor, IReadOnlyCollection<Actor> actors, IReadOnlyCollection<Actor> survivorActors, string by, DateTime at,
        string? note)
    {
        if (survivor.Id == Id) throw new ValidationException("intoNumber", "merge_into_itself");
        if (!IncidentWorkflow.IsOpen(survivor.State)) throw new ValidationException("intoNumber", "merge_target_not_open");
        if (IncidentWorkflow.Find(survivor.State, IncidentAction.TakeInDuplicate, survivorActors) is null)
            throw new ValidationException("intoNumber", "merge_target_other_desk");
        if (!IncidentWorkflow.Allowed(State, actors).Contains(IncidentAction.MergeInto))
            throw new IllegalTransitionException(State, IncidentAction.MergeInto, AllowedFor(actors));
        var reason = string.IsNullOrWhiteSpace(note) ? survivor.Number : $"{survivor.Number} {note.Trim()}";
        survivor.Move(IncidentAction.TakeInDuplicate, survivorActors, by, at, Number, () => survivor.DuplicatesTakenIn++);
        Move(IncidentAction.MergeInto, actors, by, at, reason, () =>
        {
            MergedIntoId = survivor.Id;
            StepDueAt = null;
            IsOverdue = false;
            ClosedAt = at;
        });
    }

    /// <summary>The incident's grid moved on the tree, or merged into another: the incident follows it, whatever its state.</summary>
    public void FollowGrid(int gridId, string path) => (GridId, Path) = (gridId, path);

    public void MarkOverdue(DateTime at)
    {
        if (IsOverdue || StepDueAt is null || StepDueAt >= at) return;
        Move(IncidentAction.MarkOverdue, [Actor.System], "system", at, null, () => IsOverdue = true);
    }

    public void Reopen(IReadOnlyCollection<Actor> actors, string by, DateTime at, string reason, DateTime dispatchDueAt) =>
        Move(IncidentAction.Reopen, actors, by, at, Required(reason, "reason"), () =>
        {
            ClosedAt = null;
            ClosedOnTime = false;
            ResolutionMinutes = null;
            Satisfaction = null;
            StepDueAt = dispatchDueAt;
            IsOverdue = false;
        });

    public void ReturnVisit(IReadOnlyCollection<Actor> actors, string by, DateTime at, int satisfaction, string? note)
    {
        if (satisfaction is < 1 or > 5) throw new ValidationException("satisfaction", "out_of_range");
        if (Satisfaction is not null) throw new ConflictException("incident_already_visited");
        Move(IncidentAction.ReturnVisit, actors, by, at, note, () => Satisfaction = satisfaction);
    }

    /// <summary>A small matter the grid settled itself (网格自治): reported, resolved and closed with photo evidence.</summary>
    public void SelfResolve(IReadOnlyCollection<Actor> actors, string by, DateTime at, string result, string attachments)
    {
        if (Level != HandlingLevel.Grid) throw new ConflictException("incident_not_for_grid");
        Move(IncidentAction.SelfResolve, actors, by, at, Required(result, "result"), () =>
        {
            Result = result.Trim();
            SelfResolved = true;
            HandledAt = at;
            HandlingDueAt ??= StepDueAt;
            Close(at);
        }, attachments);
    }

    /// <summary>The steps these actors may take now: the workflow's, less those the incident's own facts rule out.</summary>
    public IReadOnlyList<IncidentAction> AllowedFor(IReadOnlyCollection<Actor> actors) =>
        IncidentWorkflow.Allowed(State, actors).Where(a => a switch
        {
            IncidentAction.ReturnVisit => Satisfaction is null,
            IncidentAction.RequestExtension => RequestedExtensionDays is null,
            IncidentAction.ApproveExtension or IncidentAction.DenyExtension => RequestedExtensionDays is not null,
            IncidentAction.Escalate => Level != HandlingLevel.County,
            IncidentAction.SelfResolve => Level == HandlingLevel.Grid,
            IncidentAction.Acknowledge => _assignments.Any(x => x.IsActive && x.AcknowledgedAt is null),
            _ => true,
        }).ToList();

    private void Close(DateTime at)
    {
        ClosedAt = at;
        ClosedOnTime = HandlingDueAt is null || (HandledAt ?? at) <= HandlingDueAt;
        ResolutionMinutes = (int)Math.Round((at - ReportedAt).TotalMinutes);
        StepDueAt = null;
        IsOverdue = false;
    }

    protected override WorkflowTable<IncidentState, IncidentAction, Actor> Workflow => IncidentWorkflow.Table;

    protected override string? LastStepBy => _steps.Count == 0 ? null : _steps[^1].By;

    protected override void RecordStep(DateTime at, string by, IncidentAction action, IncidentState from, IncidentState to, string? note,
        string? attachments) =>
        _steps.Add(new IncidentStep(at, by, action.ToString(), from, to, note, attachments));

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ValidationException(field, "required") : value.Trim();

    private static string Describe(string lead, IReadOnlyCollection<string> assisting) =>
        assisting.Count == 0 ? lead : $"{lead} + {string.Join(", ", assisting)}";
}

public sealed record IncidentReport(string CategoryCode, string Description, string Address, double? Longitude = null, double? Latitude = null,
    Urgency Urgency = Urgency.Normal, IncidentSource Source = IncidentSource.GridWorker, string? ContactName = null, string? ContactPhone = null,
    string? Parties = null, string? Petitioner = null, string? PetitionRequest = null);

/// <summary>A step not open from the incident's state to this user: answered 409 with the steps that are.</summary>
public sealed class IllegalTransitionException(IncidentState state, IncidentAction action, IReadOnlyList<IncidentAction> allowed)
    : AppException(409, "incident_illegal_transition", action, state)
{
    public IncidentState State { get; } = state;
    public IncidentAction Action { get; } = action;
    public IReadOnlyList<IncidentAction> Allowed { get; } = allowed;
}
