using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Targets.Domain;

public enum BulletinState
{
    /// <summary>Its figures were computed and frozen; the office may edit the text.</summary>
    Computed = 1,
    /// <summary>A figure failed to compute: it can never be approved or published; compile it again.</summary>
    Failed = 2,
    Approved = 3,
    Published = 4,
}

/// <summary>
/// A weekly bulletin (周通报) of an area's office: a frozen snapshot of its units' figures for a
/// week, its number in the office's year, the rounding rule it states, a text of highlights and
/// laggards the editor may change, an approval and publication. Published, it is read by the units
/// it names (those below see it), and never changes again.
/// </summary>
public sealed class Bulletin : ISeenFromBelow, IAudited
{
    public const int MaxText = 4000;
    public const int MaxOffice = 60;

    private Bulletin() { }

    public int Id { get; private set; }
    public string Path { get; private set; } = "";
    public string AreaCode { get; private set; } = "";
    public string AreaName { get; private set; } = "";
    public string Office { get; private set; } = "";
    /// <summary>The issuing year of its number: 第N期 of that year.</summary>
    public int Year { get; private set; }
    public int Number { get; private set; }
    public int WeekYear { get; private set; }
    public int WeekNumber { get; private set; }
    public DateOnly WeekFrom { get; private set; }
    public DateOnly WeekTo { get; private set; }
    /// <summary>What its figures cover: the target year of its week from 1 January to the week's end (within that year).</summary>
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public RoundingMode Rounding { get; private set; }
    public int Decimals { get; private set; }
    public BulletinState State { get; private set; }
    public string? Failure { get; private set; }
    public string Highlights { get; private set; } = "";
    public int? PreviousId { get; private set; }
    public string CompiledBy { get; private set; } = "";
    public DateTime CompiledAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public int Version { get; private set; }

    public RoundingRule Rule => new(Rounding, Decimals);

    public string Title => $"{AreaName}{Office}工作周通报";

    public string NumberText => $"{Year}年第{Number}期";

    public static Bulletin Compile(string path, string areaCode, string areaName, string office, BulletinWeek week, int number, RoundingRule rule,
        int? previousId, string by, DateTime at)
    {
        new Validator().Require("office", office, MaxOffice).Check(number > 0, "number", "out_of_range").ThrowIfInvalid();
        return new Bulletin
        {
            Path = path, AreaCode = areaCode, AreaName = areaName, Office = office.Trim(), Year = week.Year, Number = number,
            WeekYear = week.Year, WeekNumber = week.Number, WeekFrom = week.From, WeekTo = week.To,
            PeriodFrom = new DateOnly(week.Year, 1, 1), PeriodTo = week.To.Year > week.Year ? new DateOnly(week.Year, 12, 31) : week.To, Rounding = rule.Mode, Decimals = rule.Decimals,
            State = BulletinState.Computed, PreviousId = previousId, CompiledBy = by, CompiledAt = at,
        };
    }

    /// <summary>A figure could not be read: the bulletin stays as a record of the failure and can go no further.</summary>
    public void Fail(string reason) => (State, Failure) = (BulletinState.Failed, reason.Length > 500 ? reason[..500] : reason);

    public void Write(string highlights)
    {
        if (State is BulletinState.Published or BulletinState.Failed) throw new ConflictException("bulletin_not_editable");
        new Validator().Optional("highlights", highlights, MaxText).ThrowIfInvalid();
        Highlights = highlights?.Trim() ?? "";
        // Changed text after approval needs approving again.
        if (State == BulletinState.Approved) (State, ApprovedBy, ApprovedAt) = (BulletinState.Computed, null, null);
    }

    public void Approve(string by, DateTime at)
    {
        if (State == BulletinState.Failed) throw new ConflictException("bulletin_failed");
        if (State != BulletinState.Computed) throw new ConflictException("bulletin_not_computed");
        (State, ApprovedBy, ApprovedAt) = (BulletinState.Approved, by, at);
    }

    public void Publish(string by, DateTime at)
    {
        if (State == BulletinState.Failed) throw new ConflictException("bulletin_failed");
        if (State != BulletinState.Approved) throw new ConflictException("bulletin_not_approved");
        (State, PublishedBy, PublishedAt) = (BulletinState.Published, by, at);
    }
}

/// <summary>
/// One row of a bulletin's table, frozen when it was compiled: a unit's raw figures on one
/// indicator (numerator, denominator for a rate, target), its rank and colour, and the raw figures
/// of the previous bulletin. The total row of the issuing area is computed from raw values.
/// </summary>
public sealed class BulletinLine
{
    private BulletinLine() { }

    public long Id { get; private set; }
    public int BulletinId { get; private set; }
    public int IndicatorId { get; private set; }
    /// <summary>The indicator's position in the bulletin.</summary>
    public int Order { get; private set; }
    public string IndicatorName { get; private set; } = "";
    public string IndicatorUnit { get; private set; } = "";
    public IndicatorKind Kind { get; private set; }
    public string UnitPath { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public bool IsTotal { get; private set; }
    public decimal Numerator { get; private set; }
    public decimal? Denominator { get; private set; }
    public decimal? Target { get; private set; }
    public int? Rank { get; private set; }
    public bool Tied { get; private set; }
    /// <summary>Listed but not ranked: its denominator is below the indicator's minimum.</summary>
    public bool BelowMinimum { get; private set; }
    public Rag Rag { get; private set; }
    public decimal? PreviousNumerator { get; private set; }
    public decimal? PreviousDenominator { get; private set; }

    public static BulletinLine Of(int order, Indicator indicator, UnitFigure figure, bool isTotal) => new()
    {
        IndicatorId = indicator.Id, Order = order, IndicatorName = indicator.Name, IndicatorUnit = indicator.Unit, Kind = indicator.Kind,
        UnitPath = figure.Path, UnitCode = figure.Code, UnitName = figure.Name, IsTotal = isTotal, Numerator = figure.Numerator,
        Denominator = indicator.Kind == IndicatorKind.Rate ? figure.Denominator : null, Target = figure.Target,
    };

    internal BulletinLine For(int bulletinId) { BulletinId = bulletinId; return this; }

    internal void Place(int? rank, bool tied, bool belowMinimum, Rag rag) => (Rank, Tied, BelowMinimum, Rag) = (rank, tied, belowMinimum, rag);

    internal void Follow(BulletinLine? previous) => (PreviousNumerator, PreviousDenominator) = (previous?.Numerator, previous?.Denominator);

    /// <summary>The actual as a number to set against the target: the count, or the exact rate in percent.</summary>
    public decimal? Actual => Kind == IndicatorKind.Count ? Numerator : RoundingRule.ExactPercent(Numerator, Denominator ?? 0);

    /// <summary>Completion, 1 = 100 %, exact; null without a target or a rate of nothing.</summary>
    public decimal? Completion => Target is > 0 && Actual is { } actual ? actual / Target.Value : null;

    /// <summary>The completion as the bulletin's rule shows it.</summary>
    public decimal? CompletionShown(RoundingRule rule) => Target is > 0 && Actual is not null
        ? Kind == IndicatorKind.Count ? rule.Percent(Numerator, Target.Value) : rule.Percent(Numerator * 100m, Denominator!.Value * Target.Value)
        : null;

    public decimal? PreviousActual => PreviousNumerator is not { } n ? null
        : Kind == IndicatorKind.Count ? n : RoundingRule.ExactPercent(n, PreviousDenominator ?? 0);
}

/// <summary>A unit's raw figures on an indicator, as read for a snapshot.</summary>
public sealed record UnitFigure(string Path, string Code, string Name, decimal Numerator, decimal? Denominator, decimal? Target);
