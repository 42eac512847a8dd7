using GridGov.Kernel.Errors;
using GridGov.Modules.Training.Domain;

namespace GridGov.UnitTests.Training;

public class EligibilityTests
{
    private const string Area = "140000000000/141100000000/141127000000/";
    private static readonly DateOnly On = new(2026, 12, 6);

    private static EligibilityRules Rules(IEnumerable<string>? tags = null, int? min = null, int? max = null, IEnumerable<string>? residencies = null,
        int? once = null, bool textCode = false) =>
        EligibilityRules.Effective(1, new DateOnly(2026, 1, 1), tags, min, max, residencies, once, textCode, "hr", DateTime.UtcNow);

    private static PersonFacts Person(string[]? tags = null, DateOnly? born = null, string? residency = "RegisteredResident", bool? reachable = true,
        bool active = true, string path = Area + "141127100000/", DateOnly? lastVoucher = null) =>
        new(7, active, path, born ?? new DateOnly(1990, 5, 1), residency, (tags ?? []).ToHashSet(), reachable, lastVoucher);

    [Fact]
    public void Someone_in_a_target_group_within_the_rules_is_eligible()
    {
        var result = Rules(["poverty_lifted", "migrant_worker"], 16, 60, ["RegisteredResident"], 1, textCode: true).Evaluate(Person(["migrant_worker"]), On, Area);
        Assert.Equal(Verdict.Eligible, result.Verdict);
        Assert.Empty(result.Failed);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Every_rule_that_fails_is_named()
    {
        var result = Rules(["veteran"], 18, 45, ["RegisteredResident"], 2).Evaluate(
            Person(["returnee"], born: new DateOnly(1970, 1, 1), residency: "Migrant", lastVoucher: On.AddMonths(-6)), On, Area);
        Assert.Equal(Verdict.NotEligible, result.Verdict);
        Assert.Equal(["too_old", "residency", "not_in_target_group", "voucher_within_years"], result.Failed);
    }

    [Fact]
    public void A_missing_fact_makes_the_verdict_unknown_never_a_silent_no()
    {
        var result = Rules(min: 16, residencies: ["RegisteredResident"], textCode: true).Evaluate(Person(born: null, residency: null, reachable: false) with { BirthDate = null },
            On, Area);
        Assert.Equal(Verdict.Unknown, result.Verdict);
        Assert.Equal(["birthDate", "residency", "phone"], result.Missing);
        Assert.Equal(Verdict.Unknown, EligibilityResult.NotOnLedger.Verdict);
        Assert.Equal(["person"], EligibilityResult.NotOnLedger.Missing);
    }

    [Fact]
    public void A_failed_rule_outweighs_a_missing_fact_and_both_are_reported()
    {
        var result = Rules(["veteran"], textCode: true).Evaluate(Person(reachable: false), On, Area);
        Assert.Equal(Verdict.NotEligible, result.Verdict);
        Assert.Equal(["not_in_target_group"], result.Failed);
        Assert.Equal(["phone"], result.Missing);
    }

    [Fact]
    public void Age_counts_whole_years_on_the_day_and_the_band_is_inclusive()
    {
        var rules = Rules(min: 16, max: 60);
        Assert.Equal(Verdict.Eligible, rules.Evaluate(Person(born: On.AddYears(-16)), On, Area).Verdict);
        Assert.Equal(["too_young"], rules.Evaluate(Person(born: On.AddYears(-16).AddDays(1)), On, Area).Failed);
        Assert.Equal(Verdict.Eligible, rules.Evaluate(Person(born: On.AddYears(-61).AddDays(1)), On, Area).Verdict);
        Assert.Equal(["too_old"], rules.Evaluate(Person(born: On.AddYears(-61)), On, Area).Failed);
    }

    [Fact]
    public void Once_per_years_counts_from_the_last_voucher_to_the_day()
    {
        var rules = Rules(once: 1);
        Assert.Equal(["voucher_within_years"], rules.Evaluate(Person(lastVoucher: On.AddYears(-1).AddDays(1)), On, Area).Failed);
        Assert.Equal(Verdict.Eligible, rules.Evaluate(Person(lastVoucher: On.AddYears(-1)), On, Area).Verdict);
        Assert.Equal(Verdict.Eligible, rules.Evaluate(Person(lastVoucher: null), On, Area).Verdict);
    }

    [Fact]
    public void People_off_the_register_or_outside_the_area_are_not_eligible()
    {
        var rules = Rules();
        Assert.Equal(["not_on_register"], rules.Evaluate(Person(active: false), On, Area).Failed);
        Assert.Equal(["outside_area"], rules.Evaluate(Person(path: "140000000000/141100000000/141102000000/"), On, Area).Failed);
    }

    [Fact]
    public void The_version_in_force_is_the_latest_effective_on_the_day()
    {
        var first = EligibilityRules.Effective(1, new DateOnly(2026, 1, 1), ["veteran"], null, null, null, null, false, "hr", DateTime.UtcNow);
        var second = EligibilityRules.Effective(1, new DateOnly(2026, 7, 1), ["laid_off"], null, null, null, null, false, "hr", DateTime.UtcNow);
        Assert.Same(first, EligibilityRules.InForce([second, first], new DateOnly(2026, 6, 30)));
        Assert.Same(second, EligibilityRules.InForce([second, first], new DateOnly(2026, 7, 1)));
        Assert.Null(EligibilityRules.InForce([second, first], new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void Rules_out_of_range_are_refused_with_every_field()
    {
        var e = Assert.Throws<ValidationException>(() =>
            EligibilityRules.Effective(1, On, ["bad code!"], 70, 20, ["Nowhere 1"], 0, false, "hr", DateTime.UtcNow));
        Assert.Equal(["maxAge", "oncePerYears", "residencies", "targetTags"], e.Fields.Keys.Order());
    }
}
