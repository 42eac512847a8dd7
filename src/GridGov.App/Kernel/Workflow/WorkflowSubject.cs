namespace GridGov.Kernel.Workflow;

/// <summary>
/// Something that moves through a <see cref="WorkflowTable{TState,TAction,TActor}"/>: its state and
/// version, and the one <see cref="Move"/> that takes a row, runs the step's effect, bumps the
/// version and writes the timeline row, so no step can skip any of them.
/// </summary>
public abstract class WorkflowSubject<TState, TAction, TActor>
    where TState : struct, Enum where TAction : struct, Enum where TActor : struct, Enum
{
    public TState State { get; protected set; }

    /// <summary>Optimistic concurrency: one up with each step (and with each other change, at the save).</summary>
    public int Version { get; protected set; }

    protected abstract WorkflowTable<TState, TAction, TActor> Workflow { get; }

    /// <summary>Who took the last step, for four-eyes rows.</summary>
    protected abstract string? LastStepBy { get; }

    protected abstract void RecordStep(DateTime at, string by, TAction action, TState from, TState to, string? note, string? attachments);

    protected Transition<TState, TAction, TActor> Move(TAction action, IReadOnlyCollection<TActor> actors, string by, DateTime at, string? note,
        Action? effect, string? attachments = null)
    {
        var row = Workflow.Take(State, action, actors, by, note, attachments, LastStepBy);
        var from = State;
        effect?.Invoke();
        State = row.To;
        Version++;
        RecordStep(at, by, action, from, State, note, attachments);
        return row;
    }
}
