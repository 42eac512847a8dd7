using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.FieldWork.Domain;

public enum PlanStatus
{
    Active = 1,
    /// <summary>The schedule ran out: no occurrence falls due before its end.</summary>
    Finished = 2,
    Stopped = 3,
}

/// <summary>
/// A schedule of visits to one subject, in one worker's care. The plan keeps only its open
/// occurrence (number, due day, window); whether it is overdue or due this week is read against
/// today, never stored.
/// </summary>
public sealed class VisitPlan : IScopedByPath, IAudited
{
    public const int MaxReason = 200;

    private VisitPlan() { }

    public int Id { get; private set; }
    public SubjectKind SubjectKind { get; private set; }
    public int SubjectId { get; private set; }
    public string SubjectLabel { get; private set; } = "";
    public int GridId { get; private set; }
    public string Path { get; private set; } = "";
    public VisitPurpose Purpose { get; private set; }
    /// <summary>The login of the worker whose list it is on.</summary>
    public string AssignedTo { get; private set; } = "";
    public DateOnly Anchor { get; private set; }
    public Repeat Repeat { get; private set; }
    public int Every { get; private set; }
    public int EarlyDays { get; private set; }
    public int LateDays { get; private set; }
    public bool WorkingDaysOnly { get; private set; }
    public DateOnly? Until { get; private set; }
    public PlanStatus Status { get; private set; }
    public int OpenOccurrence { get; private set; }
    public DateOnly? NextDue { get; private set; }
    public DateOnly? WindowStart { get; private set; }
    public DateOnly? WindowEnd { get; private set; }
    public string? StopReason { get; private set; }
    /// <summary>The home watch whose daily checks this is, when it is one.</summary>
    public int? WatchId { get; private set; }
    public int Version { get; private set; }

    public Schedule Schedule => new(Anchor, Repeat, Every, EarlyDays, LateDays, WorkingDaysOnly, Until);

    public static VisitPlan Create(Subject subject, VisitPurpose purpose, string assignedTo, Schedule schedule, Func<DateOnly, bool> isWorkingDay,
        int? watchId = null)
    {
        schedule.Validate();
        new Validator().Check(Enum.IsDefined(purpose), "purpose", "unknown").Check(assignedTo.Length <= 256, "assignedTo", "too_long").ThrowIfInvalid();
        var plan = new VisitPlan
        {
            SubjectKind = subject.Kind, SubjectId = subject.Id, SubjectLabel = Subject.Trim(subject.Label), GridId = subject.GridId,
            Path = subject.Path, Purpose = purpose, AssignedTo = assignedTo, Anchor = schedule.Anchor, Repeat = schedule.Repeat,
            Every = schedule.Every, EarlyDays = schedule.EarlyDays, LateDays = schedule.LateDays, WorkingDaysOnly = schedule.WorkingDaysOnly,
            Until = schedule.Until, WatchId = watchId, Status = PlanStatus.Active,
        };
        plan.Open(0, isWorkingDay);
        return plan;
    }

    public VisitPlan WithId(int id)
    {
        Id = id;
        return this;
    }

    public bool IsOverdueOn(DateOnly today) => Status == PlanStatus.Active && WindowEnd < today;

    /// <summary>Due by the end of the given day: its window has opened by then and it is still open.</summary>
    public bool IsDueBy(DateOnly day) => Status == PlanStatus.Active && WindowStart <= day;

    /// <summary>
    /// Counts a visit against the schedule: which occurrence it was for, whether it fell outside that
    /// occurrence's window, and what is open next. Not at home leaves the occurrence open for a
    /// revisit; moved away stops the plan until the ledger decides.
    /// </summary>
    public VisitWindow Count(DateOnly day, VisitOutcome outcome, Func<DateOnly, bool> isWorkingDay)
    {
        if (Status != PlanStatus.Active) throw new ConflictException("plan_not_active");
        var window = Schedule.CountsFor(OpenOccurrence, day, isWorkingDay);
        switch (outcome)
        {
            case VisitOutcome.NotAtHome: Open(window.Occurrence, isWorkingDay); break;
            case VisitOutcome.MovedAway: Stop("moved_away"); break;
            default: Open(window.Occurrence + 1, isWorkingDay); break;
        }
        Version++;
        return window;
    }

    public void Reassign(string worker)
    {
        new Validator().Require("assignedTo", worker, 256).ThrowIfInvalid();
        AssignedTo = worker;
    }

    public void Stop(string reason)
    {
        if (Status != PlanStatus.Active) throw new ConflictException("plan_not_active");
        new Validator().Require("reason", reason, MaxReason).ThrowIfInvalid();
        Status = PlanStatus.Stopped;
        StopReason = reason.Trim();
        (NextDue, WindowStart, WindowEnd) = (null, null, null);
    }

    /// <summary>Moves the plan's end (a watch extended, or ended early): nothing falls due after it, and an occurrence already open past it closes.</summary>
    public void EndOn(DateOnly? until, Func<DateOnly, bool> isWorkingDay)
    {
        if (until is { } u && u < Anchor) until = Anchor.AddDays(-1);
        Until = until;
        if (Status == PlanStatus.Finished && until is not null) Status = PlanStatus.Active;
        if (Status == PlanStatus.Active) Open(OpenOccurrence, isWorkingDay);
    }

    private void Open(int occurrence, Func<DateOnly, bool> isWorkingDay)
    {
        if (!Schedule.Has(occurrence, isWorkingDay))
        {
            Status = PlanStatus.Finished;
            OpenOccurrence = occurrence;
            (NextDue, WindowStart, WindowEnd) = (null, null, null);
            return;
        }
        var window = Schedule.Window(occurrence, isWorkingDay);
        Status = PlanStatus.Active;
        OpenOccurrence = occurrence;
        (NextDue, WindowStart, WindowEnd) = (window.Due, window.Earliest, window.Latest);
    }
}
