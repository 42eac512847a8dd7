using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Workflow;

namespace GridGov.Modules.FieldWork.Domain;

public enum SubjectState
{
    Pending = 1,
    Done = 2,
    /// <summary>Not at home: on the revisit list.</summary>
    NotAtHome = 3,
    Refused = 4,
    /// <summary>Inaccessible or out of the campaign, waiting for a reviewer.</summary>
    ExclusionRequested = 5,
    Excluded = 6,
}

public enum SubjectAction
{
    Complete = 1,
    NotAtHome = 2,
    Refuse = 3,
    RequestExclusion = 4,
    ApproveExclusion = 5,
    DeclineExclusion = 6,
    Reopen = 7,
}

public enum CampaignActor
{
    /// <summary>Works the subject's grid: the grid's worker, or staff above it recording for them.</summary>
    Worker = 1,
    Reviewer = 2,
}

/// <summary>
/// One household or person of a campaign's frozen universe, where it was at the start: the worker of
/// that grid works it through one state at a time; an exclusion needs a second person's approval.
/// </summary>
public sealed class CampaignSubject : WorkflowSubject<SubjectState, SubjectAction, CampaignActor>, IScopedByPath, IAudited
{
    public const int MaxNote = 500;

    private static readonly SubjectState[] Workable = [SubjectState.Pending, SubjectState.NotAtHome];

    public static readonly WorkflowTable<SubjectState, SubjectAction, CampaignActor> Table = new(Rows(),
        (from, action, allowed) => new ConflictException("step_not_allowed")
        {
            Extensions = new Dictionary<string, object?> { ["state"] = from.ToString(), ["allowed"] = allowed.Select(a => a.ToString()).ToArray() },
        });

    private static IEnumerable<Transition<SubjectState, SubjectAction, CampaignActor>> Rows()
    {
        const CampaignActor w = CampaignActor.Worker, r = CampaignActor.Reviewer;
        foreach (var from in Workable)
        {
            yield return new(from, SubjectAction.Complete, w, SubjectState.Done);
            yield return new(from, SubjectAction.NotAtHome, w, SubjectState.NotAtHome);
            yield return new(from, SubjectAction.Refuse, w, SubjectState.Refused, new StepRules(NoteField: "note"));
            yield return new(from, SubjectAction.RequestExclusion, w, SubjectState.ExclusionRequested, new StepRules(NoteField: "note"));
        }
        yield return new(SubjectState.Refused, SubjectAction.Complete, w, SubjectState.Done);
        yield return new(SubjectState.Refused, SubjectAction.RequestExclusion, w, SubjectState.ExclusionRequested, new StepRules(NoteField: "note"));
        yield return new(SubjectState.ExclusionRequested, SubjectAction.ApproveExclusion, r, SubjectState.Excluded, new StepRules(SecondPerson: true));
        yield return new(SubjectState.ExclusionRequested, SubjectAction.DeclineExclusion, r, SubjectState.Pending, new StepRules(NoteField: "note"));
        yield return new(SubjectState.Done, SubjectAction.Reopen, r, SubjectState.Pending, new StepRules(NoteField: "note"));
        yield return new(SubjectState.Excluded, SubjectAction.Reopen, r, SubjectState.Pending, new StepRules(NoteField: "note"));
    }

    private CampaignSubject() { }

    public long Id { get; private set; }
    public int CampaignId { get; private set; }
    public SubjectKind Kind { get; private set; }
    public int SubjectId { get; private set; }
    public int HouseholdId { get; private set; }
    public int GridId { get; private set; }
    public string Path { get; private set; } = "";
    public string Label { get; private set; } = "";
    /// <summary>People the subject stood for at the start: a household's members, or one.</summary>
    public int People { get; private set; }
    public string? Answers { get; private set; }
    public string? Note { get; private set; }
    public int Attempts { get; private set; }
    public string? StepBy { get; private set; }
    public DateTime? StepAt { get; private set; }
    public string? RecordedBy { get; private set; }
    public DateTime? RecordedAt { get; private set; }

    protected override WorkflowTable<SubjectState, SubjectAction, CampaignActor> Workflow => Table;

    protected override string? LastStepBy => StepBy;

    protected override void RecordStep(DateTime at, string by, SubjectAction action, SubjectState from, SubjectState to, string? note, string? attachments) =>
        (StepBy, StepAt) = (by, at);

    public static CampaignSubject Frozen(int campaignId, SubjectKind kind, int subjectId, int householdId, int gridId, string path, string label, int people) =>
        new()
        {
            CampaignId = campaignId, Kind = kind, SubjectId = subjectId, HouseholdId = householdId, GridId = gridId, Path = path,
            Label = Subject.Trim(label), People = people, State = SubjectState.Pending,
        };

    public CampaignSubject WithId(long id)
    {
        Id = id;
        return this;
    }

    public static IReadOnlyList<SubjectAction> Allowed(SubjectState state, IEnumerable<CampaignActor> actors) => Table.Allowed(state, actors);

    /// <summary>Takes a step; the answers are checked against the form, complete when the subject is done.</summary>
    public SubjectState Take(SubjectAction action, IReadOnlyCollection<CampaignActor> actors, string by, DateTime at, string? note,
        IReadOnlyList<CampaignQuestion> form, IReadOnlyDictionary<string, string?>? answers)
    {
        new Validator().Check(note is null || note.Length <= MaxNote, "note", "too_long").ThrowIfInvalid();
        var worked = action is SubjectAction.Complete or SubjectAction.NotAtHome or SubjectAction.Refuse or SubjectAction.RequestExclusion;
        var kept = worked ? CampaignForm.Check(form, answers, complete: action == SubjectAction.Complete) : null;
        var from = State;
        Move(action, actors, by, at, note, () =>
        {
            if (kept is not null && (kept.Count > 0 || action == SubjectAction.Complete)) Answers = CampaignForm.WriteAnswers(kept);
            if (worked) (Attempts, RecordedBy, RecordedAt) = (Attempts + 1, by, at);
            Note = string.IsNullOrWhiteSpace(note) ? Note : note.Trim();
        });
        return from;
    }
}
