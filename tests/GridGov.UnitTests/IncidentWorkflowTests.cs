using GridGov.Kernel.Time;
using GridGov.Kernel.Errors;
using GridGov.Modules.Incidents.Domain;

namespace GridGov.UnitTests;

public class IncidentWorkflowTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly WorkCalendar Calendar = new(PublishedHolidays.Year2026());
    private static readonly Actor[] Dispatcher = [Actor.Dispatcher], Lead = [Actor.LeadDepartment], Assist = [Actor.AssistingDepartment],
        Grid = [Actor.GridWorker];

    private static Incident Reported(HandlingLevel level = HandlingLevel.Township) =>
        Incident.Report(new IncidentReport("SAFE.GAS", "燃气管道泄漏", "岚城镇滨河路3号"), 1, "a/b/", level, "网格员", T0, T0.AddHours(2));

    private static Incident Dispatched()
    {
        var i = Reported();
        i.Accept(Dispatcher, "受理员", T0, T0.AddHours(4));
        i.Dispatch(Dispatcher, "受理员", T0, "EMERGENCY", ["HOUSING"], T0.AddHours(2), T0.AddDays(3));
        return i;
    }

    private static Incident Handling()
    {
        var i = Dispatched();
        i.Acknowledge(Lead, "EMERGENCY", "应急局", T0);
        return i;
    }

    private static Incident Handled()
    {
        var i = Handling();
        i.Finish(Lead, "应急局", T0.AddHours(5), "已关阀更换管段", T0.AddDays(4));
        return i;
    }

    [Fact]
    public void The_table_names_each_step_once_and_every_state_but_rejected_and_closed_can_be_escalated()
    {
        var t = IncidentWorkflow.Transitions;
        Assert.Equal(t.Count, t.Select(x => (x.From, x.Action, x.Actor)).Distinct().Count());
        foreach (var state in new[] { IncidentState.Reported, IncidentState.Accepted, IncidentState.Dispatched, IncidentState.Handling })
            Assert.NotNull(IncidentWorkflow.Find(state, IncidentAction.Escalate, Dispatcher));
        Assert.Null(IncidentWorkflow.Find(IncidentState.Closed, IncidentAction.Escalate, Dispatcher));
        Assert.Null(IncidentWorkflow.Find(IncidentState.Handled, IncidentAction.Escalate, Dispatcher));
    }

    public static TheoryData<IncidentState, IncidentAction, Actor> EveryStepNotInTheTable()
    {
        var data = new TheoryData<IncidentState, IncidentAction, Actor>();
        foreach (var s in Enum.GetValues<IncidentState>())
        foreach (var a in Enum.GetValues<IncidentAction>())
        foreach (var actor in Enum.GetValues<Actor>())
            if (!IncidentWorkflow.Transitions.Any(t => t.From == s && t.Action == a && t.Actor == actor))
                data.Add(s, a, actor);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStepNotInTheTable))]
    public void Every_step_not_in_the_table_is_refused(IncidentState state, IncidentAction action, Actor actor) =>
        Assert.Null(IncidentWorkflow.Find(state, action, [actor]));

    [Fact]
    public void Urging_leaves_a_step_on_the_timeline_and_changes_nothing_else()
    {
        var i = Handling();
        var (state, version, steps) = (i.State, i.Version, i.Steps.Count);
        i.Urge(Dispatcher, "受理员", T0.AddHours(5), "  请今日内办结  ");
        Assert.Equal(state, i.State);
        Assert.Equal(version + 1, i.Version);
        Assert.Equal(steps + 1, i.Steps.Count);
        Assert.Equal(("Urge", "请今日内办结"), (i.Steps[^1].Action, i.Steps[^1].Note));
        // Only the centre urges, and only what someone still holds.
        Assert.Throws<IllegalTransitionException>(() => i.Urge(Lead, "应急局", T0.AddHours(6), null));
        Assert.Throws<IllegalTransitionException>(() => Reported().Urge(Dispatcher, "受理员", T0, null));
        Assert.Equal(IncidentState.Handled, WithUrge(Handled()).State);
    }

    private static Incident WithUrge(Incident i)
    {
        i.Urge(Dispatcher, "受理员", T0.AddHours(7), null);
        return i;
    }

    [Fact]
    public void A_duplicate_merged_into_an_open_incident_ends_there_and_both_keep_their_timelines()
    {
        var survivor = Dispatched().WithId(1).WithNumber("SJ20261123000001");
        var duplicate = Reported().WithId(2).WithNumber("SJ20261123000002");
        var (survivorSteps, survivorState, survivorVersion) = (survivor.Steps.Count, survivor.State, survivor.Version);

        duplicate.MergeInto(survivor, Dispatcher, Dispatcher, "受理员", T0.AddHours(1), " 同一处泄漏 ");

        Assert.Equal((IncidentState.Merged, 1), (duplicate.State, duplicate.MergedIntoId));
        Assert.Null(duplicate.StepDueAt);
        Assert.Equal(["Report", "MergeInto"], duplicate.Steps.Select(s => s.Action));
        Assert.Equal("SJ20261123000001 同一处泄漏", duplicate.Steps[^1].Note);
        Assert.Equal((survivorState, survivorVersion + 1, survivorSteps + 1), (survivor.State, survivor.Version, survivor.Steps.Count));
        Assert.Equal(("TakeInDuplicate", "SJ20261123000002"), (survivor.Steps[^1].Action, survivor.Steps[^1].Note));
        Assert.Equal(1, survivor.DuplicatesTakenIn);
        // A merged duplicate is over: no step is open on it, and it counts as reported but never accepted.
        Assert.Empty(duplicate.AllowedFor(Dispatcher));
        Assert.False(IncidentWorkflow.IsOpen(duplicate.State));
        Assert.Equal((1, 0, 0), (IncidentFigures.Of(duplicate).Reported, IncidentFigures.Of(duplicate).Accepted, IncidentFigures.Of(duplicate).Closed));
    }

    [Fact]
    public void A_merge_is_refused_into_itself_into_an_ended_or_another_desks_incident_and_by_anyone_but_the_desk()
    {
        var duplicate = Reported().WithId(2).WithNumber("SJ2");
        Assert.Equal("merge_into_itself", Assert.Throws<ValidationException>(() =>
            duplicate.MergeInto(duplicate, Dispatcher, Dispatcher, "受理员", T0, null)).Fields["intoNumber"]);
        var closed = Handled().WithId(3);
        closed.Verify(Grid, "网格员", T0.AddHours(6), true, "");
        Assert.Equal("merge_target_not_open", Assert.Throws<ValidationException>(() =>
            duplicate.MergeInto(closed, Dispatcher, Dispatcher, "受理员", T0, null)).Fields["intoNumber"]);
        Assert.Equal("merge_target_other_desk", Assert.Throws<ValidationException>(() =>
            duplicate.MergeInto(Dispatched().WithId(4), Dispatcher, Grid, "受理员", T0, null)).Fields["intoNumber"]);
        var survivor = Dispatched().WithId(5);
        Assert.Throws<IllegalTransitionException>(() => duplicate.MergeInto(survivor, Grid, Dispatcher, "网格员", T0, null));
        Assert.Throws<IllegalTransitionException>(() => Dispatched().WithId(6).MergeInto(survivor, Dispatcher, Dispatcher, "受理员", T0, null));
        // Nothing happened to either side of a refused merge.
        Assert.Equal((IncidentState.Reported, 1), (duplicate.State, duplicate.Steps.Count));
        Assert.DoesNotContain(survivor.Steps, s => s.Action == "TakeInDuplicate");
        // The survivor's side is never offered as a step of its own.
        Assert.DoesNotContain(IncidentAction.TakeInDuplicate, survivor.AllowedFor(Dispatcher));
    }

    [Fact]
    public void The_whole_loop_from_report_to_return_visit()
    {
        var i = Handled();
        Assert.Equal(IncidentState.Handled, i.State);
        i.Verify(Grid, "网格员", T0.AddHours(6), passed: true, "现场已无异味");
        Assert.Equal(IncidentState.Closed, i.State);
        Assert.True(i.ClosedOnTime);
        i.ReturnVisit(Dispatcher, "回访员", T0.AddDays(1), 5, "满意");
        Assert.Equal(5, i.Satisfaction);
        Assert.Equal(["Report", "Accept", "Dispatch", "Acknowledge", "Finish", "VerifyPass", "ReturnVisit"], i.Steps.Select(s => s.Action));
        Assert.Equal(IncidentState.Handled, i.Steps[^2].FromState);
        Assert.Throws<ConflictException>(() => i.ReturnVisit(Dispatcher, "回访员", T0.AddDays(2), 4, null));
    }

    [Fact]
    public void An_illegal_step_answers_with_the_steps_that_are_allowed()
    {
        var i = Reported();
        var e = Assert.Throws<IllegalTransitionException>(() => i.Finish(Lead, "应急局", T0, "x", T0));
        Assert.Equal(409, e.Status);
        Assert.Equal(IncidentState.Reported, e.State);
        Assert.Empty(e.Allowed);
        var asDispatcher = Assert.Throws<IllegalTransitionException>(() => i.Verify(Dispatcher, "受理员", T0, true, ""));
        Assert.Equal([IncidentAction.Accept, IncidentAction.Reject, IncidentAction.MergeInto, IncidentAction.Escalate], asDispatcher.Allowed);
        Assert.Equal(IncidentState.Reported, i.State);
        Assert.Single(i.Steps);
    }

    [Fact]
    public void Failed_verification_is_rework_and_goes_back_to_handling()
    {
        var i = Handled();
        Assert.Throws<ValidationException>(() => i.Verify(Grid, "网格员", T0, passed: false, " "));
        i.Verify(Grid, "网格员", T0.AddHours(6), passed: false, "仍有泄漏");
        Assert.Equal((IncidentState.Handling, 1), (i.State, i.ReworkCount));
        i.Finish(Lead, "应急局", T0.AddHours(8), "再次处置", T0.AddDays(4));
        i.Verify(Grid, "网格员", T0.AddHours(9), passed: true, "");
        Assert.Equal(IncidentState.Closed, i.State);
    }

    [Fact]
    public void Only_the_lead_moves_the_incident_on_acknowledgement_and_each_department_reports_in_once()
    {
        var i = Dispatched();
        i.Acknowledge(Assist, "HOUSING", "住建局", T0);
        Assert.Equal(IncidentState.Dispatched, i.State);
        Assert.Throws<ConflictException>(() => i.Acknowledge(Assist, "HOUSING", "住建局", T0));
        Assert.Throws<ForbiddenException>(() => i.Acknowledge(Lead, "POLICE", "公安局", T0));
        // A user who is only an assisting handler cannot acknowledge as the lead.
        Assert.Throws<IllegalTransitionException>(() => i.Acknowledge(Assist, "EMERGENCY", "应急局", T0));
        i.Acknowledge(Lead, "EMERGENCY", "应急局", T0);
        Assert.Equal(IncidentState.Handling, i.State);
        Assert.All(i.Assignments, a => Assert.NotNull(a.AcknowledgedAt));
    }

    [Fact]
    public void A_department_sends_a_wrong_dispatch_back_and_the_dispatcher_reassigns()
    {
        var i = Handling();
        i.SendBack(Lead, "应急局", T0, "不属于本部门职责", T0.AddHours(4));
        Assert.Equal(IncidentState.Accepted, i.State);
        Assert.Null(i.LeadDepartment);
        i.Dispatch(Dispatcher, "受理员", T0, "HOUSING", [], T0.AddHours(2), T0.AddDays(3));
        Assert.Equal("HOUSING", i.LeadDepartment);
        Assert.Throws<IllegalTransitionException>(() => i.Dispatch(Dispatcher, "受理员", T0, "UTILITIES", [], T0, T0));
        i.Reassign(Dispatcher, "受理员", T0, "UTILITIES", [], T0.AddHours(2), T0.AddDays(3));
        Assert.Equal(["Report", "Accept", "Dispatch", "Acknowledge", "SendBack", "Dispatch", "Reassign"], i.Steps.Select(s => s.Action));
        Assert.Equal("UTILITIES", i.LeadDepartment);
        Assert.Throws<ValidationException>(() => i.Dispatch(Dispatcher, "受理员", T0, "A", ["A"], T0, T0));
    }

    [Fact]
    public void An_approved_extension_moves_the_deadline_by_working_days_and_is_counted()
    {
        var i = Handling();
        var before = i.HandlingDueAt!.Value;
        Assert.Throws<ConflictException>(() => i.DecideExtension(Dispatcher, "受理员", T0, true, Calendar));
        i.RequestExtension(Lead, "应急局", T0, 2, "需采购管材");
        Assert.Throws<ConflictException>(() => i.RequestExtension(Lead, "应急局", T0, 2, "再延"));
        i.DecideExtension(Dispatcher, "受理员", T0, approve: true, Calendar);
        Assert.Equal(Calendar.DueAt(before, TimeLimit.WorkingDays(2)), i.HandlingDueAt);
        Assert.Equal((1, (int?)null), (i.ExtensionCount, i.RequestedExtensionDays));
        i.RequestExtension(Lead, "应急局", T0, 1, "再延");
        i.DecideExtension(Dispatcher, "受理员", T0, approve: false, Calendar);
        Assert.Equal(1, i.ExtensionCount);
    }

    [Fact]
    public void Escalation_hands_the_incident_to_the_next_level_and_stops_at_the_county()
    {
        var i = Handling();
        i.Escalate(Dispatcher, "受理员", T0, "涉及多个乡镇", T0.AddHours(4));
        Assert.Equal((IncidentState.Accepted, HandlingLevel.County, 1), (i.State, i.Level, i.EscalationCount));
        Assert.Null(i.LeadDepartment);
        Assert.Throws<ConflictException>(() => i.Escalate([Actor.System], "system", T0, "逾期", T0));
    }

    [Fact]
    public void Overdue_is_marked_once_when_the_step_deadline_passes()
    {
        var i = Dispatched();
        i.MarkOverdue(T0.AddHours(1));
        Assert.False(i.IsOverdue);
        i.MarkOverdue(T0.AddHours(3));
        i.MarkOverdue(T0.AddHours(4));
        Assert.True(i.IsOverdue);
        Assert.Single(i.Steps, s => s.Action == "MarkOverdue");
        Assert.Equal(IncidentState.Dispatched, i.State);
    }

    [Fact]
    public void Late_handling_closes_but_not_on_time()
    {
        var i = Handling();
        i.Finish(Lead, "应急局", T0.AddDays(5), "处置完毕", T0.AddDays(6));
        i.Verify(Grid, "网格员", T0.AddDays(5), passed: true, "");
        Assert.False(i.ClosedOnTime);
    }

    [Fact]
    public void A_grid_resolves_a_small_matter_itself_with_photo_evidence_only()
    {
        var small = Reported(HandlingLevel.Grid);
        Assert.Throws<ValidationException>(() => small.SelfResolve(Grid, "网格员", T0, "已清理", ""));
        small.SelfResolve(Grid, "网格员", T0.AddHours(1), "已清理", "a1b2.jpg");
        Assert.Equal((IncidentState.Closed, true, true), (small.State, small.SelfResolved, small.ClosedOnTime));
        Assert.Equal("a1b2.jpg", small.Steps[^1].Attachments);
        Assert.Throws<ConflictException>(() => Reported(HandlingLevel.Township).SelfResolve(Grid, "网格员", T0, "已清理", "a.jpg"));
    }

    [Fact]
    public void Rejection_needs_a_reason_and_a_rejected_or_closed_incident_can_be_reopened()
    {
        var i = Reported();
        Assert.Throws<ValidationException>(() => i.Reject(Dispatcher, "受理员", T0, ""));
        i.Reject(Dispatcher, "受理员", T0, "重复上报");
        Assert.Equal(IncidentState.Rejected, i.State);
        i.Reopen(Dispatcher, "受理员", T0, "并非重复", T0.AddHours(4));
        Assert.Equal(IncidentState.Accepted, i.State);
    }

    [Fact]
    public void A_report_is_validated_field_by_field()
    {
        var e = Assert.Throws<ValidationException>(() => Incident.Report(new IncidentReport("", "", "", Longitude: 200), 1, "a/", HandlingLevel.Grid, "x", T0, T0));
        Assert.Equal(["categoryCode", "description", "address", "longitude"], e.Fields.Keys);
    }
}
