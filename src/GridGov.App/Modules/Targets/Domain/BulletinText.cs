using System.Globalization;
using System.Text;

namespace GridGov.Modules.Targets.Domain;

/// <summary>
/// The bulletin's opening text, written from its figures: for each indicator the area's total
/// against its target, the unit ranked first, the biggest gain since the last bulletin, and the
/// units in red. The office edits it before approval; the figures in the tables never change.
/// </summary>
public static class BulletinText
{
    public static string Generate(string areaName, RoundingRule rule, IEnumerable<BulletinLine> lines)
    {
        var text = new StringBuilder();
        var number = 0;
        foreach (var indicator in lines.GroupBy(l => l.Order).OrderBy(g => g.Key))
        {
            var total = indicator.FirstOrDefault(l => l.IsTotal);
            var units = indicator.Where(l => !l.IsTotal).ToList();
            if (total is null) continue;
            text.Append(CultureInfo.InvariantCulture, $"{++number}. {total.IndicatorName}：{areaName}{Actual(total, rule)}");
            if (total.Target is > 0) text.Append(CultureInfo.InvariantCulture, $"，目标{Target(total)}，完成率{Completion(total, rule)}");
            text.Append('。');
            var first = units.Where(u => u.Rank == 1).Select(u => u.UnitName).ToList();
            if (first.Count > 0) text.Append(CultureInfo.InvariantCulture, $"{string.Join("、", first)}{(first.Count > 1 ? "并列" : "")}第一");
            var gain = units.Where(u => u.PreviousActual is not null && u.Actual is not null)
                .OrderByDescending(u => u.Actual!.Value - u.PreviousActual!.Value).FirstOrDefault();
            if (gain is not null && gain.Actual > gain.PreviousActual)
                text.Append(CultureInfo.InvariantCulture, $"{(first.Count > 0 ? "；" : "")}较上期进展最快的是{gain.UnitName}（{Change(gain, rule)}）");
            else gain = null;
            var red = units.Where(u => u.Rag == Rag.Red).OrderBy(u => u.Completion).Select(u => u.UnitName).ToList();
            if (red.Count > 0) text.Append(CultureInfo.InvariantCulture, $"{(first.Count > 0 || gain is not null ? "；" : "")}{string.Join("、", red)}进度滞后，请加快推进");
            if (first.Count > 0 || gain is not null || red.Count > 0) text.Append('。');
            text.Append('\n');
        }
        return text.ToString().TrimEnd();
    }

    public static string Actual(BulletinLine line, RoundingRule rule) => line.Kind == IndicatorKind.Count
        ? FormattableString.Invariant($"{line.Numerator:N0}{line.IndicatorUnit}")
        : FormattableString.Invariant($"{rule.Show(line.Numerator, line.Denominator ?? 0)}（{line.Numerator:N0}/{line.Denominator ?? 0:N0}）");

    public static string Target(BulletinLine line) => line.Target is not { } t ? "—"
        : line.Kind == IndicatorKind.Count ? FormattableString.Invariant($"{t:N0}{line.IndicatorUnit}") : $"{t.ToString("0.##", CultureInfo.InvariantCulture)}%";

    public static string Completion(BulletinLine line, RoundingRule rule) =>
        line.CompletionShown(rule) is { } p ? rule.Format(p) + "%" : "—";

    /// <summary>The change since the last bulletin in words (增/减/持平), never a leading sign a spreadsheet would take for a formula.</summary>
    public static string Change(BulletinLine line, RoundingRule rule)
    {
        if (line.PreviousActual is not { } before || line.Actual is not { } now) return "—";
        if (line.Kind == IndicatorKind.Count)
        {
            var delta = now - before;
            return delta == 0 ? "持平" : FormattableString.Invariant($"{(delta > 0 ? "增" : "减")}{Math.Abs(delta):N0}{line.IndicatorUnit}");
        }
        var points = rule.Apply(now - before);
        return points == 0 ? "持平" : $"{(points > 0 ? "升" : "降")}{rule.Format(Math.Abs(points))}个百分点";
    }
}
