using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Training.Domain;

public enum ClassKind
{
    /// <summary>普惠制培训: open to voucher holders.</summary>
    Open = 1,
    /// <summary>订单班: trained for an employer who takes them on.</summary>
    Order = 2,
    /// <summary>定向培训: for enterprises in a development zone.</summary>
    Directed = 3,
    /// <summary>项目制培训.</summary>
    Project = 4,
}

/// <summary>
/// A class a provider runs for one occupation and level: its schedule, capacity and the employer of
/// an order class. Trainees enrol with a voucher or on the provider's own list; each school day's
/// attendance is kept, and the class is finished once its last day is past.
/// </summary>
public sealed class TrainingClass : IScopedByPath, IAudited
{
    public const int MaxName = 100;

    private TrainingClass() { }

    public int Id { get; private set; }
    public int ProviderId { get; private set; }
    public string Path { get; private set; } = "";
    public ClassKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string Occupation { get; private set; } = "";
    public CertificateLevel Level { get; private set; }
    public string? Employer { get; private set; }
    /// <summary>The labour brand the class is a cohort of (吕梁山护工), if any.</summary>
    public string? Brand { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public int Capacity { get; private set; }
    /// <summary>Days of attendance a trainee needs to finish.</summary>
    public int DaysRequired { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }

    public static TrainingClass Plan(TrainingProvider provider, ClassKind kind, string name, string occupation, CertificateLevel level,
        string? employer, DateOnly startsOn, DateOnly endsOn, int capacity, int daysRequired, string by, DateTime at, string? brand = null)
    {
        var v = new Validator().Check(Enum.IsDefined(kind), "kind", "unknown").Require("name", name, MaxName).Require("occupation", occupation, 40)
            .Check(endsOn >= startsOn, "endsOn", "before_start").Check(endsOn.DayNumber - startsOn.DayNumber <= 366, "endsOn", "too_long")
            .Check(capacity is >= 1 and <= 500, "capacity", "out_of_range")
            .Check(daysRequired >= 1 && daysRequired <= endsOn.DayNumber - startsOn.DayNumber + 1, "daysRequired", "out_of_range")
            .Optional("employer", employer, 100).Optional("brand", brand, 20);
        if (kind == ClassKind.Order) v.Require("employer", employer, 100);
        v.ThrowIfInvalid();
        provider.CheckMayTrain(occupation, level);
        return new TrainingClass
        {
            ProviderId = provider.Id, Path = provider.Path, Kind = kind, Name = name.Trim(), Occupation = occupation.Trim(), Level = level,
            Employer = string.IsNullOrWhiteSpace(employer) ? null : employer.Trim(), Brand = string.IsNullOrWhiteSpace(brand) ? null : brand.Trim(), StartsOn = startsOn, EndsOn = endsOn, Capacity = capacity,
            DaysRequired = daysRequired, CreatedBy = by, CreatedAt = at,
        };
    }

    public bool IsFinished => FinishedAt is not null;

    /// <summary>A trainee may join until the class's last day, and never a finished class.</summary>
    public void CheckOpenForEnrolment(DateOnly on)
    {
        if (IsFinished || on > EndsOn) throw new ConflictException("class_closed");
    }

    public void CheckFull(int enrolled)
    {
        if (enrolled >= Capacity) throw new ConflictException("class_full");
    }

    /// <summary>Attendance is kept for the class's own days, up to today.</summary>
    public void CheckSchoolDay(DateOnly day, DateOnly today)
    {
        if (day < StartsOn || day > EndsOn) throw new ValidationException("day", "outside_class");
        if (day > today) throw new ValidationException("day", "in_future");
    }

    public void Finish(DateOnly today, DateTime at)
    {
        if (IsFinished) throw new ConflictException("class_finished");
        if (today < EndsOn) throw new ConflictException("class_not_over");
        FinishedAt = at;
    }
}
