using GridGov.Kernel.Tallies;

namespace GridGov.UnitTests;

public class TallyPeriodTests
{
    [Theory]
    [InlineData(2026, 1, 31, 20260131, 202601)]
    [InlineData(2026, 12, 1, 20261201, 202612)]
    [InlineData(2024, 2, 29, 20240229, 202402)]
    public void Days_and_months_are_sortable_integers_that_name_their_first_day(int year, int month, int day, int dayPeriod, int monthPeriod)
    {
        var date = new DateOnly(year, month, day);
        Assert.Equal(dayPeriod, TallyPeriod.Day(date));
        Assert.Equal(monthPeriod, TallyPeriod.Month(date));
        Assert.Equal(date, TallyPeriod.FirstDayOf(dayPeriod));
        Assert.Equal(new DateOnly(year, month, 1), TallyPeriod.FirstDayOf(monthPeriod));
    }

    [Fact]
    public void A_later_day_always_has_a_larger_period()
    {
        var days = Enumerable.Range(0, 800).Select(i => new DateOnly(2025, 1, 1).AddDays(i)).ToList();
        Assert.Equal(days.Select(TallyPeriod.Day), days.Select(TallyPeriod.Day).Order());
        Assert.Equal(days.Select(TallyPeriod.Month), days.Select(TallyPeriod.Month).Order());
    }
}
