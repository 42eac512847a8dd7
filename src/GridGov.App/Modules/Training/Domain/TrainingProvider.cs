using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Training.Domain;

/// <summary>An occupation a provider is approved to train for, up to a level.</summary>
public sealed record ApprovedOccupation(string Occupation, CertificateLevel MaxLevel);

/// <summary>
/// A training provider (培训机构) the bureau approved, for the occupations and levels it may train,
/// registered in an area. Its staff see only its own classes, trainees and vouchers.
/// </summary>
public sealed class TrainingProvider : ISeenFromBelow, IAudited
{
    public const int MaxName = 100;

    private TrainingProvider() { }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>统一社会信用代码: 18 characters.</summary>
    public string CreditCode { get; private set; } = "";
    public string AreaCode { get; private set; } = "";
    public string Path { get; private set; } = "";
    public string Contact { get; private set; } = "";
    /// <summary>"occupation:MaxLevel" pairs separated by semicolons.</summary>
    public string Occupations { get; private set; } = "";
    public bool IsActive { get; private set; } = true;
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<ApprovedOccupation> Approved => Read(Occupations);

    public static TrainingProvider Approve(string name, string creditCode, string areaCode, string path, string contact,
        IReadOnlyCollection<ApprovedOccupation> occupations, string by, DateTime at)
    {
        var provider = new TrainingProvider { AreaCode = areaCode, Path = path, CreatedBy = by, CreatedAt = at };
        provider.Change(name, creditCode, contact, occupations);
        return provider;
    }

    public void Change(string name, string creditCode, string contact, IReadOnlyCollection<ApprovedOccupation> occupations)
    {
        new Validator().Require("name", name, MaxName).Require("contact", contact, 50)
            .Check(creditCode?.Trim() is { Length: 18 } c && c.All(char.IsAsciiLetterOrDigit), "creditCode", "bad_credit_code")
            .Check(occupations.Count is > 0 and <= 50, "occupations", "required")
            .Check(occupations.All(o => !string.IsNullOrWhiteSpace(o.Occupation) && o.Occupation.Trim().Length <= 40
                && !o.Occupation.Contains(':') && !o.Occupation.Contains(';') && Enum.IsDefined(o.MaxLevel)), "occupations", "bad_occupation")
            .ThrowIfInvalid();
        (Name, CreditCode, Contact) = (name.Trim(), creditCode!.Trim().ToUpperInvariant(), contact.Trim());
        Occupations = string.Join(';', occupations.DistinctBy(o => o.Occupation.Trim()).Select(o => $"{o.Occupation.Trim()}:{o.MaxLevel}"));
    }

    public void Suspend() => IsActive = false;

    public void Reinstate() => IsActive = true;

    /// <summary>A class may train only for an approved occupation, up to the level approved.</summary>
    public void CheckMayTrain(string occupation, CertificateLevel level)
    {
        if (!IsActive) throw new ConflictException("provider_suspended");
        if (!Approved.Any(o => o.Occupation == occupation.Trim() && o.MaxLevel >= level))
            throw new ValidationException("occupation", "not_approved_for_provider");
    }

    private static IReadOnlyList<ApprovedOccupation> Read(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(':'))
            .Select(p => new ApprovedOccupation(p[0], Enum.Parse<CertificateLevel>(p[1]))).ToList();
}

/// <summary>A provider's staff member: the account that works for it.</summary>
public sealed class ProviderStaff
{
    private ProviderStaff() { }

    public int Id { get; private set; }
    public int ProviderId { get; private set; }
    public string UserName { get; private set; } = "";
    public string AddedBy { get; private set; } = "";
    public DateTime AddedAt { get; private set; }

    public static ProviderStaff Of(int providerId, string userName, string by, DateTime at) =>
        new() { ProviderId = providerId, UserName = userName, AddedBy = by, AddedAt = at };
}
