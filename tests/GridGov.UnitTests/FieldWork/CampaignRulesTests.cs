using GridGov.Kernel.Errors;
using GridGov.Modules.FieldWork.Domain;

namespace GridGov.UnitTests.FieldWork;

public class CampaignRulesTests
{
    private static readonly IReadOnlyList<CampaignQuestion> Form =
    [
        new("fever", "是否发热", QuestionType.YesNo, Required: true),
        new("from", "来自", QuestionType.Choice, Choices: ["省内", "省外"]),
        new("temp", "体温", QuestionType.Number),
        new("back", "返回日期", QuestionType.Date),
    ];

    private static CampaignSubject Subject() => CampaignSubject.Frozen(1, SubjectKind.Household, 5, 5, 3, "p/", "王家", 3);

    private static readonly CampaignActor[] Worker = [CampaignActor.Worker];
    private static readonly CampaignActor[] Reviewer = [CampaignActor.Reviewer];

    [Fact]
    public void Done_needs_the_required_answers_and_each_answer_fits_its_question()
    {
        var s = Subject();
        var e = Assert.Throws<ValidationException>(() => s.Take(SubjectAction.Complete, Worker, "w", DateTime.UtcNow, null, Form, null));
        Assert.Equal("required", e.Fields["answers.fever"]);
        var bad = Assert.Throws<ValidationException>(() => s.Take(SubjectAction.Complete, Worker, "w", DateTime.UtcNow, null, Form,
            new Dictionary<string, string?> { ["fever"] = "maybe", ["from"] = "国外", ["temp"] = "hot", ["back"] = "2026/1/1", ["x"] = "1" }));
        Assert.Equal(["answers.back", "answers.fever", "answers.from", "answers.temp", "answers.x"], bad.Fields.Keys.Order());
        Assert.Equal(SubjectState.Pending, s.State);
        s.Take(SubjectAction.NotAtHome, Worker, "w", DateTime.UtcNow, null, Form, null);
        s.Take(SubjectAction.Complete, Worker, "w", DateTime.UtcNow, null, Form, new Dictionary<string, string?> { ["fever"] = "no", ["temp"] = "36.5" });
        Assert.Equal(SubjectState.Done, s.State);
        Assert.Equal(2, s.Attempts);
    }

    [Fact]
    public void An_exclusion_needs_a_reason_and_a_second_persons_approval()
    {
        var s = Subject();
        Assert.Throws<ValidationException>(() => s.Take(SubjectAction.RequestExclusion, Worker, "w", DateTime.UtcNow, null, Form, null));
        s.Take(SubjectAction.RequestExclusion, Worker, "w", DateTime.UtcNow, "房屋空置", Form, null);
        Assert.Equal(SubjectState.ExclusionRequested, s.State);
        // A worker cannot approve, and neither can a reviewer who asked for it.
        Assert.Throws<ConflictException>(() => s.Take(SubjectAction.ApproveExclusion, Worker, "w", DateTime.UtcNow, null, Form, null));
        var self = Assert.Throws<ConflictException>(() => s.Take(SubjectAction.ApproveExclusion, [CampaignActor.Worker, CampaignActor.Reviewer], "w", DateTime.UtcNow, null, Form, null));
        Assert.Equal("second_person_required", self.Code);
        s.Take(SubjectAction.ApproveExclusion, Reviewer, "r", DateTime.UtcNow, null, Form, null);
        Assert.Equal(SubjectState.Excluded, s.State);
    }

    [Fact]
    public void Coverage_is_done_of_the_universe_less_exclusions_and_an_empty_universe_has_no_target()
    {
        Assert.Null(CoverageFigure.Of(0, 0, 0).Percent);
        Assert.False(CoverageFigure.Of(0, 0, 0).HasTarget);
        Assert.Equal(50m, CoverageFigure.Of(10, 2, 4).Percent);
        // Never 100 % until every subject is done.
        Assert.Equal(99.9m, CoverageFigure.Of(10_000, 0, 9_999).Percent);
        Assert.Equal(100m, CoverageFigure.Of(3, 1, 2).Percent);
    }

    [Fact]
    public void A_form_is_checked_when_it_is_defined()
    {
        Assert.Throws<ValidationException>(() => CampaignForm.Validate([]));
        Assert.Throws<ValidationException>(() => CampaignForm.Validate([new("a", "A", QuestionType.Choice, Choices: ["x"])]));
        Assert.Throws<ValidationException>(() => CampaignForm.Validate([new("a", "A", QuestionType.YesNo), new("a", "B", QuestionType.Text)]));
        CampaignForm.Validate(Form);
        Assert.Equal(Form.Select(q => q.Key), CampaignForm.Read(CampaignForm.Write(Form)).Select(q => q.Key));
    }
}
