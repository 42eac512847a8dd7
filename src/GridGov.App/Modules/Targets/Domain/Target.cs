using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Targets.Domain;

public enum PeriodKind { Week = 1, Month = 2, Quarter = 3, Year = 4 }

/// <summary>
/// What a unit is to reach on an indicator over a period: a count, or for a rate the percentage.
/// Set by the level above (county → township → community), it may be split down to the units
/// below. Once a signed pledge binds it, it is locked: a change is then a revision with a reason
/// that a second person approves, and each approved change is a new version.
/// </summary>
public sealed class Target : IScopedByPath, IAudited
{
    public const int MaxSource = 200;

    private Target() { }

    public int Id { get; private set; }
    public int IndicatorId { get; private set; }
    public string Path { get; private set; } = "";
    public string AreaCode { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public PeriodKind PeriodKind { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public decimal Value { get; private set; }
    /// <summary>Where the figure comes from: the document or the level above that set it.</summary>
    public string Source { get; private set; } = "";
    /// <summary>The target it was split from, if any.</summary>
    public int? ParentId { get; private set; }
    public int? PledgeId { get; private set; }
    public bool IsLocked { get; private set; }
    /// <summary>1 when set; one more for each change made or approved.</summary>
    public int Revision { get; private set; } = 1;
    public string SetBy { get; private set; } = "";
    public DateTime SetAt { get; private set; }
    public int Version { get; private set; }

    public static Target Set(Indicator indicator, string path, string areaCode, string unitName, PeriodKind kind, DateOnly within, decimal value,
        string source, string by, DateTime at)
    {
        var (from, to) = PeriodOf(kind, within);
        new Validator().Check(indicator.IsActive, "indicatorId", "retired")
            .Check(indicator.Periods.HasFlag(FlagOf(kind)), "periodKind", "period_not_offered")
            .Require("source", source, MaxSource)
            .Check(ValueFits(indicator, value), "value", "out_of_range").ThrowIfInvalid();
        return new Target
        {
            IndicatorId = indicator.Id, Path = path, AreaCode = areaCode, UnitName = unitName, PeriodKind = kind, From = from, To = to,
            Value = value, Source = source.Trim(), SetBy = by, SetAt = at,
        };
    }

    /// <summary>A part of this target for a unit directly below its unit, over the same period.</summary>
    public Target Part(Indicator indicator, string path, string areaCode, string unitName, decimal value, string by, DateTime at)
    {
        if (!TreePath.IsWithin(path, Path) || path == Path) throw new ValidationException("areaCode", "not_below_target_unit");
        var part = Set(indicator, path, areaCode, unitName, PeriodKind, From, value, $"分解自 {UnitName} {From:yyyy-MM-dd}–{To:yyyy-MM-dd}", by, at);
        part.ParentId = Id;
        return part;
    }

    /// <summary>Changes an unlocked target in place; a locked one refuses and needs a revision approved.</summary>
    public void Change(Indicator indicator, decimal value, string source, string by, DateTime at)
    {
        if (IsLocked) throw new ConflictException("target_locked");
        new Validator().Require("source", source, MaxSource).Check(ValueFits(indicator, value), "value", "out_of_range").ThrowIfInvalid();
        (Value, Source, SetBy, SetAt, Revision) = (value, source.Trim(), by, at, Revision + 1);
    }

    internal void LockUnder(Pledge pledge)
    {
        if (PledgeId is { } other && other != pledge.Id) throw new ConflictException("target_in_other_pledge");
        if (Path != pledge.Path && !TreePath.IsWithin(Path, pledge.Path)) throw new ValidationException("targetIds", "target_outside_pledge_unit");
        (PledgeId, IsLocked) = (pledge.Id, true);
    }

    internal void Bind(Pledge pledge)
    {
        if (IsLocked) throw new ConflictException("target_locked");
        if (PledgeId is { } other && other != pledge.Id) throw new ConflictException("target_in_other_pledge");
        if (Path != pledge.Path && !TreePath.IsWithin(Path, pledge.Path)) throw new ValidationException("targetIds", "target_outside_pledge_unit");
        PledgeId = pledge.Id;
    }

    internal void Unbind() => PledgeId = IsLocked ? throw new ConflictException("target_locked") : null;

    /// <summary>An approved revision of a locked target: the new value under the next version, still locked.</summary>
    internal void Apply(TargetRevision revision, DateTime at)
    {
        if (revision.TargetId != Id) throw new InvalidOperationException("revision of another target");
        (Value, SetBy, SetAt, Revision) = (revision.NewValue, revision.ProposedBy, at, Revision + 1);
        Source = (revision.Reason.Length > MaxSource - 5 ? revision.Reason[..(MaxSource - 5)] : revision.Reason) + "（已批准）";
    }

    private static bool ValueFits(Indicator indicator, decimal value) =>
        value > 0 && (indicator.Kind == IndicatorKind.Count ? value <= 100_000_000 && value == Math.Truncate(value) : value <= 100);

    public static PeriodKinds FlagOf(PeriodKind kind) => kind switch
    {
        PeriodKind.Week => PeriodKinds.Week,
        PeriodKind.Month => PeriodKinds.Month,
        PeriodKind.Quarter => PeriodKinds.Quarter,
        PeriodKind.Year => PeriodKinds.Year,
        _ => throw new ValidationException("periodKind", "unknown"),
    };

    /// <summary>The calendar period of a kind that holds a day (a week starts on Monday here; a bulletin's own week follows the county).</summary>
    public static (DateOnly From, DateOnly To) PeriodOf(PeriodKind kind, DateOnly day)
    {
        switch (kind)
        {
            case PeriodKind.Week:
                var week = BulletinWeek.Of(day, DayOfWeek.Monday);
                return (week.From, week.To);
            case PeriodKind.Month:
                var month = new DateOnly(day.Year, day.Month, 1);
                return (month, month.AddMonths(1).AddDays(-1));
            case PeriodKind.Quarter:
                var quarter = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
                return (quarter, quarter.AddMonths(3).AddDays(-1));
            case PeriodKind.Year:
                return (new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31));
            default:
                throw new ValidationException("periodKind", "unknown");
        }
    }
}

public enum RevisionState { Proposed = 1, Approved = 2, Refused = 3 }

/// <summary>A change asked for on a locked target: the value, the reason, who asked and who decided (never the same person).</summary>
public sealed class TargetRevision : IScopedByPath, IAudited
{
    public const int MaxReason = 300;

    private TargetRevision() { }

    public int Id { get; private set; }
    public int TargetId { get; private set; }
    public string Path { get; private set; } = "";
    public decimal OldValue { get; private set; }
    public decimal NewValue { get; private set; }
    public string Reason { get; private set; } = "";
    public RevisionState State { get; private set; } = RevisionState.Proposed;
    public string ProposedBy { get; private set; } = "";
    public DateTime ProposedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public int Version { get; private set; }

    public static TargetRevision Propose(Target target, Indicator indicator, decimal value, string reason, string by, DateTime at)
    {
        if (!target.IsLocked) throw new ConflictException("target_not_locked");
        new Validator().Require("reason", reason, MaxReason)
            .Check(value != target.Value, "value", "unchanged")
            .Check(value > 0 && (indicator.Kind == IndicatorKind.Count ? value == Math.Truncate(value) : value <= 100), "value", "out_of_range")
            .ThrowIfInvalid();
        return new TargetRevision
        {
            TargetId = target.Id, Path = target.Path, OldValue = target.Value, NewValue = value, Reason = reason.Trim(), ProposedBy = by, ProposedAt = at,
        };
    }

    public void Approve(Target target, string by, DateTime at)
    {
        Decide(by, at, RevisionState.Approved);
        if (target.Value != OldValue) throw new ConflictException("target_changed_since");
        target.Apply(this, at);
    }

    public void Refuse(string by, DateTime at) => Decide(by, at, RevisionState.Refused);

    private void Decide(string by, DateTime at, RevisionState to)
    {
        if (State != RevisionState.Proposed) throw new ConflictException("revision_decided");
        if (by == ProposedBy) throw new ConflictException("second_person_required");
        (State, DecidedBy, DecidedAt) = (to, by, at);
    }
}

/// <summary>Whether the parts of a split target add up to it: their sum, and how far over or short it is.</summary>
public sealed record SplitCheck(decimal Whole, decimal Sum, decimal Difference, bool AddsUp)
{
    /// <summary>Parts add up when they reach the whole; a surplus is allowed and stated, a shortfall is not.</summary>
    public static SplitCheck Of(decimal whole, IEnumerable<decimal> parts)
    {
        var sum = parts.Sum();
        return new SplitCheck(whole, sum, sum - whole, sum >= whole);
    }
}
