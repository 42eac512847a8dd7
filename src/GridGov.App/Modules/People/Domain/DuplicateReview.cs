using GridGov.Kernel.Privacy;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.People.Domain;

public enum ReviewState
{
    Pending = 1,
    KeptApart = 2,
    Merged = 3,
}

/// <summary>
/// A registration whose ID number is already on the ledger. It waits here until someone decides:
/// merge (the submitted details update the existing person) or keep apart (a second record is
/// registered deliberately). Who decided, and when, stays with it.
/// </summary>
public sealed class DuplicateReview : IFiledUpward, IAudited
{
    private DuplicateReview() { }

    public int Id { get; private set; }
    public int ExistingPersonId { get; private set; }
    public int HouseholdId { get; private set; }
    /// <summary>
    /// The deepest node above both the household the registration was for and the person already
    /// holding the number: only a reviewer who sees both may decide, and no one below learns who
    /// holds a number outside their scope.
    /// </summary>
    public string Path { get; private set; } = "";
    [Personal(PersonalKind.IdNumber)] public string IdNumber { get; private set; } = "";
    public string Name { get; private set; } = "";
    [Personal(PersonalKind.Phone)] public string? Phone { get; private set; }
    public string RelationToHead { get; private set; } = "";
    public Residency Residency { get; private set; }
    public ReviewState State { get; private set; } = ReviewState.Pending;
    public string RequestedBy { get; private set; } = "";
    public DateTime RequestedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    public static DuplicateReview Open(Person existing, Household household, string name, IdNumber id, string? phone, string relation,
        Residency residency, string requestedBy, DateTime at) =>
        new()
        {
            ExistingPersonId = existing.Id, HouseholdId = household.Id, Path = TreePath.CommonAncestor(household.Path, existing.Path),
            IdNumber = id.Value, Name = name.Trim(),
            Phone = phone, RelationToHead = relation, Residency = residency, RequestedBy = requestedBy, RequestedAt = at,
        };

    public void Decide(ReviewState decision, string decidedBy, DateTime at)
    {
        if (State != ReviewState.Pending) throw new ConflictException("review_decided");
        if (decision == ReviewState.Pending || !Enum.IsDefined(decision)) throw new ValidationException("decision", "unknown");
        State = decision;
        DecidedBy = decidedBy;
        DecidedAt = at;
    }
}
