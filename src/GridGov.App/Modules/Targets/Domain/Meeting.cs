using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Targets.Domain;

public enum MeetingKind
{
    /// <summary>月调度: the month's progress reviewed.</summary>
    MonthlyReview = 1,
    /// <summary>季推进: the quarter's work pushed on.</summary>
    QuarterlyPush = 2,
}

/// <summary>A monthly review or quarterly push meeting of a unit: when, who took part, the minutes; its decisions are tracked items.</summary>
public sealed class Meeting : IScopedByPath, IAudited
{
    public const int MaxMinutes = 8000;

    private Meeting() { }

    public int Id { get; private set; }
    public string Path { get; private set; } = "";
    public string AreaCode { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public MeetingKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    public string Participants { get; private set; } = "";
    public string Minutes { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }

    public static Meeting Hold(string path, string areaCode, string unitName, MeetingKind kind, string title, DateOnly heldOn, string participants,
        string minutes, DateOnly today, string by, DateTime at)
    {
        new Validator().Check(Enum.IsDefined(kind), "kind", "unknown").Require("title", title, 100).Require("participants", participants, 1000)
            .Optional("minutes", minutes, MaxMinutes).Check(heldOn <= today, "heldOn", "in_future").ThrowIfInvalid();
        return new Meeting
        {
            Path = path, AreaCode = areaCode, UnitName = unitName, Kind = kind, Title = title.Trim(), HeldOn = heldOn, Participants = participants.Trim(),
            Minutes = minutes?.Trim() ?? "", CreatedBy = by, CreatedAt = at,
        };
    }
}
