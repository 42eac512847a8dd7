using GridGov.Kernel.Errors;
using GridGov.Modules.Targets.Domain;

namespace GridGov.UnitTests.Targets;

public class RoundingRuleTests
{
    [Theory]
    [InlineData(RoundingMode.Truncate, 2, 231_679, 200_000, "115.83%")]
    [InlineData(RoundingMode.HalfUp, 2, 231_679, 200_000, "115.84%")]
    [InlineData(RoundingMode.HalfUp, 2, 119_072, 80_000, "148.84%")]
    [InlineData(RoundingMode.Truncate, 2, 71_657, 40_000, "179.14%")]
    [InlineData(RoundingMode.HalfUp, 2, 2_829, 2_000, "141.45%")]
    [InlineData(RoundingMode.HalfUp, 0, 1, 8, "13%")]
    [InlineData(RoundingMode.Truncate, 0, 1, 8, "12%")]
    [InlineData(RoundingMode.HalfUp, 1, 1, 8, "12.5%")]
    [InlineData(RoundingMode.HalfUp, 2, 1, 8, "12.50%")]
    [InlineData(RoundingMode.HalfUp, 2, 16, 20, "80.00%")]
    public void A_rate_is_shown_once_by_the_rule(RoundingMode mode, int decimals, int numerator, int denominator, string shown) =>
        Assert.Equal(shown, RoundingRule.Of(mode, decimals).Show(numerator, denominator));

    [Theory]
    [InlineData(RoundingMode.HalfUp, 2, 99_999, 100_000, "99.99%")]
    [InlineData(RoundingMode.HalfUp, 0, 1999, 2000, "99%")]
    [InlineData(RoundingMode.HalfUp, 1, 100_001, 100_000, "100.1%")]
    [InlineData(RoundingMode.Truncate, 2, 100_001, 100_000, "100.01%")]
    [InlineData(RoundingMode.HalfUp, 2, 5, 5, "100.00%")]
    [InlineData(RoundingMode.Truncate, 0, 7, 7, "100%")]
    public void Only_an_exact_hundred_shows_as_a_hundred(RoundingMode mode, int decimals, int numerator, int denominator, string shown) =>
        Assert.Equal(shown, RoundingRule.Of(mode, decimals).Show(numerator, denominator));

    [Fact]
    public void Half_up_rounds_the_midpoint_away_from_zero_and_truncation_never_rounds_up()
    {
        Assert.Equal(0.13m, RoundingRule.Of(RoundingMode.HalfUp, 2).Apply(0.125m));
        Assert.Equal(0.12m, RoundingRule.Of(RoundingMode.Truncate, 2).Apply(0.1299999m));
        Assert.Equal(-0.12m, RoundingRule.Of(RoundingMode.Truncate, 2).Apply(-0.129m));
    }

    [Fact]
    public void A_rate_of_nothing_shows_a_dash_and_rules_outside_zero_to_two_decimals_are_refused()
    {
        Assert.Equal("—", RoundingRule.Default.Show(3, 0));
        Assert.Throws<ValidationException>(() => RoundingRule.Of(RoundingMode.HalfUp, 3));
        Assert.Throws<ValidationException>(() => RoundingRule.Of((RoundingMode)9, 2));
    }

    [Fact]
    public void The_rule_states_itself_as_a_bulletin_prints_it()
    {
        Assert.Contains("截尾", RoundingRule.Of(RoundingMode.Truncate, 2).Statement(chinese: true));
        Assert.Contains("rounded half up", RoundingRule.Of(RoundingMode.HalfUp, 1).Statement(chinese: false));
    }
}
