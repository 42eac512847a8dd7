using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Training.Domain;

/// <summary>How an employment after a class was checked.</summary>
public enum EmploymentCheck
{
    /// <summary>The employer confirmed it (an order class's employer, say).</summary>
    EmployerConfirmed = 1,
    /// <summary>Social insurance paid by the employer.</summary>
    SocialInsurance = 2,
    LabourContract = 3,
    /// <summary>The trainee said so on a follow-up call.</summary>
    FollowUpCall = 4,
}

/// <summary>
/// A trainee in a class: with a voucher verified at enrolment, or on the provider's own list (an
/// order class's employees). When the class finishes, those who attended the days required have
/// finished; a certificate is then recorded with its level and number.
/// </summary>
public sealed class Enrolment : IScopedByPath, IAudited
{
    private Enrolment() { }

    public int Id { get; private set; }
    public int ClassId { get; private set; }
    public int ProviderId { get; private set; }
    public string Path { get; private set; } = "";
    public int PersonId { get; private set; }
    public string PersonName { get; private set; } = "";
    /// <summary>Where the trainee lives on the ledger, for counting trainees and certificates by area.</summary>
    public string HomePath { get; private set; } = "";
    public long? VoucherId { get; private set; }
    public string EnrolledBy { get; private set; } = "";
    public DateTime EnrolledAt { get; private set; }
    public DateOnly EnrolledOn { get; private set; }
    /// <summary>Set when the class finishes: whether the trainee attended enough to finish.</summary>
    public bool? Finished { get; private set; }
    public DateOnly? FinishedOn { get; private set; }
    public CertificateLevel? Level { get; private set; }
    public string? CertificateNumber { get; private set; }
    public DateOnly? CertifiedOn { get; private set; }
    public string? Employer { get; private set; }
    /// <summary>The city the trainee went to work in: a labour brand's placements are counted by it.</summary>
    public string? WorkCity { get; private set; }
    public DateOnly? EmployedOn { get; private set; }
    public EmploymentCheck? CheckedBy { get; private set; }
    public string? EmploymentRecordedBy { get; private set; }
    public int Version { get; private set; }

    public static Enrolment Of(TrainingClass trainingClass, int personId, string personName, string homePath, long? voucherId, string by, DateTime at,
        DateOnly on) =>
        new()
        {
            ClassId = trainingClass.Id, ProviderId = trainingClass.ProviderId, Path = trainingClass.Path, PersonId = personId,
            PersonName = personName.Trim(), HomePath = homePath, VoucherId = voucherId, EnrolledBy = by, EnrolledAt = at, EnrolledOn = on,
        };

    /// <summary>At the class's end: finished when the days attended reach the class's requirement.</summary>
    public bool Close(TrainingClass trainingClass, int daysAttended, DateOnly on)
    {
        if (Finished is not null) throw new ConflictException("enrolment_closed");
        (Finished, FinishedOn) = (daysAttended >= trainingClass.DaysRequired, on);
        return Finished.Value;
    }

    /// <summary>The follow-up after the class: employed where, from when, and how it was checked; a later follow-up replaces it.</summary>
    public void RecordEmployment(string employer, DateOnly on, EmploymentCheck check, string by, DateOnly today, string? workCity = null)
    {
        if (Finished is null) throw new ConflictException("training_not_finished");
        new Validator().Require("employer", employer, 100).Optional("workCity", workCity, 20).Check(Enum.IsDefined(check), "checkedBy", "unknown")
            .Check(on <= today, "employedOn", "in_future").Check(on >= EnrolledOn, "employedOn", "before_enrolment").ThrowIfInvalid();
        (Employer, EmployedOn, CheckedBy, EmploymentRecordedBy) = (employer.Trim(), on, check, by);
        WorkCity = string.IsNullOrWhiteSpace(workCity) ? null : workCity.Trim();
    }

    /// <summary>The certificate won; once recorded it changes only when the bureau returned the voucher for correction.</summary>
    public void Certify(CertificateLevel level, string number, DateOnly on, bool correction = false)
    {
        if (Finished != true) throw new ConflictException("training_not_finished");
        if (Level is not null && !correction) throw new ConflictException("already_certified");
        new Validator().Check(Enum.IsDefined(level), "level", "unknown").Require("certificateNumber", number, 40)
            .Check(on >= FinishedOn, "certifiedOn", "before_finish").ThrowIfInvalid();
        (Level, CertificateNumber, CertifiedOn) = (level, number.Trim(), on);
    }
}

/// <summary>A trainee present on one school day of the class.</summary>
public sealed class AttendanceMark
{
    private AttendanceMark() { }

    public long Id { get; private set; }
    public int EnrolmentId { get; private set; }
    public int ClassId { get; private set; }
    public DateOnly Day { get; private set; }
    public string MarkedBy { get; private set; } = "";
    public DateTime MarkedAt { get; private set; }

    public static AttendanceMark Of(Enrolment enrolment, DateOnly day, string by, DateTime at) =>
        new() { EnrolmentId = enrolment.Id, ClassId = enrolment.ClassId, Day = day, MarkedBy = by, MarkedAt = at };
}
