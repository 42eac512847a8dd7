using GridGov.Kernel.Errors;
using GridGov.Modules.Targets.Domain;

namespace GridGov.UnitTests.Targets;

public class TargetDomainTests
{
    private static readonly DateTime At = new(2021, 2, 20, 1, 0, 0, DateTimeKind.Utc);

    internal static Indicator Count(decimal minimum = 0) => Indicator.Define("skills.trained", "培训人数", "人", IndicatorKind.Count, "training.trained", null, true,
        PeriodKinds.Year, minimum, 1m, 0.8m, ["training.trained"], "city");

    internal static Indicator Rate(decimal minimum = 0) => Indicator.Define("incidents.on_time", "按时办结率", "", IndicatorKind.Rate, "incidents.closed_on_time",
        "incidents.closed", false, PeriodKinds.Year | PeriodKinds.Week, minimum, 0.95m, 0.85m, ["incidents.closed_on_time", "incidents.closed"], "city");

    private static Target Whole() => Target.Set(Count(), "141100000000/", "141100000000", "吕梁市", PeriodKind.Year, new DateOnly(2021, 5, 1), 200_000, "责任书", "city", At);

    [Fact]
    public void An_indicator_reads_counts_it_knows_and_a_rate_needs_its_denominator()
    {
        Assert.Throws<ValidationException>(() => Indicator.Define("x.y", "名", "", IndicatorKind.Count, "nope", null, false, PeriodKinds.Year, 0, 1, 0.8m, [], "a"));
        Assert.Throws<ValidationException>(() => Indicator.Define("x.y", "名", "", IndicatorKind.Rate, "a", null, false, PeriodKinds.Year, 0, 1, 0.8m, ["a"], "a"));
        Assert.Throws<ValidationException>(() => Indicator.Define("x.y", "名", "", IndicatorKind.Count, "a", null, false, PeriodKinds.Year, 0, 0.7m, 0.8m, ["a"], "a"));
        Assert.Throws<ValidationException>(() => Indicator.Define("X Y", "名", "", IndicatorKind.Count, "a", null, false, PeriodKinds.Year, 0, 1, 0.8m, ["a"], "a"));
    }

    [Fact]
    public void A_target_covers_its_whole_period_and_only_periods_the_indicator_offers()
    {
        var whole = Whole();
        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31)), (whole.From, whole.To));
        Assert.Throws<ValidationException>(() => Target.Set(Count(), "1/", "1", "x", PeriodKind.Month, new DateOnly(2021, 5, 1), 10, "s", "a", At));
        Assert.Throws<ValidationException>(() => Target.Set(Count(), "1/", "1", "x", PeriodKind.Year, new DateOnly(2021, 5, 1), 10.5m, "s", "a", At));
        Assert.Equal((new DateOnly(2021, 4, 1), new DateOnly(2021, 6, 30)), Target.PeriodOf(PeriodKind.Quarter, new DateOnly(2021, 5, 9)));
    }

    [Fact]
    public void Parts_add_up_when_they_reach_the_whole_and_a_shortfall_does_not()
    {
        Assert.True(SplitCheck.Of(200_000, [100_000, 100_000]).AddsUp);
        var over = SplitCheck.Of(200_000, [100_000, 100_500]);
        Assert.Equal((true, 500m), (over.AddsUp, over.Difference));
        Assert.False(SplitCheck.Of(200_000, [100_000, 99_999]).AddsUp);
    }

    [Fact]
    public void A_signed_pledge_locks_its_targets_and_only_an_approved_revision_by_another_person_changes_one()
    {
        var target = Whole();
        var pledge = Pledge.Draft("141100000000/", "141100000000", "吕梁市", "责任书", 2021, "city", At);
        pledge.Bind([target]);
        Assert.Throws<ValidationException>(() => pledge.Sign([target], "市长 张三", new DateOnly(2021, 2, 1), null, new DateOnly(2021, 2, 20), "city"));
        pledge.Sign([target], "市长 张三", new DateOnly(2021, 2, 1), "scan.png", new DateOnly(2021, 2, 20), "city");
        Assert.True(target.IsLocked);
        Assert.Equal("target_locked", Assert.Throws<ConflictException>(() => target.Change(Count(), 150_000, "改", "city", At)).Code);
        Assert.Equal("pledge_signed", Assert.Throws<ConflictException>(() => pledge.Release(target)).Code);

        var revision = TargetRevision.Propose(target, Count(), 180_000, "上级调整", "city", At);
        Assert.Equal("second_person_required", Assert.Throws<ConflictException>(() => revision.Approve(target, "city", At)).Code);
        revision.Approve(target, "clerk", At);
        Assert.Equal((180_000m, 2, true), (target.Value, target.Revision, target.IsLocked));
        Assert.Throws<ConflictException>(() => revision.Refuse("clerk", At));
    }

    [Fact]
    public void A_hand_reported_figure_needs_a_source_and_a_second_person_to_count()
    {
        var figure = ReportedFigure.Enter(Count(), "1/", "1", "兴县", new DateOnly(2021, 1, 1), new DateOnly(2021, 1, 31), 1200, null, "月报", "clerk", At);
        Assert.Throws<ConflictException>(() => figure.Approve("clerk", At));
        figure.Approve("city", At);
        Assert.Equal(ReportState.Approved, figure.State);
        Assert.Throws<ValidationException>(() => ReportedFigure.Enter(Count(), "1/", "1", "兴县", new DateOnly(2021, 1, 1), new DateOnly(2021, 1, 31), 5, null, " ", "c", At));
        Assert.Throws<ValidationException>(() => ReportedFigure.Enter(Rate(), "1/", "1", "兴县", new DateOnly(2021, 1, 1), new DateOnly(2021, 1, 31), 5, 3, "s", "c", At));
    }
}
