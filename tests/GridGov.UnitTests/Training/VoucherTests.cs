using GridGov.Kernel.Errors;
using GridGov.Modules.Training.Domain;

namespace GridGov.UnitTests.Training;

public class VoucherTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);
    private static readonly DateTime At = GridGov.Kernel.Time.ChinaTime.StartOf(Day).AddHours(10);

    internal static VoucherProgramme Programme(int expiryDays = 90) => VoucherProgramme.Define("2026 普惠制培训", ProgrammeKind.Universal, "141127000000",
        "140000000000/141100000000/141127000000/", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 1_000_000,
        new SubsidyTable(new Dictionary<CertificateLevel, int> { [CertificateLevel.Completion] = 600, [CertificateLevel.Junior] = 1000, [CertificateLevel.Senior] = 2000 }),
        expiryDays, null, "hr1", At);

    internal static TrainingProvider Provider() => TrainingProvider.Approve("岚县职业培训学校", "91141127MA0K000001", "141127000000",
        "140000000000/141100000000/141127000000/", "0358-1234567", [new ApprovedOccupation("养老护理员", CertificateLevel.Senior)], "hr1", At);

    internal static TrainingClass Class(DateOnly? ends = null) =>
        TrainingClass.Plan(Provider(), ClassKind.Open, "养老护理员 3 月班", "养老护理员", CertificateLevel.Senior, null, (ends ?? Day).AddDays(-20),
            ends ?? Day.AddDays(20), 30, 15, "tp", At);

    private static Voucher Issued(VoucherProgramme? programme = null) =>
        Voucher.Issue(programme ?? Programme(), 7, "王芳", "140000000000/141100000000/141127000000/141127100000/", "hr1", At, Day);

    /// <summary>Issued, claimed, enrolled, trained and certified at the level, each by its own hand.</summary>
    private static Voucher Certified(CertificateLevel level)
    {
        var v = Issued();
        v.Claim("trainee:7", At, Day, null);
        v.Enrol(Class(), "tp", At, Day, null);
        v.FinishTraining("tp", At, null);
        v.Certify(level, "Z2026-0001", Day, "tp2", At.AddDays(30), null);
        return v;
    }

    [Fact]
    public void A_voucher_walks_from_issue_to_paid_and_each_step_is_kept_in_order()
    {
        var programme = Programme();
        var v = Certified(CertificateLevel.Senior);
        v.Review(programme.SubsidyTable, "hr2", At.AddDays(31), "k-review-1");
        Assert.Equal(VoucherState.Reviewed, v.State);
        Assert.Equal(2000, v.Subsidy);
        Assert.Equal(2000, v.BalanceOn(Day));
        Assert.Equal([0, 1, 2, 3, 4, 5], v.Steps.Select(s => s.Sequence));
        Assert.Equal([VoucherAction.Issue, VoucherAction.Claim, VoucherAction.Enrol, VoucherAction.FinishTraining, VoucherAction.Certify, VoucherAction.Review],
            v.Steps.Select(s => s.Action));
        Assert.Equal("k-review-1", v.Steps[^1].ClientKey);
        Assert.Equal("subsidy:2000", v.Steps[^1].Detail);
        Assert.Null(v.UsableUntil);
    }

    [Fact]
    public void The_subsidy_follows_the_level_won_and_never_exceeds_the_face_value()
    {
        var programme = Programme();
        Assert.Equal(2000, programme.FaceValue);
        var junior = Certified(CertificateLevel.Junior);
        junior.Review(programme.SubsidyTable, "hr2", At, null);
        Assert.Equal(1000, junior.Subsidy);
        var technician = Certified(CertificateLevel.Technician);
        technician.Review(programme.SubsidyTable, "hr2", At, null);
        Assert.Equal(0, technician.Subsidy);
        Assert.True(CertificateLevel.Senior.IsHighSkilled());
        Assert.False(CertificateLevel.Intermediate.IsHighSkilled());
        Assert.True(CertificateLevel.Junior.IsSkilled());
        Assert.False(CertificateLevel.Completion.IsSkilled());
    }

    [Fact]
    public void The_review_is_never_by_who_issued_enrolled_or_certified_the_voucher()
    {
        var subsidies = Programme().SubsidyTable;
        foreach (var hand in new[] { "hr1", "tp", "tp2" })
        {
            var v = Certified(CertificateLevel.Junior);
            Assert.Equal("second_person_required", Assert.Throws<ConflictException>(() => v.Review(subsidies, hand, At, null)).Code);
            Assert.Equal(VoucherState.Certified, v.State);
        }
    }

    [Fact]
    public void An_unclaimed_or_unused_voucher_lapses_after_its_days_and_reads_as_expired()
    {
        var v = Issued(Programme(expiryDays: 90));
        Assert.Equal(Day.AddDays(90), v.UsableUntil);
        Assert.Equal(VoucherState.Issued, v.StateOn(Day.AddDays(90)));
        Assert.Equal(VoucherState.Expired, v.StateOn(Day.AddDays(91)));
        Assert.Equal(0, v.BalanceOn(Day.AddDays(91)));
        Assert.Equal("voucher_expired", Assert.Throws<ConflictException>(() => v.Claim("trainee:7", At, Day.AddDays(91), null)).Code);
        v.Claim("trainee:7", At, Day.AddDays(30), null);
        Assert.Equal(Day.AddDays(120), v.UsableUntil);
        v.Expire(At.AddDays(121));
        Assert.Equal(VoucherState.Expired, v.State);
        Assert.Null(v.OpenIn);
    }

    [Fact]
    public void Steps_out_of_order_are_refused_with_the_steps_allowed()
    {
        var v = Issued();
        var e = Assert.Throws<ConflictException>(() => v.Enrol(Class(), "tp", At, Day, null));
        Assert.Equal("step_not_allowed", e.Code);
        Assert.Equal("Issued", e.Extensions["state"]);
        Assert.Empty((string[])e.Extensions["allowed"]!);
        Assert.Equal([VoucherAction.Cancel], v.Allowed([VoucherActor.Bureau]));
        Assert.Empty(v.Allowed([VoucherActor.Provider]));
    }

    [Fact]
    public void A_cancellation_needs_a_reason_and_frees_the_persons_slot()
    {
        var v = Issued();
        Assert.Equal(1, v.OpenIn is null ? 0 : 1);
        Assert.Throws<ValidationException>(() => v.Cancel(" ", "hr1", At, null));
        v.Cancel("本人放弃", "hr1", At, null);
        Assert.Equal(VoucherState.Cancelled, v.State);
        Assert.Null(v.OpenIn);
        Assert.Equal("本人放弃", v.EndReason);
    }

    [Fact]
    public void A_finished_or_closed_class_takes_no_voucher()
    {
        var v = Issued();
        v.Claim("trainee:7", At, Day, null);
        Assert.Equal("class_closed", Assert.Throws<ConflictException>(() => v.Enrol(Class(ends: Day.AddDays(-1)), "tp", At, Day, null)).Code);
    }

    [Fact]
    public void Codes_are_random_and_typed_codes_are_forgiven_their_dashes_case_and_look_alikes()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => Voucher.NewCode()).ToHashSet();
        Assert.Equal(1000, codes.Count);
        Assert.All(codes, c => Assert.Equal(c, Voucher.NormaliseCode(Voucher.Show(c).ToLowerInvariant())));
        Assert.Equal("0123456789AB", Voucher.NormaliseCode("o1z3-4567-89ab".Replace('z', '2')));
        Assert.Null(Voucher.NormaliseCode("0123-4567-89AU"));
        Assert.Null(Voucher.NormaliseCode("0123"));
    }

    [Fact]
    public void A_programme_refuses_issues_outside_its_period_or_beyond_its_budget()
    {
        var p = Programme();
        Assert.Equal("programme_not_running", Assert.Throws<ConflictException>(() => p.CheckIssue(new DateOnly(2027, 1, 1), 0, 1)).Code);
        p.CheckIssue(Day, 998_000, 1);
        Assert.Equal("budget_exhausted", Assert.Throws<ConflictException>(() => p.CheckIssue(Day, 998_001, 1)).Code);
        Assert.Equal(499, p.RoomFor(2_000));
        var e = Assert.Throws<ValidationException>(() => VoucherProgramme.Define(" ", ProgrammeKind.Enterprise, "1", "1/", Day, Day.AddDays(-1), 0,
            new SubsidyTable(new Dictionary<CertificateLevel, int>()), 3, null, "hr", At));
        Assert.Equal(["budget", "employer", "endsOn", "expiryDays", "name", "subsidies"], e.Fields.Keys.Order());
    }
}

public class EnrolmentTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    [Fact]
    public void Employment_is_recorded_after_the_class_closes_never_before_the_enrolment_nor_in_the_future()
    {
        var trainingClass = VoucherTests.Class();
        var enrolment = Enrolment.Of(trainingClass, 7, "王芳", "p/", null, "tp", DateTime.UtcNow, Day);
        Assert.Equal("training_not_finished", Assert.Throws<ConflictException>(() =>
            enrolment.RecordEmployment("岚县康养中心", Day.AddDays(30), EmploymentCheck.FollowUpCall, "tp", Day.AddDays(40))).Code);
        enrolment.Close(trainingClass, daysAttended: 15, Day.AddDays(20));
        var e = Assert.Throws<ValidationException>(() => enrolment.RecordEmployment(" ", Day.AddDays(50), EmploymentCheck.FollowUpCall, "tp", Day.AddDays(40)));
        Assert.Equal(["employedOn", "employer"], e.Fields.Keys.Order());
        Assert.Equal("before_enrolment", Assert.Throws<ValidationException>(() =>
            enrolment.RecordEmployment("岚县康养中心", Day.AddDays(-1), EmploymentCheck.FollowUpCall, "tp", Day.AddDays(40))).Fields["employedOn"]);
        enrolment.RecordEmployment("岚县康养中心", Day.AddDays(30), EmploymentCheck.EmployerConfirmed, "tp", Day.AddDays(40));
        Assert.Equal(("岚县康养中心", Day.AddDays(30), EmploymentCheck.EmployerConfirmed), (enrolment.Employer, enrolment.EmployedOn, enrolment.CheckedBy));
    }

    [Fact]
    public void A_trainee_finishes_only_with_the_days_required_and_a_certificate_follows_the_finish()
    {
        var trainingClass = VoucherTests.Class();
        var short_ = Enrolment.Of(trainingClass, 7, "王芳", "p/", null, "tp", DateTime.UtcNow, Day);
        Assert.False(short_.Close(trainingClass, trainingClass.DaysRequired - 1, Day));
        Assert.Equal("training_not_finished", Assert.Throws<ConflictException>(() => short_.Certify(CertificateLevel.Junior, "N1", Day)).Code);
        var full = Enrolment.Of(trainingClass, 8, "李强", "p/", null, "tp", DateTime.UtcNow, Day);
        Assert.True(full.Close(trainingClass, trainingClass.DaysRequired, Day));
        full.Certify(CertificateLevel.Senior, "N2", Day);
        Assert.Equal("already_certified", Assert.Throws<ConflictException>(() => full.Certify(CertificateLevel.Junior, "N3", Day)).Code);
        full.Certify(CertificateLevel.Junior, "N3", Day, correction: true);
        Assert.Equal(CertificateLevel.Junior, full.Level);
    }
}
