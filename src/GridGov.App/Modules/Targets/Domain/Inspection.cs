using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Targets.Domain;

public enum RoundState { Open = 1, Closed = 2 }

/// <summary>
/// A supervision round (督导): the team, the units it visited and what it found there, each finding
/// with its evidence photos and, where something must be put right, a rectification item with a
/// deadline and an owner. A round closes once every rectification is verified.
/// </summary>
public sealed class InspectionRound : IScopedByPath, IAudited
{
    private InspectionRound() { }

    public int Id { get; private set; }
    public string Path { get; private set; } = "";
    public string AreaCode { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Team { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public RoundState State { get; private set; } = RoundState.Open;
    public DateTime? ClosedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }

    public static InspectionRound Plan(string path, string areaCode, string unitName, string title, string team, DateOnly startsOn, DateOnly endsOn,
        string by, DateTime at)
    {
        new Validator().Require("title", title, 100).Require("team", team, 500).Check(endsOn >= startsOn, "endsOn", "before_start").ThrowIfInvalid();
        return new InspectionRound
        {
            Path = path, AreaCode = areaCode, UnitName = unitName, Title = title.Trim(), Team = team.Trim(), StartsOn = startsOn, EndsOn = endsOn,
            CreatedBy = by, CreatedAt = at,
        };
    }

    public void CheckOpen()
    {
        if (State != RoundState.Open) throw new ConflictException("round_closed");
    }

    /// <summary>Closes the round; refused while a rectification is not verified.</summary>
    public void Close(IReadOnlyCollection<TrackedItem> rectifications, DateTime at)
    {
        CheckOpen();
        if (rectifications.Any(r => r.State != TrackedState.Closed)) throw new ConflictException("rectifications_open");
        (State, ClosedAt) = (RoundState.Closed, at);
    }
}

/// <summary>What a round found at a unit it visited, with the evidence photos, and the rectification it asked for, if any.</summary>
public sealed class Finding : IScopedByPath, IAudited
{
    public const int MaxText = 1000;

    private Finding() { }

    public long Id { get; private set; }
    public int RoundId { get; private set; }
    public string Path { get; private set; } = "";
    public string AreaCode { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public DateOnly VisitedOn { get; private set; }
    public string Text { get; private set; } = "";
    /// <summary>Stored names of the evidence photos, comma-separated.</summary>
    public string Photos { get; private set; } = "";
    public long? RectificationId { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    public static Finding Record(InspectionRound round, string path, string areaCode, string unitName, DateOnly visitedOn, string text,
        IReadOnlyList<string> photos, string by, DateTime at)
    {
        round.CheckOpen();
        new Validator().Require("text", text, MaxText).Check(photos.Count > 0, "photos", "required")
            .Check(visitedOn >= round.StartsOn && visitedOn <= round.EndsOn, "visitedOn", "outside_round")
            .Check(TreePath.IsWithin(path, round.Path) && path != round.Path, "areaCode", "not_below_issuer").ThrowIfInvalid();
        return new Finding
        {
            RoundId = round.Id, Path = path, AreaCode = areaCode, UnitName = unitName, VisitedOn = visitedOn, Text = text.Trim(), Photos = string.Join(',', photos),
            CreatedBy = by, CreatedAt = at,
        };
    }

    public void Rectify(TrackedItem item) => RectificationId = RectificationId is null ? item.Id : throw new ConflictException("finding_has_rectification");
}
