using System.Text.RegularExpressions;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;

namespace GridGov.Modules.Targets.Domain;

public enum IndicatorKind
{
    /// <summary>A count (people trained) set against a target count: completion is count ÷ target.</summary>
    Count = 1,
    /// <summary>A rate (closed on time ÷ closed) set against a target rate: completion is rate ÷ target rate.</summary>
    Rate = 2,
}

[Flags]
public enum PeriodKinds
{
    None = 0,
    Week = 1,
    Month = 2,
    Quarter = 4,
    Year = 8,
}

/// <summary>
/// What a county measures: a count or a rate with its unit, read from any module's figures by key
/// (numerator, and denominator for a rate), and/or reported by a unit by hand where the records
/// are not held here. Its cut-offs colour completion red, amber or green; a unit whose denominator
/// is below the minimum is listed in a bulletin but not ranked.
/// </summary>
public sealed partial class Indicator : IAudited
{
    public const int MaxName = 60;

    private Indicator() { }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>What a count counts (人, 件, 户); empty for a rate.</summary>
    public string Unit { get; private set; } = "";
    public IndicatorKind Kind { get; private set; }
    public string? NumeratorKey { get; private set; }
    public string? DenominatorKey { get; private set; }
    public bool AcceptsReports { get; private set; }
    public PeriodKinds Periods { get; private set; }
    public decimal MinimumDenominator { get; private set; }
    /// <summary>Completion (1 = 100 %) from which a unit shows green.</summary>
    public decimal GreenFrom { get; private set; } = 1m;
    /// <summary>Completion from which a unit shows amber; below it, red.</summary>
    public decimal AmberFrom { get; private set; } = 0.8m;
    public bool IsActive { get; private set; } = true;
    public string CreatedBy { get; private set; } = "";
    public int Version { get; private set; }

    public static Indicator Define(string code, string name, string unit, IndicatorKind kind, string? numeratorKey, string? denominatorKey,
        bool acceptsReports, PeriodKinds periods, decimal minimumDenominator, decimal greenFrom, decimal amberFrom, IReadOnlyCollection<string> knownFigures,
        string by)
    {
        var indicator = new Indicator { Code = code?.Trim() ?? "", CreatedBy = by };
        indicator.Change(name, unit, kind, numeratorKey, denominatorKey, acceptsReports, periods, minimumDenominator, greenFrom, amberFrom, knownFigures);
        return indicator;
    }

    public void Change(string name, string unit, IndicatorKind kind, string? numeratorKey, string? denominatorKey, bool acceptsReports,
        PeriodKinds periods, decimal minimumDenominator, decimal greenFrom, decimal amberFrom, IReadOnlyCollection<string> knownFigures)
    {
        numeratorKey = string.IsNullOrWhiteSpace(numeratorKey) ? null : numeratorKey.Trim();
        denominatorKey = string.IsNullOrWhiteSpace(denominatorKey) ? null : denominatorKey.Trim();
        var check = new Validator().Require("name", name, MaxName).Optional("unit", unit, 10)
            .Check(CodePattern().IsMatch(Code), "code", "bad_code")
            .Check(Enum.IsDefined(kind), "kind", "unknown")
            .Check(numeratorKey is null || knownFigures.Contains(numeratorKey), "numeratorKey", "unknown")
            .Check(denominatorKey is null || knownFigures.Contains(denominatorKey), "denominatorKey", "unknown")
            .Check(numeratorKey is not null || acceptsReports, "numeratorKey", "required")
            .Check(kind == IndicatorKind.Rate || denominatorKey is null, "denominatorKey", "count_has_no_denominator")
            .Check(kind == IndicatorKind.Count || acceptsReports || denominatorKey is not null, "denominatorKey", "required")
            .Check(periods != PeriodKinds.None && (periods & ~(PeriodKinds.Week | PeriodKinds.Month | PeriodKinds.Quarter | PeriodKinds.Year)) == 0, "periods", "required")
            .Check(minimumDenominator >= 0, "minimumDenominator", "out_of_range")
            .Check(amberFrom > 0 && amberFrom <= greenFrom && greenFrom <= 10, "amberFrom", "cut_offs_out_of_order");
        check.ThrowIfInvalid();
        (Name, Unit, Kind, NumeratorKey, DenominatorKey, AcceptsReports) = (name.Trim(), unit?.Trim() ?? "", kind, numeratorKey, denominatorKey, acceptsReports);
        (Periods, MinimumDenominator, GreenFrom, AmberFrom) = (periods, minimumDenominator, greenFrom, amberFrom);
        Version++;
    }

    public void Retire() => IsActive = false;

    /// <summary>Red, amber or green for a completion (1 = 100 %); none when there is none.</summary>
    public Rag RagOf(decimal? completion) => completion switch
    {
        null => Rag.None,
        var c when c >= GreenFrom => Rag.Green,
        var c when c >= AmberFrom => Rag.Amber,
        _ => Rag.Red,
    };

    [GeneratedRegex("^[a-z][a-z0-9_.]{1,39}$")]
    private static partial Regex CodePattern();
}

public enum Rag { None = 0, Red = 1, Amber = 2, Green = 3 }
