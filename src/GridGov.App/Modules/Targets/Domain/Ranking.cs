namespace GridGov.Modules.Targets.Domain;

/// <summary>
/// Ranks the units of one indicator in a bulletin, best first, by completion against their target
/// (by the actual where no unit has a target). Equal figures share a rank and are marked tied (1,
/// 2, 2, 4); a unit without a figure to rank, or with a denominator below the indicator's minimum,
/// is listed unranked. Figures compare exactly, as fractions, never as rounded percentages.
/// </summary>
public static class Ranking
{
    public static void Rank(Indicator indicator, IReadOnlyList<BulletinLine> units)
    {
        var byTarget = units.Any(u => u.Target is > 0);
        var keyed = new List<(BulletinLine Line, decimal Top, decimal Bottom)>();
        foreach (var line in units)
        {
            var belowMinimum = indicator.MinimumDenominator > 0 && DenominatorOf(line, byTarget) < indicator.MinimumDenominator;
            var key = KeyOf(line, byTarget);
            line.Place(null, false, belowMinimum, indicator.RagOf(line.Completion));
            if (!belowMinimum && key is { } k) keyed.Add((line, k.Top, k.Bottom));
        }
        foreach (var (line, top, bottom) in keyed)
        {
            var better = keyed.Count(o => Compare(o.Top, o.Bottom, top, bottom) > 0);
            var tied = keyed.Count(o => Compare(o.Top, o.Bottom, top, bottom) == 0) > 1;
            line.Place(better + 1, tied, false, indicator.RagOf(line.Completion));
        }
    }

    /// <summary>The fraction a unit ranks by: completion (actual ÷ target) or, without targets, the actual.</summary>
    private static (decimal Top, decimal Bottom)? KeyOf(BulletinLine line, bool byTarget)
    {
        if (line.Kind == IndicatorKind.Rate && line.Denominator is not > 0) return null;
        var (top, bottom) = line.Kind == IndicatorKind.Count ? (line.Numerator, 1m) : (line.Numerator * 100m, line.Denominator!.Value);
        if (!byTarget) return (top, bottom);
        return line.Target is > 0 ? (top, bottom * line.Target.Value) : null;
    }

    private static decimal DenominatorOf(BulletinLine line, bool byTarget) =>
        line.Kind == IndicatorKind.Rate ? line.Denominator ?? 0 : byTarget ? line.Target ?? 0 : line.Numerator;

    /// <summary>a/b against c/d with positive denominators, exactly.</summary>
    private static int Compare(decimal a, decimal b, decimal c, decimal d) => (a * d).CompareTo(c * b);
}
