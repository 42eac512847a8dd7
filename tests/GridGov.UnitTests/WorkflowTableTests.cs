using GridGov.Kernel.Errors;
using GridGov.Kernel.Workflow;

namespace GridGov.UnitTests;

/// <summary>The Kernel's workflow, on a toy subject: rows, refusals with the steps allowed, rules, version and timeline.</summary>
public class WorkflowTableTests
{
    public enum Claim { Filed, Checked, Paid }
    public enum Step { Check, Approve, Pay, Sweep }
    public enum Who { Clerk, Manager, Job }

    private sealed class Refused(Claim state, IReadOnlyList<Step> allowed) : AppException(409, "claim_illegal_step", state)
    {
        public IReadOnlyList<Step> Allowed { get; } = allowed;
    }

    private static readonly WorkflowTable<Claim, Step, Who> Table = new(
    [
        new(Claim.Filed, Step.Check, Who.Clerk, Claim.Checked, new StepRules(NoteField: "finding")),
        new(Claim.Checked, Step.Pay, Who.Manager, Claim.Paid, new StepRules(PhotosRequired: true, SecondPerson: true)),
        new(Claim.Filed, Step.Sweep, Who.Job, Claim.Filed),
    ], (state, _, allowed) => new Refused(state, allowed), Who.Job);

    private sealed class Voucher : WorkflowSubject<Claim, Step, Who>
    {
        public List<(string By, Step Step, Claim From, Claim To)> Timeline { get; } = [];
        protected override WorkflowTable<Claim, Step, Who> Workflow => Table;
        protected override string? LastStepBy => Timeline.Count == 0 ? null : Timeline[^1].By;
        protected override void RecordStep(DateTime at, string by, Step action, Claim from, Claim to, string? note, string? attachments) =>
            Timeline.Add((by, action, from, to));
        public void Take(Step step, Who who, string by, string? note = null, string? photos = null) => Move(step, [who], by, DateTime.UtcNow, note, null, photos);
    }

    [Fact]
    public void A_step_moves_the_state_bumps_the_version_and_writes_the_timeline()
    {
        var v = new Voucher();
        v.Take(Step.Check, Who.Clerk, "clerk", "all in order");
        Assert.Equal((Claim.Checked, 1), (v.State, v.Version));
        Assert.Equal([("clerk", Step.Check, Claim.Filed, Claim.Checked)], v.Timeline);
    }

    [Fact]
    public void An_illegal_step_is_refused_with_the_steps_allowed_and_nothing_changes()
    {
        var v = new Voucher();
        var refused = Assert.Throws<Refused>(() => v.Take(Step.Pay, Who.Manager, "boss"));
        Assert.Empty(refused.Allowed);
        Assert.Equal([Step.Check], Table.Allowed(Claim.Filed, [Who.Clerk, Who.Job]));
        Assert.Equal((Claim.Filed, 0, 0), (v.State, v.Version, v.Timeline.Count));
    }

    [Fact]
    public void A_rows_rules_are_held_a_note_photos_and_a_second_person()
    {
        var v = new Voucher();
        Assert.Equal("finding", Assert.Throws<ValidationException>(() => v.Take(Step.Check, Who.Clerk, "clerk", " ")).Fields.Keys.Single());
        v.Take(Step.Check, Who.Clerk, "clerk", "ok");
        Assert.Equal("photos", Assert.Throws<ValidationException>(() => v.Take(Step.Pay, Who.Manager, "boss")).Fields.Keys.Single());
        Assert.Equal("second_person_required", Assert.Throws<ConflictException>(() => v.Take(Step.Pay, Who.Manager, "clerk", photos: "a.jpg")).Code);
        v.Take(Step.Pay, Who.Manager, "boss", photos: "a.jpg");
        Assert.Equal((Claim.Paid, 2), (v.State, v.Version));
    }

    [Fact]
    public void A_table_that_names_one_step_twice_is_refused_when_built() =>
        Assert.Throws<InvalidOperationException>(() => new WorkflowTable<Claim, Step, Who>(
            [new(Claim.Filed, Step.Check, Who.Clerk, Claim.Checked), new(Claim.Filed, Step.Check, Who.Clerk, Claim.Paid)],
            (s, _, a) => new Refused(s, a)));
}
