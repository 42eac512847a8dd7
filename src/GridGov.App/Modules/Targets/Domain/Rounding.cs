using System.Globalization;
using GridGov.Kernel.Errors;

namespace GridGov.Modules.Targets.Domain;

public enum RoundingMode
{
    /// <summary>四舍五入: 115.8395 shows as 115.84.</summary>
    HalfUp = 1,
    /// <summary>截尾: 115.8395 shows as 115.83, as Lüliang's 2021 report printed it.</summary>
    Truncate = 2,
}

/// <summary>
/// How a rate is shown: kept as numerator and denominator everywhere, turned into a percentage
/// here only, once, by the rule a county chose and each bulletin states. A rate shows 100 % only
/// when it is exactly 100 %: 99.996 % under half-up shows 99.99 %, not 100.00 %.
/// </summary>
public sealed record RoundingRule(RoundingMode Mode, int Decimals)
{
    public static readonly RoundingRule Default = new(RoundingMode.HalfUp, 2);

    public static RoundingRule Of(RoundingMode mode, int decimals)
    {
        if (!Enum.IsDefined(mode)) throw new ValidationException("rounding", "unknown");
        if (decimals is < 0 or > 2) throw new ValidationException("decimals", "out_of_range");
        return new RoundingRule(mode, decimals);
    }

    /// <summary>The exact percentage numerator ÷ denominator × 100, or null for a rate of nothing.</summary>
    public static decimal? ExactPercent(decimal numerator, decimal denominator) => denominator == 0 ? null : numerator * 100m / denominator;

    /// <summary>The percentage as the rule shows it, as a number: what the page, the .docx and the .xlsx all print.</summary>
    public decimal? Percent(decimal numerator, decimal denominator)
    {
        if (ExactPercent(numerator, denominator) is not { } exact) return null;
        var shown = Apply(exact);
        var step = Step;
        // Only an exact 100 % may read 100 %: a near miss shows the nearest value on its own side.
        if (shown == 100m && exact < 100m) return 100m - step;
        if (shown == 100m && exact > 100m) return 100m + step;
        return shown;
    }

    /// <summary>A number of points (a change of rate) under the same rule.</summary>
    public decimal Apply(decimal value) => Mode == RoundingMode.Truncate
        ? Math.Truncate(value * Scale) / Scale
        : Math.Round(value, Decimals, MidpointRounding.AwayFromZero);

    public string Show(decimal numerator, decimal denominator) =>
        Percent(numerator, denominator) is { } p ? Format(p) + "%" : "—";

    public string Format(decimal percent) => percent.ToString("F" + Decimals, CultureInfo.InvariantCulture);

    /// <summary>The rule in words, as a bulletin states it under its tables.</summary>
    public string Statement(bool chinese) => chinese
        ? $"完成率保留{Decimals}位小数，{(Mode == RoundingMode.Truncate ? "截尾取值" : "四舍五入")}；合计由原始数据计算。"
        : $"Rates to {Decimals} decimal place{(Decimals == 1 ? "" : "s")}, {(Mode == RoundingMode.Truncate ? "truncated" : "rounded half up")}; totals computed from raw figures.";

    private decimal Scale => Decimals switch { 0 => 1m, 1 => 10m, _ => 100m };

    private decimal Step => 1m / Scale;
}
