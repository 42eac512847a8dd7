using GridGov.Kernel.Errors;

namespace GridGov.Modules.Training.Domain;

public enum Verdict
{
    Eligible = 1,
    NotEligible = 2,
    /// <summary>Some fact a rule needs is missing: never read as a no.</summary>
    Unknown = 3,
}

/// <summary>What the rules read of a person: from the ledger, and the last voucher this kind of programme issued them.</summary>
public sealed record PersonFacts(int PersonId, bool IsActive, string Path, DateOnly? BirthDate, string? Residency, IReadOnlySet<string> Tags,
    bool? CanReceiveText, DateOnly? LastVoucherOn);

/// <summary>A verdict with every rule that failed and every fact that was missing, so no one is turned away without a reason.</summary>
public sealed record EligibilityResult(Verdict Verdict, IReadOnlyList<string> Failed, IReadOnlyList<string> Missing)
{
    public static EligibilityResult NotOnLedger { get; } = new(Verdict.Unknown, [], ["person"]);
}

/// <summary>
/// One version of a programme's eligibility rules, effective from a day: the groups it serves (any
/// of the tags), an age band, the residency types, "once per N years", and whether a claim needs a
/// phone on the ledger. Versions are never changed: a new one takes effect from its day.
/// </summary>
public sealed class EligibilityRules
{
    public const int MaxTags = 20;

    private EligibilityRules() { }

    public int Id { get; private set; }
    public int ProgrammeId { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    /// <summary>Tag codes, comma-separated: the person must carry one of them; empty serves everyone in the area.</summary>
    public string TargetTags { get; private set; } = "";
    public int? MinAge { get; private set; }
    public int? MaxAge { get; private set; }
    /// <summary>Residency types allowed, comma-separated; empty allows every type.</summary>
    public string Residencies { get; private set; } = "";
    /// <summary>A person who had a voucher of this programme's kind less than this many years ago is not eligible.</summary>
    public int? OncePerYears { get; private set; }
    /// <summary>A claim is confirmed by a code sent to the ledger's phone: without one the person cannot claim.</summary>
    public bool NeedsTextCode { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<string> Tags => Split(TargetTags);

    public IReadOnlyList<string> ResidencyTypes => Split(Residencies);

    public static EligibilityRules Effective(int programmeId, DateOnly from, IEnumerable<string>? tags, int? minAge, int? maxAge,
        IEnumerable<string>? residencies, int? oncePerYears, bool needsTextCode, string by, DateTime at)
    {
        var tagList = Clean(tags);
        var residencyList = Clean(residencies);
        new Validator().Check(tagList.Count <= MaxTags, "targetTags", "too_many")
            .Check(minAge is null or >= 16 and <= 100, "minAge", "out_of_range").Check(maxAge is null or >= 16 and <= 100, "maxAge", "out_of_range")
            .Check(minAge is null || maxAge is null || minAge <= maxAge, "maxAge", "below_min")
            .Check(oncePerYears is null or >= 1 and <= 10, "oncePerYears", "out_of_range")
            .Check(tagList.All(t => t.Length <= 40 && t.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')), "targetTags", "bad_code")
            .Check(residencyList.All(r => r.Length <= 40 && r.All(char.IsAsciiLetter)), "residencies", "bad_code").ThrowIfInvalid();
        return new EligibilityRules
        {
            ProgrammeId = programmeId, EffectiveFrom = from, TargetTags = string.Join(',', tagList), MinAge = minAge, MaxAge = maxAge,
            Residencies = string.Join(',', residencyList), OncePerYears = oncePerYears, NeedsTextCode = needsTextCode, CreatedBy = by, CreatedAt = at,
        };
    }

    /// <summary>The version in force on a day: the latest effective on or before it.</summary>
    public static EligibilityRules? InForce(IEnumerable<EligibilityRules> versions, DateOnly on) =>
        versions.Where(r => r.EffectiveFrom <= on).OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.Id).FirstOrDefault();

    /// <summary>The rules applied to one person on a day, within the programme's area.</summary>
    public EligibilityResult Evaluate(PersonFacts facts, DateOnly on, string areaPath)
    {
        var failed = new List<string>();
        var missing = new List<string>();
        if (!facts.IsActive) failed.Add("not_on_register");
        if (!facts.Path.StartsWith(areaPath, StringComparison.Ordinal)) failed.Add("outside_area");
        CheckAge(facts, on, failed, missing);
        if (ResidencyTypes.Count > 0)
        {
            if (facts.Residency is null) missing.Add("residency");
            else if (!ResidencyTypes.Contains(facts.Residency)) failed.Add("residency");
        }
        if (Tags.Count > 0 && !Tags.Any(facts.Tags.Contains)) failed.Add("not_in_target_group");
        if (OncePerYears is { } years && facts.LastVoucherOn is { } last && last > on.AddYears(-years)) failed.Add("voucher_within_years");
        if (NeedsTextCode && facts.CanReceiveText != true) missing.Add("phone");
        var verdict = failed.Count > 0 ? Verdict.NotEligible : missing.Count > 0 ? Verdict.Unknown : Verdict.Eligible;
        return new EligibilityResult(verdict, failed, missing);
    }

    private void CheckAge(PersonFacts facts, DateOnly on, List<string> failed, List<string> missing)
    {
        if (MinAge is null && MaxAge is null) return;
        if (facts.BirthDate is not { } born)
        {
            missing.Add("birthDate");
            return;
        }
        var age = on.Year - born.Year - (on < born.AddYears(on.Year - born.Year) ? 1 : 0);
        if (MinAge is { } min && age < min) failed.Add("too_young");
        if (MaxAge is { } max && age > max) failed.Add("too_old");
    }

    private static List<string> Clean(IEnumerable<string>? codes) =>
        (codes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static IReadOnlyList<string> Split(string csv) => csv.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
