using System.Globalization;
using GridGov.Modules.Targets.Domain;

namespace GridGov.UnitTests.Targets;

public class BulletinWeekTests
{
    [Theory]
    [InlineData("2020-12-31", 2020, 53)]
    [InlineData("2021-01-03", 2020, 53)]
    [InlineData("2021-01-04", 2021, 1)]
    [InlineData("2021-12-31", 2021, 52)]
    [InlineData("2024-12-30", 2025, 1)]
    [InlineData("2026-12-06", 2026, 49)]
    [InlineData("2027-01-01", 2026, 53)]
    public void Monday_weeks_are_numbered_as_iso_8601_across_the_year_boundary(string day, int year, int number)
    {
        var week = BulletinWeek.Of(DateOnly.Parse(day, CultureInfo.InvariantCulture), DayOfWeek.Monday);
        Assert.Equal((year, number), (week.Year, week.Number));
        Assert.Equal(DayOfWeek.Monday, week.From.DayOfWeek);
        Assert.Equal(week.From.AddDays(6), week.To);
    }

    [Fact]
    public void Every_day_of_ten_years_agrees_with_the_framework_iso_week()
    {
        for (var day = new DateOnly(2019, 1, 1); day < new DateOnly(2029, 1, 1); day = day.AddDays(1))
        {
            var week = BulletinWeek.Of(day, DayOfWeek.Monday);
            var at = day.ToDateTime(TimeOnly.MinValue);
            Assert.Equal((ISOWeek.GetYear(at), ISOWeek.GetWeekOfYear(at)), (week.Year, week.Number));
        }
    }

    [Fact]
    public void A_county_whose_week_starts_on_friday_numbers_by_the_year_holding_four_of_its_days()
    {
        var week = BulletinWeek.Of(new DateOnly(2021, 1, 2), DayOfWeek.Friday);
        Assert.Equal(new DateOnly(2021, 1, 1), week.From);
        Assert.Equal((2021, 1), (week.Year, week.Number));
        var before = BulletinWeek.Of(new DateOnly(2020, 12, 31), DayOfWeek.Friday);
        Assert.Equal((2020, 52), (before.Year, before.Number));
        Assert.Equal(DayOfWeek.Friday, before.From.DayOfWeek);
    }

    [Fact]
    public void A_week_is_found_by_its_number_and_a_number_the_year_lacks_is_none()
    {
        Assert.Equal(new DateOnly(2020, 12, 28), BulletinWeek.Numbered(2020, 53, DayOfWeek.Monday)!.Value.From);
        Assert.Null(BulletinWeek.Numbered(2021, 53, DayOfWeek.Monday));
        Assert.Equal("2021-W01", BulletinWeek.Numbered(2021, 1, DayOfWeek.Monday)!.Value.ToString());
    }
}
