using GridGov.Kernel.Errors;
using GridGov.Modules.Targets.Domain;

namespace GridGov.UnitTests.Targets;

public class BulletinDomainTests
{
    private static readonly DateTime At = new(2021, 12, 31, 1, 0, 0, DateTimeKind.Utc);

    private static Bulletin Compiled() => Bulletin.Compile("141100000000/", "141100000000", "吕梁市", "技能办", BulletinWeek.Of(new DateOnly(2021, 12, 31), DayOfWeek.Monday),
        14, RoundingRule.Of(RoundingMode.Truncate, 2), null, "city", At);

    private static BulletinLine Line(Indicator indicator, string code, decimal numerator, decimal? denominator, decimal? target) =>
        BulletinLine.Of(0, indicator, new UnitFigure(code + "/", code, code, numerator, denominator, target), isTotal: false);

    [Fact]
    public void A_year_end_week_reports_the_year_only_and_carries_its_number()
    {
        var bulletin = Compiled();
        Assert.Equal((2021, 52), (bulletin.WeekYear, bulletin.WeekNumber));
        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31)), (bulletin.PeriodFrom, bulletin.PeriodTo));
        Assert.Equal(new DateOnly(2022, 1, 2), bulletin.WeekTo);
        Assert.Equal("2021年第14期", bulletin.NumberText);
    }

    [Fact]
    public void A_bulletin_that_failed_to_compute_can_never_be_approved_or_published()
    {
        var bulletin = Compiled();
        bulletin.Fail("职业技能培训人数: figure_source_down");
        Assert.Equal("bulletin_failed", Assert.Throws<ConflictException>(() => bulletin.Approve("city", At)).Code);
        Assert.Equal("bulletin_failed", Assert.Throws<ConflictException>(() => bulletin.Publish("city", At)).Code);
        Assert.Throws<ConflictException>(() => bulletin.Write("改"));
    }

    [Fact]
    public void Publishing_needs_approval_and_new_text_after_approval_needs_approving_again()
    {
        var bulletin = Compiled();
        Assert.Equal("bulletin_not_approved", Assert.Throws<ConflictException>(() => bulletin.Publish("city", At)).Code);
        bulletin.Approve("city", At);
        bulletin.Write("新的文字");
        Assert.Equal(BulletinState.Computed, bulletin.State);
        bulletin.Approve("city", At);
        bulletin.Publish("city", At);
        Assert.Throws<ConflictException>(() => bulletin.Write("再改"));
    }

    [Fact]
    public void Equal_completions_share_a_rank_the_next_skips_and_exact_fractions_decide()
    {
        var indicator = TargetDomainTests.Count();
        // 1/3 and 2/6 are the same completion; 115.83 % and 115.84 % print the same under truncation but are not equal.
        var lines = new[]
        {
            Line(indicator, "a", 100, null, 300), Line(indicator, "b", 200, null, 600), Line(indicator, "c", 231_679, null, 200_000),
            Line(indicator, "d", 231_680, null, 200_000), Line(indicator, "e", 0, null, null),
        };
        Ranking.Rank(indicator, lines);
        Assert.Equal([3, 3, 2, 1, null], lines.Select(l => l.Rank));
        Assert.Equal([true, true, false, false, false], lines.Select(l => l.Tied));
        Assert.Equal(Rag.Red, lines[0].Rag);
        Assert.Equal(Rag.Green, lines[2].Rag);
        Assert.Equal(Rag.None, lines[4].Rag);
    }

    [Fact]
    public void A_unit_below_the_minimum_denominator_is_listed_but_not_ranked()
    {
        var indicator = TargetDomainTests.Rate(minimum: 5);
        var lines = new[] { Line(indicator, "a", 3, 3, null), Line(indicator, "b", 18, 20, null), Line(indicator, "c", 9, 10, null) };
        Ranking.Rank(indicator, lines);
        Assert.True(lines[0].BelowMinimum);
        Assert.Null(lines[0].Rank);
        Assert.Equal([1, 1], lines.Skip(1).Select(l => l.Rank));
    }

    [Fact]
    public void The_text_names_the_total_the_first_and_the_units_in_red()
    {
        var indicator = TargetDomainTests.Count();
        var units = new[] { Line(indicator, "兴县", 120, null, 100), Line(indicator, "临县", 50, null, 100) };
        Ranking.Rank(indicator, units);
        var total = BulletinLine.Of(0, indicator, new UnitFigure("x/", "x", "吕梁市", 170, null, 200), isTotal: true);
        var text = BulletinText.Generate("吕梁市", RoundingRule.Default, [.. units, total]);
        Assert.Contains("吕梁市170人，目标200人，完成率85.00%", text);
        Assert.Contains("兴县第一", text);
        Assert.Contains("临县进度滞后", text);
    }
}
