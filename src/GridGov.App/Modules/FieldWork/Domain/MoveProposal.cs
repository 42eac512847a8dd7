using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.FieldWork.Domain;

public enum ProposalState
{
    Proposed = 1,
    Confirmed = 2,
    Declined = 3,
}

/// <summary>
/// A visit found someone gone ("moved away"): the worker proposes, and community staff confirm the
/// deregistration through the ledger's own rules or decline it. A worker never deregisters anyone
/// from a doorstep; the one who proposed never confirms their own proposal.
/// </summary>
public sealed class MoveProposal : IFiledUpward, IAudited
{
    public const int MaxDestination = 100;

    private MoveProposal() { }

    public MoveProposal WithId(int id)
    {
        Id = id;
        return this;
    }

    public int Id { get; private set; }
    public int VisitId { get; private set; }
    public int PersonId { get; private set; }
    public string PersonName { get; private set; } = "";
    public string Path { get; private set; } = "";
    public string? Destination { get; private set; }
    public DateOnly MovedOn { get; private set; }
    public string ProposedBy { get; private set; } = "";
    public DateTime ProposedAt { get; private set; }
    public ProposalState State { get; private set; } = ProposalState.Proposed;
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public int Version { get; private set; }

    public static MoveProposal Propose(Visit visit, int personId, string personName, string? destination, string by, DateTime at)
    {
        new Validator().Check(destination is null || destination.Length <= MaxDestination, "destination", "too_long").ThrowIfInvalid();
        return new MoveProposal
        {
            VisitId = visit.Id, PersonId = personId, PersonName = personName, Path = visit.Path, MovedOn = visit.VisitedOn,
            Destination = string.IsNullOrWhiteSpace(destination) ? null : destination.Trim(), ProposedBy = by, ProposedAt = at,
        };
    }

    public void Confirm(string by, DateTime at) => Decide(ProposalState.Confirmed, by, at, null);

    public void Decline(string by, DateTime at, string reason)
    {
        new Validator().Require("reason", reason, 200).ThrowIfInvalid();
        Decide(ProposalState.Declined, by, at, reason.Trim());
    }

    private void Decide(ProposalState to, string by, DateTime at, string? reason)
    {
        if (State != ProposalState.Proposed) throw new ConflictException("proposal_decided");
        if (by == ProposedBy) throw new ConflictException("second_person_required");
        (State, DecidedBy, DecidedAt, DeclineReason) = (to, by, at, reason);
    }
}
