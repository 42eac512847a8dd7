using GridGov.Kernel.Time;
using GridGov.Modules.FieldWork.Domain;

namespace GridGov.UnitTests.FieldWork;

/// <summary>Visit windows and repeats across month ends, holidays and a watch's end; overdue and due read against today.</summary>
public class ScheduleTests
{
    private static readonly Func<DateOnly, bool> EveryDay = _ => true;

    private static readonly WorkCalendar China2026 = new(PublishedHolidays.Year2026());

    private static Subject Household => new(SubjectKind.Household, 7, "王家 · 滨河路 1 号", 3, "140000000000/x/");

    [Fact]
    public void A_monthly_visit_from_the_31st_falls_on_each_months_last_day_and_returns_to_the_31st()
    {
        var s = new Schedule(new DateOnly(2026, 1, 31), Repeat.Monthly, 1, 3, 5, false, null);
        Assert.Equal(new DateOnly(2026, 2, 28), s.Window(1, EveryDay).Due);
        Assert.Equal(new DateOnly(2026, 3, 31), s.Window(2, EveryDay).Due);
        Assert.Equal(new DateOnly(2026, 4, 30), s.Window(3, EveryDay).Due);
        var feb = s.Window(1, EveryDay);
        Assert.Equal((new DateOnly(2026, 2, 25), new DateOnly(2026, 3, 5)), (feb.Earliest, feb.Latest));
    }

    [Fact]
    public void A_due_day_on_a_public_holiday_moves_to_the_next_working_day_when_the_plan_asks()
    {
        // 2026-10-01 to 10-07 are the National Day holiday; 10-08 is a working day.
        var moved = new Schedule(new DateOnly(2026, 9, 1), Repeat.Monthly, 1, 0, 2, true, null);
        Assert.Equal(new DateOnly(2026, 10, 8), moved.Window(1, China2026.IsWorkingDay).Due);
        Assert.Equal(new DateOnly(2026, 10, 1), (moved with { WorkingDaysOnly = false }).Window(1, China2026.IsWorkingDay).Due);
    }

    [Fact]
    public void Daily_checks_stop_at_the_watch_end_and_none_falls_due_after_it()
    {
        var s = Schedule.Daily(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 14));
        Assert.True(s.Has(13, EveryDay));
        Assert.False(s.Has(14, EveryDay));
        var plan = VisitPlan.Create(Household, VisitPurpose.WatchCheck, "", s, EveryDay, watchId: 1);
        for (var day = new DateOnly(2026, 3, 1); day <= new DateOnly(2026, 3, 14); day = day.AddDays(1))
            plan.Count(day, VisitOutcome.Met, EveryDay);
        Assert.Equal(PlanStatus.Finished, plan.Status);
        Assert.Null(plan.NextDue);
        Assert.Throws<GridGov.Kernel.Errors.ConflictException>(() => plan.Count(new DateOnly(2026, 3, 15), VisitOutcome.Met, EveryDay));
    }

    [Fact]
    public void A_watch_ended_early_closes_the_open_check_and_an_extension_opens_the_next_ones()
    {
        var plan = VisitPlan.Create(Household, VisitPurpose.WatchCheck, "", Schedule.Daily(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 14)), EveryDay, 1);
        plan.Count(new DateOnly(2026, 3, 1), VisitOutcome.Met, EveryDay);
        plan.Count(new DateOnly(2026, 3, 2), VisitOutcome.Met, EveryDay);
        plan.EndOn(new DateOnly(2026, 3, 2), EveryDay);
        Assert.Equal(PlanStatus.Finished, plan.Status);
        Assert.False(plan.IsDueBy(new DateOnly(2026, 3, 10)));
        plan.EndOn(new DateOnly(2026, 3, 20), EveryDay);
        Assert.Equal(PlanStatus.Active, plan.Status);
        Assert.Equal(new DateOnly(2026, 3, 3), plan.NextDue);
    }

    [Fact]
    public void A_late_visit_is_flagged_and_catches_the_schedule_up_and_an_early_one_counts_for_the_open_occurrence()
    {
        var plan = VisitPlan.Create(Household, VisitPurpose.ElderlyAlone, "w", new Schedule(new DateOnly(2026, 1, 10), Repeat.Monthly, 1, 3, 3, false, null), EveryDay);
        var visit = Visit.Record(Household, VisitPurpose.ElderlyAlone, "w", DateTime.UtcNow, new DateOnly(2026, 3, 20), VisitOutcome.Met, null, null,
            new Position(111.1, 37.5, 10), 100);
        visit.CountAgainst(plan, EveryDay);
        // Two months late: it counts for March (whose window began on the 7th) but is outside March's window.
        Assert.Equal(new DateOnly(2026, 3, 10), visit.DueOn);
        Assert.True(visit.OutsideWindow);
        Assert.Equal(new DateOnly(2026, 4, 10), plan.NextDue);
        var early = Visit.Record(Household, VisitPurpose.ElderlyAlone, "w", DateTime.UtcNow, new DateOnly(2026, 4, 1), VisitOutcome.Met, null, null, null, 100);
        early.CountAgainst(plan, EveryDay);
        Assert.Equal(new DateOnly(2026, 4, 10), early.DueOn);
        Assert.True(early.OutsideWindow);
        Assert.True(early.ImpreciseLocation);
        Assert.Equal(new DateOnly(2026, 5, 10), plan.NextDue);
    }

    [Fact]
    public void Not_at_home_keeps_the_occurrence_open_and_overdue_is_read_against_today()
    {
        var plan = VisitPlan.Create(Household, VisitPurpose.Routine, "w", new Schedule(new DateOnly(2026, 5, 4), Repeat.Weekly, 1, 0, 2, false, null), EveryDay);
        plan.Count(new DateOnly(2026, 5, 4), VisitOutcome.NotAtHome, EveryDay);
        Assert.Equal(new DateOnly(2026, 5, 4), plan.NextDue);
        Assert.False(plan.IsOverdueOn(new DateOnly(2026, 5, 6)));
        Assert.True(plan.IsOverdueOn(new DateOnly(2026, 5, 7)));
        Assert.True(plan.IsDueBy(new DateOnly(2026, 5, 4)));
        plan.Count(new DateOnly(2026, 5, 5), VisitOutcome.Met, EveryDay);
        Assert.Equal(new DateOnly(2026, 5, 11), plan.NextDue);
        Assert.False(plan.IsOverdueOn(new DateOnly(2026, 5, 7)));
    }

    [Fact]
    public void A_position_less_sure_than_the_threshold_is_flagged_and_moved_away_stops_the_plan()
    {
        var unsure = Visit.Record(Household, VisitPurpose.Routine, "w", DateTime.UtcNow, new DateOnly(2026, 5, 4), VisitOutcome.Met, null, null,
            new Position(111.1, 37.5, 250), 100);
        Assert.True(unsure.ImpreciseLocation);
        var sure = Visit.Record(Household, VisitPurpose.Routine, "w", DateTime.UtcNow, new DateOnly(2026, 5, 4), VisitOutcome.Met, null, null,
            new Position(111.1, 37.5, 30), 100);
        Assert.False(sure.ImpreciseLocation);
        var plan = VisitPlan.Create(Household, VisitPurpose.Routine, "w", Schedule.Monthly(new DateOnly(2026, 5, 4), 3, 3, false), EveryDay);
        Assert.Throws<GridGov.Kernel.Errors.ValidationException>(() =>
            Visit.Record(Household, VisitPurpose.Routine, "w", DateTime.UtcNow, new DateOnly(2026, 5, 4), VisitOutcome.MovedAway, null, null, null, 100));
        var moved = Visit.Record(Household, VisitPurpose.Routine, "w", DateTime.UtcNow, new DateOnly(2026, 5, 4), VisitOutcome.MovedAway, "搬去太原", null, null, 100);
        moved.CountAgainst(plan, EveryDay);
        Assert.Equal(PlanStatus.Stopped, plan.Status);
    }
}
