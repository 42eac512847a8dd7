using GridGov.Kernel.Errors;
using GridGov.Modules.Training.Domain;

namespace GridGov.UnitTests.Training;

public class StudioTests
{
    private static readonly DateTime At = new(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc);

    private static StudioApplication Applied() =>
        StudioApplication.Apply(2026, "141127000000", "p/", "李师傅电工工作室", "李建国", "电工", CertificateLevel.SeniorTechnician, "岚县供电公司", "hr1", At);

    [Fact]
    public void Selection_takes_the_best_averages_with_enough_scores_and_every_tie_at_the_last_place()
    {
        var scores = new Dictionary<int, IReadOnlyList<int>>
        {
            [1] = [90, 92, 94], [2] = [88, 88, 88], [3] = [88, 87, 89], [4] = [70, 71, 72], [5] = [99, 99],
        };
        Assert.Equal([1, 2, 3], StudioApplication.Select(scores, 2));
        Assert.Equal([1], StudioApplication.Select(scores, 1));
        Assert.Equal([1, 2, 3, 4], StudioApplication.Select(scores, 10));
        Assert.Throws<ValidationException>(() => StudioApplication.Select(scores, 0));
    }

    [Fact]
    public void A_master_is_a_technician_or_above_and_each_expert_scores_out_of_a_hundred()
    {
        Assert.Equal("master_level_too_low", Assert.Throws<ValidationException>(() =>
            StudioApplication.Apply(2026, "1", "p/", "x", "y", "电工", CertificateLevel.Senior, "z", "hr", At)).Fields["masterLevel"]);
        Assert.Throws<ValidationException>(() => StudioScore.Of(Applied(), "王专家", 101, null, "hr2", At));
    }

    [Fact]
    public void The_grant_is_paid_once_only_to_a_selected_studio_and_never_by_who_selected_it()
    {
        var studio = Applied();
        Assert.Equal("studio_not_selected", Assert.Throws<ConflictException>(() => studio.PayGrant(30_000, "GK1", "hr3", At)).Code);
        studio.Decide(true, "hr2", At);
        Assert.Equal("studio_decided", Assert.Throws<ConflictException>(() => StudioScore.Of(studio, "王专家", 90, null, "hr2", At)).Code);
        Assert.Equal("second_person_required", Assert.Throws<ConflictException>(() => studio.PayGrant(30_000, "GK1", "hr2", At)).Code);
        studio.PayGrant(30_000, "GK1", "hr3", At);
        Assert.Equal((StudioState.Granted, 30_000), (studio.State, studio.Grant));
        Assert.Equal("grant_paid", Assert.Throws<ConflictException>(() => studio.PayGrant(30_000, "GK2", "hr3", At)).Code);
    }
}
