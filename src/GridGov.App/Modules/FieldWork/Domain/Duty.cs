using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.FieldWork.Domain;

public enum ShiftKind
{
    Day = 1,
    Night = 2,
}

/// <summary>One shift of a community's duty roster (值班值守): who is on duty, who leads, and the handover note left at its end.</summary>
public sealed class DutyShift : IScopedByPath, IAudited
{
    public const int MaxNames = 200;
    public const int MaxNote = 1000;

    private DutyShift() { }

    public DutyShift WithId(int id)
    {
        Id = id;
        return this;
    }

    public int Id { get; private set; }
    public string Path { get; private set; } = "";
    public DateOnly On { get; private set; }
    public ShiftKind Kind { get; private set; }
    public string Leader { get; private set; } = "";
    public string OnDuty { get; private set; } = "";
    public string? HandoverNote { get; private set; }
    public string? HandedOverBy { get; private set; }
    public DateTime? HandedOverAt { get; private set; }
    public int Version { get; private set; }

    public static DutyShift Plan(string communityPath, DateOnly on, ShiftKind kind, string leader, string onDuty, bool taken)
    {
        new Validator().Check(Enum.IsDefined(kind), "kind", "unknown").Require("leader", leader, 50).Require("onDuty", onDuty, MaxNames).ThrowIfInvalid();
        if (taken) throw new ConflictException("shift_taken");
        return new DutyShift { Path = communityPath, On = on, Kind = kind, Leader = leader.Trim(), OnDuty = onDuty.Trim() };
    }

    public void HandOver(string note, string by, DateTime at)
    {
        if (HandedOverAt is not null) throw new ConflictException("shift_handed_over");
        new Validator().Require("note", note, MaxNote).ThrowIfInvalid();
        (HandoverNote, HandedOverBy, HandedOverAt) = (note.Trim(), by, at);
    }
}

public enum NoticeKind
{
    Loudspeaker = 1,
    Door = 2,
    Board = 3,
}

/// <summary>A notice a community put out: on the loudspeaker, on doors, or on its board, with the day it was posted.</summary>
public sealed class CommunityNotice : IScopedByPath, IAudited
{
    public const int MaxText = 2000;

    private CommunityNotice() { }

    public CommunityNotice WithId(int id)
    {
        Id = id;
        return this;
    }

    public int Id { get; private set; }
    public string Path { get; private set; } = "";
    public NoticeKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateOnly PostedOn { get; private set; }
    public string PostedBy { get; private set; } = "";

    public static CommunityNotice Post(string communityPath, NoticeKind kind, string title, string text, DateOnly on, string by)
    {
        new Validator().Check(Enum.IsDefined(kind), "kind", "unknown").Require("title", title, 100).Require("text", text, MaxText).ThrowIfInvalid();
        return new CommunityNotice { Path = communityPath, Kind = kind, Title = title.Trim(), Text = text.Trim(), PostedOn = on, PostedBy = by };
    }
}

/// <summary>
/// A community's "no-epidemic community" status (无疫社区): attained on a day, every condition of
/// the standard checked by someone; lost on a day with its reason. The record of each attainment stays.
/// </summary>
public sealed class EpidemicFreeStatus : IScopedByPath, IAudited
{
    /// <summary>The conditions the standard names, each to be checked before the status is attained.</summary>
    public static readonly IReadOnlyList<string> Conditions =
        ["no_case_14_days", "everyone_screened", "watches_followed", "closed_management", "supplies_ensured"];

    private EpidemicFreeStatus() { }

    public EpidemicFreeStatus WithId(int id)
    {
        Id = id;
        return this;
    }

    public int Id { get; private set; }
    public string Path { get; private set; } = "";
    public DateOnly AttainedOn { get; private set; }
    public string CheckedConditions { get; private set; } = "";
    public string CheckedBy { get; private set; } = "";
    public DateOnly? LostOn { get; private set; }
    public string? LostReason { get; private set; }

    public bool IsHeldOn(DateOnly day) => AttainedOn <= day && (LostOn is null || LostOn > day);

    public static EpidemicFreeStatus Attain(string communityPath, DateOnly on, IReadOnlyCollection<string> checkedConditions, string by, bool held)
    {
        if (held) throw new ConflictException("status_already_held");
        var missing = Conditions.Where(c => !checkedConditions.Contains(c)).ToList();
        if (missing.Count > 0) throw new ValidationException("conditions", "conditions_unchecked", string.Join(",", missing));
        return new EpidemicFreeStatus { Path = communityPath, AttainedOn = on, CheckedConditions = string.Join(',', Conditions), CheckedBy = by };
    }

    public void Lose(DateOnly on, string reason)
    {
        if (LostOn is not null) throw new ConflictException("status_lost");
        new Validator().Check(on >= AttainedOn, "on", "before_start").Require("reason", reason, 200).ThrowIfInvalid();
        (LostOn, LostReason) = (on, reason.Trim());
    }
}
