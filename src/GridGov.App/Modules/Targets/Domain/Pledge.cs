using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Targets.Domain;

public enum PledgeState { Draft = 1, Signed = 2 }

/// <summary>
/// A target pledge (责任状): the targets a unit answers for, the signatories of both sides, the
/// signed document as uploaded and the day it was signed. Signing locks its targets for good; a
/// change to one is then a revision with a reason, approved by a second person.
/// </summary>
public sealed class Pledge : IScopedByPath, IAudited
{
    public const int MaxTitle = 100;
    public const int MaxSignatories = 300;

    private Pledge() { }

    public int Id { get; private set; }
    public string Path { get; private set; } = "";
    public string AreaCode { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public string Title { get; private set; } = "";
    public int Year { get; private set; }
    public PledgeState State { get; private set; } = PledgeState.Draft;
    /// <summary>Who signed for each side, as the document names them (县长 张三；乡长 李四).</summary>
    public string? Signatories { get; private set; }
    public DateOnly? SignedOn { get; private set; }
    /// <summary>The stored file of the signed document.</summary>
    public string? DocumentName { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string? SignedBy { get; private set; }
    public int Version { get; private set; }

    public static Pledge Draft(string path, string areaCode, string unitName, string title, int year, string by, DateTime at)
    {
        new Validator().Require("title", title, MaxTitle).Check(year is >= 2000 and <= 2100, "year", "out_of_range").ThrowIfInvalid();
        return new Pledge { Path = path, AreaCode = areaCode, UnitName = unitName, Title = title.Trim(), Year = year, CreatedBy = by, CreatedAt = at };
    }

    public void Bind(IEnumerable<Target> targets)
    {
        if (State == PledgeState.Signed) throw new ConflictException("pledge_signed");
        foreach (var target in targets) target.Bind(this);
    }

    public void Release(Target target)
    {
        if (State == PledgeState.Signed) throw new ConflictException("pledge_signed");
        if (target.PledgeId != Id) throw new ValidationException("targetId", "not_in_pledge");
        target.Unbind();
    }

    /// <summary>Signs it with its document: every target it binds is locked from now on.</summary>
    public void Sign(IReadOnlyCollection<Target> targets, string signatories, DateOnly signedOn, string? documentName, DateOnly today, string by)
    {
        if (State == PledgeState.Signed) throw new ConflictException("pledge_signed");
        new Validator().Require("signatories", signatories, MaxSignatories)
            .Check(!string.IsNullOrEmpty(documentName), "document", "required")
            .Check(signedOn <= today, "signedOn", "in_future")
            .Check(targets.Count > 0, "targetIds", "required").ThrowIfInvalid();
        foreach (var target in targets) target.LockUnder(this);
        (State, Signatories, SignedOn, DocumentName, SignedBy) = (PledgeState.Signed, signatories.Trim(), signedOn, documentName, by);
    }
}
