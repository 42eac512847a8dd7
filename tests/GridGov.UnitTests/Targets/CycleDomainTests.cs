using GridGov.Kernel.Errors;
using GridGov.Modules.Targets.Domain;

namespace GridGov.UnitTests.Targets;

public class CycleDomainTests
{
    private static readonly DateTime At = new(2021, 6, 1, 2, 0, 0, DateTimeKind.Utc);
    private const string County = "141100000000/141127000000/";
    private const string Town = County + "141127100000/";

    private static TrackedItem Item(DateTime? due = null) =>
        TrackedItem.Set(TrackedKind.Rectification, 1, County, Town, "141127100000", "东村镇", "补齐台账", "镇人社所", due ?? At.AddDays(14), "county", At);

    [Fact]
    public void A_tracked_item_is_reported_by_its_owner_and_closed_only_by_another_issuer()
    {
        var item = Item();
        Assert.Equal("step_not_allowed", Assert.Throws<ConflictException>(() => item.Take(TrackedAction.Verify, [TrackedActor.Issuer], "county", At, null)).Code);
        Assert.Throws<ValidationException>(() => item.Take(TrackedAction.Report, [TrackedActor.Owner], "town", At, " "));
        item.Take(TrackedAction.Report, [TrackedActor.Owner, TrackedActor.Issuer], "county", At.AddDays(1), "已补齐");
        Assert.Equal("second_person_required",
            Assert.Throws<ConflictException>(() => item.Take(TrackedAction.Verify, [TrackedActor.Issuer], "county", At.AddDays(2), null)).Code);
        item.Take(TrackedAction.Verify, [TrackedActor.Issuer], "inspector", At.AddDays(2), null);
        Assert.Equal((TrackedState.Closed, true), (item.State, item.OnTime));
        Assert.Equal(2, item.Steps.Count);
    }

    [Fact]
    public void A_report_after_the_deadline_is_late_and_a_returned_report_is_reported_again()
    {
        var item = Item(At.AddDays(1));
        item.Take(TrackedAction.Report, [TrackedActor.Owner], "town", At.AddDays(3), "已整改");
        Assert.False(item.OnTime);
        item.Take(TrackedAction.Return, [TrackedActor.Issuer], "county", At.AddDays(4), "证据不足");
        Assert.Equal(TrackedState.Open, item.State);
        Assert.Null(item.OnTime);
    }

    [Fact]
    public void An_item_is_for_a_unit_within_its_issuer_and_due_after_it_is_set()
    {
        Assert.Throws<ValidationException>(() => TrackedItem.Set(TrackedKind.Decision, 1, Town, County, "141127000000", "岚县", "x", "y", At.AddDays(3), "a", At));
        Assert.Throws<ValidationException>(() => TrackedItem.Set(TrackedKind.Decision, 1, County, Town, "1", "x", "x", "y", At, "a", At));
    }

    [Fact]
    public void A_round_takes_findings_with_evidence_within_its_days_and_closes_once_all_is_verified()
    {
        var round = InspectionRound.Plan(County, "141127000000", "岚县", "第一轮督导", "督查室", new DateOnly(2021, 6, 1), new DateOnly(2021, 6, 3), "county", At);
        Assert.Throws<ValidationException>(() => Finding.Record(round, Town, "1", "东村镇", new DateOnly(2021, 6, 2), "台账不全", [], "county", At));
        Assert.Throws<ValidationException>(() => Finding.Record(round, Town, "1", "东村镇", new DateOnly(2021, 6, 9), "台账不全", ["a.png"], "county", At));
        Finding.Record(round, Town, "1", "东村镇", new DateOnly(2021, 6, 2), "台账不全", ["a.png"], "county", At);
        var open = Item();
        Assert.Equal("rectifications_open", Assert.Throws<ConflictException>(() => round.Close([open], At)).Code);
        open.Take(TrackedAction.Report, [TrackedActor.Owner], "town", At, "已整改");
        open.Take(TrackedAction.Verify, [TrackedActor.Issuer], "county", At, null);
        round.Close([open], At);
        Assert.Equal("round_closed", Assert.Throws<ConflictException>(() =>
            Finding.Record(round, Town, "1", "东村镇", new DateOnly(2021, 6, 2), "又一个", ["b.png"], "county", At)).Code);
    }

    [Theory]
    [InlineData("吕政办发〔2021〕12号", true)]
    [InlineData("吕人社发[2021]3号", true)]
    [InlineData("晋政发【2021】105号", true)]
    [InlineData("12号", false)]
    [InlineData("吕政办发〔21〕12号", false)]
    [InlineData("吕政办发〔2021〕十二号", false)]
    public void A_policy_number_names_its_agency_year_and_serial(string number, bool valid)
    {
        var register = () => PolicyDocument.Register(County, "141127000000", "县政府办", number, new DateOnly(2021, 3, 1), "实施方案", null, [2, 1, 2], null,
            new DateOnly(2021, 6, 1), "county", At);
        if (valid) Assert.Equal([1, 2], register().Indicators);
        else Assert.Throws<ValidationException>(register);
    }
}
