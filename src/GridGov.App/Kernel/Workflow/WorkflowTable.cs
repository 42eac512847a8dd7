using GridGov.Kernel.Errors;

namespace GridGov.Kernel.Workflow;

/// <summary>
/// What a step needs besides its row: a note (named as the form names it), photos, or a second
/// person (four-eyes: not the one who took the subject's last step). A companion step is taken
/// only as the other side of a step on another subject (the survivor of a merge), so it is never
/// offered on its own.
/// </summary>
public sealed record StepRules(string? NoteField = null, bool PhotosRequired = false, bool SecondPerson = false, bool Companion = false)
{
    public static readonly StepRules None = new();
}

/// <summary>One row of a workflow: from a state, an action by an actor leads to a state, under its rules.</summary>
public sealed record Transition<TState, TAction, TActor>(TState From, TAction Action, TActor Actor, TState To, StepRules? Rules = null)
    where TState : struct, Enum where TAction : struct, Enum where TActor : struct, Enum
{
    public StepRules Needs => Rules ?? StepRules.None;
}

/// <summary>
/// A workflow as a table over (state, action, actor): nothing moves a subject except a row of it.
/// <see cref="Take"/> finds the row or refuses with the steps allowed (409), then holds the row's
/// rules. Actors listed as unlisted (a scheduled job) may take their rows but are never offered them.
/// </summary>
public sealed class WorkflowTable<TState, TAction, TActor>
    where TState : struct, Enum where TAction : struct, Enum where TActor : struct, Enum
{
    private readonly Func<TState, TAction, IReadOnlyList<TAction>, AppException> _refuse;
    private readonly HashSet<TActor> _unlisted;

    public WorkflowTable(IEnumerable<Transition<TState, TAction, TActor>> transitions,
        Func<TState, TAction, IReadOnlyList<TAction>, AppException> refuse, params TActor[] unlisted)
    {
        Transitions = transitions.ToList();
        if (Transitions.GroupBy(t => (t.From, t.Action, t.Actor)).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidOperationException($"the workflow table names {twice.Key} twice");
        _refuse = refuse;
        _unlisted = [.. unlisted];
    }

    public IReadOnlyList<Transition<TState, TAction, TActor>> Transitions { get; }

    public Transition<TState, TAction, TActor>? Find(TState from, TAction action, IEnumerable<TActor> actors) =>
        Transitions.FirstOrDefault(t => t.From.Equals(from) && t.Action.Equals(action) && actors.Contains(t.Actor));

    /// <summary>The steps open to these actors from this state, for buttons and for a 409's list.</summary>
    public IReadOnlyList<TAction> Allowed(TState from, IEnumerable<TActor> actors) =>
        Transitions.Where(t => t.From.Equals(from) && actors.Contains(t.Actor) && !_unlisted.Contains(t.Actor) && !t.Needs.Companion)
            .Select(t => t.Action).Distinct().ToList();

    /// <summary>The row for this step, its rules held; an illegal step is refused with the steps allowed.</summary>
    public Transition<TState, TAction, TActor> Take(TState from, TAction action, IReadOnlyCollection<TActor> actors, string by,
        string? note, string? attachments, string? lastBy)
    {
        var row = Find(from, action, actors) ?? throw _refuse(from, action, Allowed(from, actors));
        var needs = row.Needs;
        if (needs.NoteField is { } field && string.IsNullOrWhiteSpace(note)) throw new ValidationException(field, "required");
        if (needs.PhotosRequired && string.IsNullOrWhiteSpace(attachments)) throw new ValidationException("photos", "required");
        if (needs.SecondPerson && lastBy == by) throw new ConflictException("second_person_required");
        return row;
    }
}
