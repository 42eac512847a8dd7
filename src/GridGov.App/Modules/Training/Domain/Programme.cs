using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Training.Domain;

public enum ProgrammeKind
{
    /// <summary>普惠制: for the groups the rules name, claimed by the person.</summary>
    Universal = 1,
    /// <summary>企业培训: for a company's own employees, issued from the company's list.</summary>
    Enterprise = 2,
}

/// <summary>
/// A voucher programme run by a human-resources bureau for an area: its period, budget, the face
/// value of each voucher, the subsidy each certificate level earns, how long a voucher may lie
/// unclaimed or unused, and its eligibility rules, each version effective from a day.
/// </summary>
public sealed class VoucherProgramme : ISeenFromBelow, IAudited
{
    public const int MaxName = 100;
    public const int DefaultExpiryDays = 90;

    private VoucherProgramme() { }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public ProgrammeKind Kind { get; private set; }
    public string AreaCode { get; private set; } = "";
    public string Path { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    /// <summary>Yuan the programme may commit: the face value of every voucher issued and not cancelled or expired.</summary>
    public long Budget { get; private set; }
    /// <summary>Yuan a voucher is worth at the most: the subsidy of the highest level it may earn.</summary>
    public int FaceValue { get; private set; }
    /// <summary>The subsidy per certificate level, as written by <see cref="SubsidyTable"/>.</summary>
    public string Subsidies { get; private set; } = "";
    public int ExpiryDays { get; private set; } = DefaultExpiryDays;
    /// <summary>For an enterprise programme: the company whose employees it trains.</summary>
    public string? Employer { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    /// <summary>When vouchers were last issued: each issue changes the programme, so two issues at once cannot both spend the same budget.</summary>
    public DateTime? LastIssuedAt { get; private set; }
    public int Version { get; private set; }

    public SubsidyTable SubsidyTable => SubsidyTable.Read(Subsidies);

    public static VoucherProgramme Define(string name, ProgrammeKind kind, string areaCode, string path, DateOnly startsOn, DateOnly endsOn,
        long budget, SubsidyTable subsidies, int expiryDays, string? employer, string by, DateTime at)
    {
        var v = new Validator().Require("name", name, MaxName).Check(Enum.IsDefined(kind), "kind", "unknown")
            .Check(endsOn >= startsOn, "endsOn", "before_start").Check(budget > 0, "budget", "must_be_positive")
            .Check(expiryDays is >= 7 and <= 730, "expiryDays", "out_of_range").Check(subsidies.Count > 0, "subsidies", "required")
            .Optional("employer", employer, 100);
        if (kind == ProgrammeKind.Enterprise) v.Require("employer", employer, 100);
        v.ThrowIfInvalid();
        return new VoucherProgramme
        {
            Name = name.Trim(), Kind = kind, AreaCode = areaCode, Path = path, StartsOn = startsOn, EndsOn = endsOn, Budget = budget,
            Subsidies = subsidies.Write(), FaceValue = subsidies.Highest, ExpiryDays = expiryDays,
            Employer = kind == ProgrammeKind.Enterprise ? employer!.Trim() : null, CreatedBy = by, CreatedAt = at,
        };
    }

    public bool RunsOn(DateOnly day) => day >= StartsOn && day <= EndsOn;

    /// <summary>Issuing needs the programme to run that day and budget left for the vouchers' face value.</summary>
    public void CheckIssue(DateOnly on, long committed, int count)
    {
        if (!RunsOn(on)) throw new ConflictException("programme_not_running");
        if (committed + (long)FaceValue * count > Budget) throw new ConflictException("budget_exhausted", Budget - committed);
    }

    public void RecordIssue(DateTime at) => LastIssuedAt = at;

    /// <summary>How many more vouchers the budget holds.</summary>
    public long RoomFor(long committed) => FaceValue == 0 ? 0 : Math.Max(0, (Budget - committed) / FaceValue);

    public void Extend(DateOnly endsOn, long budget)
    {
        new Validator().Check(endsOn >= StartsOn, "endsOn", "before_start").Check(budget > 0, "budget", "must_be_positive").ThrowIfInvalid();
        (EndsOn, Budget) = (endsOn, budget);
    }
}

/// <summary>The subsidy, in yuan, each certificate level earns; a level not listed earns nothing.</summary>
public sealed class SubsidyTable
{
    private readonly SortedDictionary<CertificateLevel, int> _values;

    public SubsidyTable(IReadOnlyDictionary<CertificateLevel, int> values)
    {
        var v = new Validator();
        foreach (var (level, yuan) in values)
            v.Check(Enum.IsDefined(level), "subsidies", "unknown_level").Check(yuan is >= 0 and <= 100_000, "subsidies", "out_of_range");
        v.ThrowIfInvalid();
        _values = new SortedDictionary<CertificateLevel, int>(values.Where(p => p.Value > 0).ToDictionary());
    }

    public int Count => _values.Count;

    public int Highest => _values.Count == 0 ? 0 : _values.Values.Max();

    public IReadOnlyDictionary<CertificateLevel, int> Values => _values;

    public int For(CertificateLevel level) => _values.GetValueOrDefault(level);

    public string Write() => string.Join(';', _values.Select(p => $"{p.Key}:{p.Value}"));

    public static SubsidyTable Read(string text) => new(text.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(part => part.Split(':')).ToDictionary(p => Enum.Parse<CertificateLevel>(p[0]), p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)));
}
