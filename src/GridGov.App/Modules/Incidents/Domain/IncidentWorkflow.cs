using GridGov.Kernel.Workflow;

namespace GridGov.Modules.Incidents.Domain;

/// <summary>Merged: a duplicate folded into the incident that carries the matter on; its own timeline ends there.</summary>
public enum IncidentState { Reported, Accepted, Rejected, Dispatched, Handling, Handled, Closed, Merged }

public enum IncidentAction
{
    Accept, Reject, Dispatch, Reassign, Acknowledge, Progress, SendBack, Finish, VerifyPass, VerifyFail,
    RequestExtension, ApproveExtension, DenyExtension, Escalate, Reopen, ReturnVisit, SelfResolve, MarkOverdue,
    /// <summary>催办: the centre presses whoever holds the incident to act; the state does not change.</summary>
    Urge,
    /// <summary>合并: a duplicate report ends by being folded into another open incident of the same matter.</summary>
    MergeInto,
    /// <summary>The survivor's side of a merge: the duplicate's report and timeline join its record; the state does not change.</summary>
    TakeInDuplicate,
}

/// <summary>Who takes a step, relative to the incident: the same person may be several.</summary>
public enum Actor
{
    /// <summary>Staff of the command centre at the incident's handling level (受理、派遣).</summary>
    Dispatcher,
    /// <summary>A handler of the lead department (牵头部门).</summary>
    LeadDepartment,
    /// <summary>A handler of an assisting department (协办部门).</summary>
    AssistingDepartment,
    /// <summary>A grid worker of the incident's grid: reports, verifies on site, resolves small matters.</summary>
    GridWorker,
    /// <summary>The scheduled deadline job.</summary>
    System,
}


/// <summary>
/// The closed loop as a table: every step an incident may take, from which state, by whom, and
/// where it leads. Nothing moves an incident except a row of this table.
/// </summary>
public static class IncidentWorkflow
{
    private static readonly IncidentState[] Open =
        [IncidentState.Reported, IncidentState.Accepted, IncidentState.Dispatched, IncidentState.Handling];

    // Declared before the table: static fields are set in the order written, and the table's rows use it.
    private static readonly StepRules Companion = new(Companion: true);

    /// <summary>The table, on the Kernel's workflow: the scheduled job takes its rows but is never offered them.</summary>
    public static readonly WorkflowTable<IncidentState, IncidentAction, Actor> Table = new(Build(), Refuse, Actor.System);

    public static IReadOnlyList<Transition<IncidentState, IncidentAction, Actor>> Transitions => Table.Transitions;

    private static IllegalTransitionException Refuse(IncidentState state, IncidentAction action, IReadOnlyList<IncidentAction> allowed) =>
        new(state, action, allowed)
        {
            Extensions = new Dictionary<string, object?> { ["state"] = state.ToString(), ["allowed"] = allowed.Select(a => a.ToString()).ToArray() },
        };

    private static List<Transition<IncidentState, IncidentAction, Actor>> Build()
    {
        var t = new List<Transition<IncidentState, IncidentAction, Actor>>
        {
            new(IncidentState.Reported, IncidentAction.Accept, Actor.Dispatcher, IncidentState.Accepted),
            new(IncidentState.Reported, IncidentAction.Reject, Actor.Dispatcher, IncidentState.Rejected),
            // A small matter the grid settled itself closes on its photo evidence.
            new(IncidentState.Reported, IncidentAction.SelfResolve, Actor.GridWorker, IncidentState.Closed, new StepRules(PhotosRequired: true)),
            new(IncidentState.Accepted, IncidentAction.Reject, Actor.Dispatcher, IncidentState.Rejected),
            new(IncidentState.Accepted, IncidentAction.Dispatch, Actor.Dispatcher, IncidentState.Dispatched),
            new(IncidentState.Dispatched, IncidentAction.Reassign, Actor.Dispatcher, IncidentState.Dispatched),
            new(IncidentState.Handling, IncidentAction.Reassign, Actor.Dispatcher, IncidentState.Dispatched),
            new(IncidentState.Dispatched, IncidentAction.Acknowledge, Actor.LeadDepartment, IncidentState.Handling),
            new(IncidentState.Dispatched, IncidentAction.Acknowledge, Actor.AssistingDepartment, IncidentState.Dispatched),
            new(IncidentState.Handling, IncidentAction.Acknowledge, Actor.AssistingDepartment, IncidentState.Handling),
            new(IncidentState.Dispatched, IncidentAction.SendBack, Actor.LeadDepartment, IncidentState.Accepted),
            new(IncidentState.Handling, IncidentAction.SendBack, Actor.LeadDepartment, IncidentState.Accepted),
            new(IncidentState.Handling, IncidentAction.Progress, Actor.LeadDepartment, IncidentState.Handling),
            new(IncidentState.Handling, IncidentAction.Progress, Actor.AssistingDepartment, IncidentState.Handling),
            new(IncidentState.Handling, IncidentAction.Finish, Actor.LeadDepartment, IncidentState.Handled),
            new(IncidentState.Handled, IncidentAction.VerifyPass, Actor.GridWorker, IncidentState.Closed),
            new(IncidentState.Handled, IncidentAction.VerifyFail, Actor.GridWorker, IncidentState.Handling),
            new(IncidentState.Dispatched, IncidentAction.RequestExtension, Actor.LeadDepartment, IncidentState.Dispatched),
            new(IncidentState.Handling, IncidentAction.RequestExtension, Actor.LeadDepartment, IncidentState.Handling),
            new(IncidentState.Dispatched, IncidentAction.ApproveExtension, Actor.Dispatcher, IncidentState.Dispatched),
            new(IncidentState.Handling, IncidentAction.ApproveExtension, Actor.Dispatcher, IncidentState.Handling),
            new(IncidentState.Dispatched, IncidentAction.DenyExtension, Actor.Dispatcher, IncidentState.Dispatched),
            new(IncidentState.Handling, IncidentAction.DenyExtension, Actor.Dispatcher, IncidentState.Handling),
            new(IncidentState.Dispatched, IncidentAction.Urge, Actor.Dispatcher, IncidentState.Dispatched),
            new(IncidentState.Handling, IncidentAction.Urge, Actor.Dispatcher, IncidentState.Handling),
            new(IncidentState.Handled, IncidentAction.Urge, Actor.Dispatcher, IncidentState.Handled),
            new(IncidentState.Reported, IncidentAction.MergeInto, Actor.Dispatcher, IncidentState.Merged),
            new(IncidentState.Accepted, IncidentAction.MergeInto, Actor.Dispatcher, IncidentState.Merged),
            new(IncidentState.Handled, IncidentAction.TakeInDuplicate, Actor.Dispatcher, IncidentState.Handled, Companion),
            new(IncidentState.Closed, IncidentAction.ReturnVisit, Actor.Dispatcher, IncidentState.Closed),
            new(IncidentState.Closed, IncidentAction.Reopen, Actor.Dispatcher, IncidentState.Accepted),
            new(IncidentState.Rejected, IncidentAction.Reopen, Actor.Dispatcher, IncidentState.Accepted),
        };
        // Escalation (提级办理) hands an open incident to the next level's centre, by hand or when a
        // deadline passes; overdue marking only flags the step.
        foreach (var state in Open)
        {
            t.Add(new(state, IncidentAction.Escalate, Actor.Dispatcher, IncidentState.Accepted));
            t.Add(new(state, IncidentAction.Escalate, Actor.System, IncidentState.Accepted));
            t.Add(new(state, IncidentAction.MarkOverdue, Actor.System, state));
            t.Add(new(state, IncidentAction.TakeInDuplicate, Actor.Dispatcher, state, Companion));
        }
        return t;
    }

    public static Transition<IncidentState, IncidentAction, Actor>? Find(IncidentState from, IncidentAction action, IEnumerable<Actor> actors) =>
        Table.Find(from, action, actors);

    /// <summary>The steps open to these actors from this state, for buttons and for a 409's list.</summary>
    public static IReadOnlyList<IncidentAction> Allowed(IncidentState from, IEnumerable<Actor> actors) => Table.Allowed(from, actors);

    public static bool IsOpen(IncidentState state) => Open.Contains(state) || state == IncidentState.Handled;
}
