using GridGov.Kernel.Time;
using GridGov.Modules.Incidents.Domain;

namespace GridGov.UnitTests;

public class WorkCalendarTests
{
    private static readonly WorkCalendar Calendar = new(PublishedHolidays.Year2026());

    /// <summary>A moment in China time, as UTC.</summary>
    private static DateTime Cst(int month, int day, int hour = 10) =>
        DateTime.SpecifyKind(new DateTime(2026, month, day, hour, 0, 0) - WorkCalendar.Offset, DateTimeKind.Utc);

    /// <summary>The end of a local day (midnight after it), as UTC.</summary>
    private static DateTime EndOf(int month, int day) => Cst(month, day, 0).AddDays(1);

    [Fact]
    public void The_published_2026_schedule_is_seeded_whole()
    {
        var days = PublishedHolidays.Year2026();
        Assert.Equal(33, days.Count(d => d.Kind == DayKind.Holiday));
        Assert.Equal(6, days.Count(d => d.Kind == DayKind.Workday));
        Assert.Contains(days, d => d.Date == new DateOnly(2026, 10, 10) && d.Kind == DayKind.Workday && d.Name == "国庆节调休上班");
    }

    [Theory]
    [InlineData(11, 20, 1, 11, 23)]  // Friday + 1 working day: Monday
    [InlineData(11, 23, 3, 11, 26)]  // Monday + 3: Thursday
    [InlineData(11, 27, 5, 12, 4)]   // across a weekend
    [InlineData(9, 30, 1, 10, 8)]    // National Day and Mid-Autumn: 1–7 October off
    [InlineData(10, 9, 1, 10, 10)]   // Saturday 10 October is worked
    [InlineData(2, 13, 1, 2, 14)]    // Saturday 14 February is worked before Spring Festival
    [InlineData(2, 13, 2, 2, 24)]    // then 15–23 February are off
    [InlineData(2, 27, 1, 2, 28)]    // Saturday 28 February is worked after it
    public void Working_day_deadlines_skip_weekends_and_holidays_and_count_make_up_days(int month, int day, int days, int dueMonth, int dueDay)
        => Assert.Equal(EndOf(dueMonth, dueDay), Calendar.DueAt(Cst(month, day), TimeLimit.WorkingDays(days)));

    [Fact]
    public void A_year_not_yet_published_has_weekdays_only() =>
        // Thursday 31 December + 1: Friday 1 January 2027, which only a published schedule could make a holiday.
        Assert.Equal(Cst(12, 31, 0).AddDays(2), Calendar.DueAt(Cst(12, 31), TimeLimit.WorkingDays(1)));

    [Fact]
    public void The_day_is_reckoned_in_china_time_not_utc()
    {
        // 17:00 UTC on Friday is 01:00 on Saturday in China: the next working day is Monday, not Saturday's.
        var lateFriday = new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc);
        Assert.Equal(EndOf(11, 23), Calendar.DueAt(lateFriday, TimeLimit.WorkingDays(1)));
        Assert.Equal(new DateTime(2026, 11, 23, 16, 0, 0, DateTimeKind.Utc), EndOf(11, 23));
    }

    [Fact]
    public void Calendar_hours_run_through_nights_and_holidays()
    {
        Assert.Equal(Cst(10, 1, 12), Calendar.DueAt(Cst(10, 1, 10), TimeLimit.Hours(2)));
        Assert.Equal(Cst(10, 2, 10), Calendar.DueAt(Cst(10, 1, 10), TimeLimit.Hours(24)));
    }

    [Fact]
    public void Working_days_between_two_moments()
    {
        Assert.Equal(1, Calendar.WorkingDaysBetween(Cst(9, 30), Cst(10, 8)));
        Assert.Equal(-1, Calendar.WorkingDaysBetween(Cst(10, 8), Cst(9, 30)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(Cst(10, 1), Cst(10, 7)));
    }

    [Fact]
    public void An_administrator_entered_day_changes_the_arithmetic()
    {
        var calendar = new WorkCalendar([.. PublishedHolidays.Year2026(), CalendarDay.Create(new DateOnly(2026, 11, 23), DayKind.Holiday, "试验")]);
        Assert.Equal(EndOf(11, 24), calendar.DueAt(Cst(11, 20), TimeLimit.WorkingDays(1)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 23)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void A_time_limit_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.DueAt(Cst(11, 20), TimeLimit.WorkingDays(0)));
}
