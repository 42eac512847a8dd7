using GridGov.Modules.Targets.Domain;

namespace GridGov.Modules.Targets.Application;

/// <summary>A row of a bulletin's table as every form of it prints it: the page, the .docx and the .xlsx read these same strings.</summary>
public sealed record BulletinRow(string UnitCode, string UnitName, bool IsTotal, string Actual, string Target, string Completion, string Rank, string Change,
    Rag Rag, decimal Numerator, decimal? Denominator, decimal? TargetValue, bool BelowMinimum);

public sealed record BulletinSection(int IndicatorId, string Indicator, string Unit, IndicatorKind Kind, IReadOnlyList<BulletinRow> Rows);

public sealed record BulletinView(int Id, string Title, string NumberText, string Office, string AreaCode, string AreaName, int WeekYear, int WeekNumber,
    DateOnly WeekFrom, DateOnly WeekTo, DateOnly PeriodFrom, DateOnly PeriodTo, RoundingMode Rounding, int Decimals, string RuleStatement, BulletinState State,
    string? Failure, string Highlights, string CompiledBy, DateTime CompiledAt, string? ApprovedBy, DateTime? ApprovedAt, DateTime? PublishedAt,
    IReadOnlyList<BulletinSection> Sections, int Version)
{
    public string Week => $"{WeekYear}-W{WeekNumber:D2}";
}

public sealed record BulletinSummary(int Id, string Title, string NumberText, string AreaName, int WeekYear, int WeekNumber, DateOnly WeekFrom, DateOnly WeekTo,
    BulletinState State, DateTime CompiledAt, DateTime? PublishedAt);

internal static class BulletinRows
{
    public static BulletinView View(Bulletin b, IReadOnlyList<BulletinLine> lines)
    {
        var rule = b.Rule;
        var sections = lines.GroupBy(l => l.Order).OrderBy(g => g.Key).Select(g =>
        {
            var first = g.First();
            var rows = g.OrderBy(l => l.IsTotal ? 0 : 1).ThenBy(l => l.Rank ?? int.MaxValue).ThenBy(l => l.UnitCode, StringComparer.Ordinal)
                .Select(l => Row(l, rule)).ToList();
            return new BulletinSection(first.IndicatorId, first.IndicatorName, first.IndicatorUnit, first.Kind, rows);
        }).ToList();
        return new BulletinView(b.Id, b.Title, b.NumberText, b.Office, b.AreaCode, b.AreaName, b.WeekYear, b.WeekNumber, b.WeekFrom, b.WeekTo, b.PeriodFrom,
            b.PeriodTo, b.Rounding, b.Decimals, rule.Statement(chinese: true), b.State, b.Failure, b.Highlights, b.CompiledBy, b.CompiledAt, b.ApprovedBy,
            b.ApprovedAt, b.PublishedAt, sections, b.Version);
    }

    private static BulletinRow Row(BulletinLine l, RoundingRule rule) => new(l.UnitCode, l.UnitName, l.IsTotal, BulletinText.Actual(l, rule),
        BulletinText.Target(l), BulletinText.Completion(l, rule), RankText(l), BulletinText.Change(l, rule), l.Rag,
        l.Numerator, l.Denominator, l.Target, l.BelowMinimum);

    private static string RankText(BulletinLine l) => l.IsTotal ? "" : l.BelowMinimum ? "不排名" : l.Rank is { } r ? (l.Tied ? $"{r}（并列）" : $"{r}") : "—";

    public static readonly string[] Header = ["单位", "完成", "目标", "完成率", "排名", "较上期"];

    public static IReadOnlyList<string> Cells(BulletinRow r) => [r.UnitName, r.Actual, r.Target, r.Completion, r.Rank, r.Change];
}
