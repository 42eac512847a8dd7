using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Workflow;

namespace GridGov.Modules.Targets.Domain;

public enum TrackedKind
{
    /// <summary>A decision of a monthly review or a quarterly push meeting (调度会议定事项).</summary>
    Decision = 1,
    /// <summary>A finding of a supervision round to put right (督导整改事项).</summary>
    Rectification = 2,
}

public enum TrackedState { Open = 1, Reported = 2, Closed = 3 }

public enum TrackedAction
{
    /// <summary>The owner records progress; the item stays open.</summary>
    Progress = 1,
    /// <summary>The owner reports it done (rectified), with what was done and its evidence.</summary>
    Report = 2,
    /// <summary>The issuer (the meeting's unit, the inspectors) checks the report and closes it.</summary>
    Verify = 3,
    /// <summary>The issuer finds the report short and hands it back.</summary>
    Return = 4,
}

public enum TrackedActor { Owner = 1, Issuer = 2 }

/// <summary>
/// A tracked item (督办事项): something a unit must do by a deadline on the working-day clock, from
/// a meeting's decision or a supervision finding. The owner records progress and reports it done;
/// the issuer verifies and closes it, or returns it. Done on time means reported by its deadline.
/// </summary>
public sealed class TrackedItem : WorkflowSubject<TrackedState, TrackedAction, TrackedActor>, IScopedByPath, IAudited
{
    public const int MaxTitle = 300;
    public const int MaxNote = 1000;

    public static readonly WorkflowTable<TrackedState, TrackedAction, TrackedActor> Table = new(
    [
        new(TrackedState.Open, TrackedAction.Progress, TrackedActor.Owner, TrackedState.Open, new StepRules(NoteField: "note")),
        new(TrackedState.Open, TrackedAction.Report, TrackedActor.Owner, TrackedState.Reported, new StepRules(NoteField: "note")),
        new(TrackedState.Reported, TrackedAction.Verify, TrackedActor.Issuer, TrackedState.Closed, new StepRules(SecondPerson: true)),
        new(TrackedState.Reported, TrackedAction.Return, TrackedActor.Issuer, TrackedState.Open, new StepRules(NoteField: "note", SecondPerson: true)),
    ], (from, action, allowed) => new ConflictException("step_not_allowed") { Extensions = new Dictionary<string, object?> { ["allowed"] = allowed } });

    private readonly List<TrackedStep> _steps = [];

    private TrackedItem() { }

    public long Id { get; private set; }
    public TrackedKind Kind { get; private set; }
    /// <summary>The meeting or the inspection round it came from.</summary>
    public int SourceId { get; private set; }
    /// <summary>The unit that set it and verifies it.</summary>
    public string IssuerPath { get; private set; } = "";
    /// <summary>The unit that must do it.</summary>
    public string Path { get; private set; } = "";
    public string AreaCode { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public string Title { get; private set; } = "";
    /// <summary>Who answers for it in the unit (a post, a person, a department).</summary>
    public string Owner { get; private set; } = "";
    public DateTime DueAt { get; private set; }
    public DateTime? ReportedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public string? LastNote { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string? StepBy { get; private set; }
    public IReadOnlyList<TrackedStep> Steps => _steps;

    /// <summary>Reported done by its deadline (null while not reported).</summary>
    public bool? OnTime => ReportedAt is { } at ? at <= DueAt : null;

    protected override WorkflowTable<TrackedState, TrackedAction, TrackedActor> Workflow => Table;

    protected override string? LastStepBy => StepBy;

    public static TrackedItem Set(TrackedKind kind, int sourceId, string issuerPath, string path, string areaCode, string unitName, string title, string owner,
        DateTime dueAt, string by, DateTime at)
    {
        new Validator().Require("title", title, MaxTitle).Require("owner", owner, 60).Check(dueAt > at, "dueInWorkingDays", "out_of_range")
            .Check(TreePath.IsWithin(path, issuerPath), "areaCode", "not_below_issuer").ThrowIfInvalid();
        var item = new TrackedItem
        {
            Kind = kind, SourceId = sourceId, IssuerPath = issuerPath, Path = path, AreaCode = areaCode, UnitName = unitName, Title = title.Trim(),
            Owner = owner.Trim(), DueAt = dueAt, CreatedBy = by, CreatedAt = at, State = TrackedState.Open,
        };
        return item;
    }

    public void Take(TrackedAction action, IReadOnlyCollection<TrackedActor> actors, string by, DateTime at, string? note, string? photos = null)
    {
        if (note is { Length: > MaxNote }) throw new ValidationException("note", "too_long");
        Move(action, actors, by, at, note, () =>
        {
            if (action == TrackedAction.Report) ReportedAt = at;
            if (action == TrackedAction.Return) ReportedAt = null;
            if (action == TrackedAction.Verify) ClosedAt = at;
            LastNote = note?.Trim();
        }, photos);
    }

    protected override void RecordStep(DateTime at, string by, TrackedAction action, TrackedState from, TrackedState to, string? note, string? attachments)
    {
        StepBy = by;
        _steps.Add(new TrackedStep(_steps.Count + 1, at, by, action, from, to, note?.Trim(), attachments));
    }
}

/// <summary>One step of a tracked item's timeline.</summary>
public sealed class TrackedStep
{
    private TrackedStep() { }

    internal TrackedStep(int sequence, DateTime at, string by, TrackedAction action, TrackedState from, TrackedState to, string? note, string? photos) =>
        (Sequence, At, By, Action, From, To, Note, Photos) = (sequence, at, by, action, from, to, note, photos);

    public long Id { get; private set; }
    public long ItemId { get; private set; }
    public int Sequence { get; private set; }
    public DateTime At { get; private set; }
    public string By { get; private set; } = "";
    public TrackedAction Action { get; private set; }
    public TrackedState From { get; private set; }
    public TrackedState To { get; private set; }
    public string? Note { get; private set; }
    /// <summary>Stored names of the evidence photos, comma-separated.</summary>
    public string? Photos { get; private set; }
}
