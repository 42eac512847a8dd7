using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.Territory.Contracts;
using GridGov.Modules.Training.Contracts;
using GridGov.Modules.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Training.Application;

public sealed record EligibilityView(int PersonId, string Name, Verdict Verdict, IReadOnlyList<string> Failed, IReadOnlyList<string> Missing,
    DateOnly On, DateOnly? RulesFrom, bool HoldsVoucher = false);

/// <summary>A stretch of the area's people with their verdicts, and where the next stretch starts (null at the end).</summary>
public sealed record EligibilityPage(IReadOnlyList<EligibilityView> Items, int Scanned, int? NextAfter);

/// <summary>How many of an area's people each verdict holds, and how often each rule failed or each fact was missing.</summary>
public sealed record EligibilityCount(int People, int Eligible, int NotEligible, int Unknown, IReadOnlyDictionary<string, int> Reasons);

/// <summary>A person's facts and verdict, as evaluated for a batch.</summary>
internal sealed record Judged(LedgerFacts Facts, EligibilityResult Result);

/// <summary>
/// A programme's rules in force applied to people of the ledger: one person, or an area's people a
/// batch at a time, each with the rule that failed or the fact that was missing.
/// </summary>
public sealed class EligibilityCheck(GridGovDbContext db, CurrentUser user, TimeProvider clock, IProgrammeLedger ledger, ITerritoryDirectory territory)
{
    public const int Batch = 2000;

    public async Task<EligibilityView> PersonAsync(int programmeId, int personId, DateOnly? on, CancellationToken ct)
    {
        user.Require(TrainingPermissions.View);
        var (programme, rules) = await ProgrammeAsync(programmeId, on ?? clock.Today(), ct);
        var day = on ?? clock.Today();
        var facts = await ledger.FactsOfAsync(personId, day, ct) ?? throw new NotFoundException("person_not_found", personId);
        var judged = (await JudgeAsync(programme, rules, [facts], day, ct))[0];
        return View(judged, day, rules) with { HoldsVoucher = (await HeldAsync(programmeId, [personId], ct)).Count > 0 };
    }

    /// <summary>The people under an area (default: the programme's) after a person id, by verdict, until a page is full or a few batches are read.</summary>
    public async Task<EligibilityPage> ListAsync(int programmeId, string? areaCode, Verdict? verdict, int after, int take, CancellationToken ct)
    {
        user.Require(TrainingPermissions.View);
        var day = clock.Today();
        var (programme, rules) = await ProgrammeAsync(programmeId, day, ct);
        var path = await AreaPathAsync(programme, areaCode, ct);
        var items = new List<EligibilityView>();
        var scanned = 0;
        take = Math.Clamp(take, 1, 200);
        for (var round = 0; round < 10 && items.Count < take; round++)
        {
            var facts = await ledger.FactsAsync(path, after, Batch, day, ct);
            if (facts.Count == 0) return new EligibilityPage(await MarkHeldAsync(programmeId, items, ct), scanned, null);
            foreach (var judged in await JudgeAsync(programme, rules, facts, day, ct))
            {
                scanned++;
                after = judged.Facts.PersonId;
                if (verdict is null || judged.Result.Verdict == verdict) items.Add(View(judged, day, rules));
                if (items.Count == take) break;
            }
        }
        return new EligibilityPage(await MarkHeldAsync(programmeId, items, ct), scanned, after);
    }

    private async Task<List<EligibilityView>> MarkHeldAsync(int programmeId, List<EligibilityView> items, CancellationToken ct)
    {
        var held = await HeldAsync(programmeId, items.Select(i => i.PersonId).ToList(), ct);
        return items.Select(i => i with { HoldsVoucher = held.Contains(i.PersonId) }).ToList();
    }

    /// <summary>Those of the people who hold a voucher of the programme that was not cancelled, wherever it was issued.</summary>
    internal async Task<HashSet<int>> HeldAsync(int programmeId, List<int> personIds, CancellationToken ct)
    {
        if (personIds.Count == 0) return [];
        var held = await db.Set<Voucher>().AsNoTracking().OutsideScope("a person holds one voucher of a programme wherever it was issued")
            .Where(v => v.ProgrammeId == programmeId && personIds.Contains(v.PersonId) && v.State != VoucherState.Cancelled)
            .Select(v => v.PersonId).Distinct().ToListAsync(ct);
        return [.. held];
    }

    /// <summary>Every person of an area judged by the rules in force today, counted by verdict and reason: what an issue to the area would meet.</summary>
    public async Task<EligibilityCount> CountAsync(int programmeId, string? areaCode, CancellationToken ct)
    {
        user.Require(TrainingPermissions.View);
        var day = clock.Today();
        var (programme, rules) = await ProgrammeAsync(programmeId, day, ct);
        var path = await AreaPathAsync(programme, areaCode, ct);
        int people = 0, eligible = 0, notEligible = 0, unknown = 0;
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var after = 0; ;)
        {
            var facts = await ledger.FactsAsync(path, after, Batch, day, ct);
            if (facts.Count == 0) break;
            after = facts[^1].PersonId;
            foreach (var judged in await JudgeAsync(programme, rules, facts, day, ct))
            {
                people++;
                var result = judged.Result;
                if (result.Verdict == Verdict.Eligible) { eligible++; continue; }
                if (result.Verdict == Verdict.Unknown) unknown++; else notEligible++;
                foreach (var reason in result.Failed.Concat(result.Missing.Select(m => "missing_" + m))) reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
            }
        }
        return new EligibilityCount(people, eligible, notEligible, unknown, reasons);
    }

    /// <summary>
    /// The rules in force are applied again when a voucher is verified at enrolment: a holder who no
    /// longer passes them (moved out of the area, past the age band, under a new version of the rules)
    /// is refused with the rules that failed. A fact gone missing since the issue does not refuse it.
    /// </summary>
    internal async Task RecheckAtEnrolmentAsync(Voucher voucher, CancellationToken ct)
    {
        var day = clock.Today();
        // One round trip for the programme, its rule versions and the kind's other programmes: this runs inside every verification at the provider's desk.
        var found = await db.Set<VoucherProgramme>().AsNoTracking().OutsideScope("a voucher's own programme decides its enrolment")
            .Where(p => p.Id == voucher.ProgrammeId)
            .Select(p => new
            {
                Programme = p, Versions = db.Set<EligibilityRules>().Where(r => r.ProgrammeId == p.Id).ToList(),
                Others = db.Set<VoucherProgramme>().OutsideScope("the once-per-years rule reads a person's vouchers under every programme of the kind")
                    .Where(o => o.Kind == p.Kind && o.Id != p.Id).Select(o => o.Id).ToList(),
            })
            .FirstAsync(ct);
        var programme = found.Programme;
        if (EligibilityRules.InForce(found.Versions, day) is not { } rules) return;
        var facts = await ledger.FactsOfAsync(voucher.PersonId, day, ct);
        var result = facts is null ? EligibilityResult.NotOnLedger : (await JudgeAsync(programme, rules, [facts], day, ct, found.Others))[0].Result;
        if (result.Verdict == Verdict.NotEligible)
            throw new ConflictException("not_eligible") { Extensions = new Dictionary<string, object?> { ["failed"] = result.Failed, ["missing"] = result.Missing } };
    }

    internal async Task<(VoucherProgramme Programme, EligibilityRules Rules)> ProgrammeAsync(int programmeId, DateOnly on, CancellationToken ct)
    {
        var programme = await db.Set<VoucherProgramme>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId, ct)
            ?? throw new NotFoundException("programme_not_found", programmeId);
        var versions = await db.Set<EligibilityRules>().AsNoTracking().Where(r => r.ProgrammeId == programmeId).ToListAsync(ct);
        var rules = EligibilityRules.InForce(versions, on) ?? throw new ConflictException("no_rules_in_force");
        return (programme, rules);
    }

    /// <summary>An area under the programme's (its own by default), within the caller's view.</summary>
    internal async Task<string> AreaPathAsync(VoucherProgramme programme, string? areaCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(areaCode)) return user.ViewPath is { } view && view.StartsWith(programme.Path, StringComparison.Ordinal) ? view : programme.Path;
        var path = await territory.PathOfAsync(areaCode, ct) ?? throw new ValidationException("areaCode", "unknown_area");
        if (!path.StartsWith(programme.Path, StringComparison.Ordinal)) throw new ValidationException("areaCode", "outside_programme_area");
        return path;
    }

    /// <summary>Every person's verdict, with the last voucher each had under a programme of the same kind read in one query.</summary>
    internal async Task<IReadOnlyList<Judged>> JudgeAsync(VoucherProgramme programme, EligibilityRules rules, IReadOnlyList<LedgerFacts> facts, DateOnly on,
        CancellationToken ct, IReadOnlyCollection<int>? otherProgrammesOfKind = null)
    {
        var last = rules.OncePerYears is null ? [] : await LastVouchersAsync(programme, facts.Select(f => f.PersonId).ToList(), otherProgrammesOfKind, ct);
        return facts.Select(f => new Judged(f, rules.Evaluate(Facts(f, last.TryGetValue(f.PersonId, out var d) ? d : null), on, programme.Path))).ToList();
    }

    private static PersonFacts Facts(LedgerFacts f, DateOnly? lastVoucher) =>
        new(f.PersonId, f.IsActive, f.Path, f.BirthDate, f.Residency, f.Tags.ToHashSet(StringComparer.Ordinal), f.CanReceiveText, lastVoucher);

    /// <summary>
    /// The day each person was last issued a voucher, not cancelled or let expire, under another
    /// programme of the kind, wherever it was issued (one of this programme is a voucher held, not a rule failed).
    /// </summary>
    private async Task<Dictionary<int, DateOnly>> LastVouchersAsync(VoucherProgramme programme, List<int> personIds,
        IReadOnlyCollection<int>? otherProgrammesOfKind, CancellationToken ct)
    {
        var kind = programme.Kind;
        var own = programme.Id;
        // The kind's other programmes are read first (unless the caller has them): a few rows, and none
        // at all in a county's first programme of a kind. Joined in one statement instead, the planner
        // scanned the vouchers an issue was still writing, batch after batch, and a bulk issue took minutes.
        var others = otherProgrammesOfKind?.ToList() ?? await db.Set<VoucherProgramme>().AsNoTracking()
            .OutsideScope("the once-per-years rule reads a person's vouchers under every programme of the kind")
            .Where(p => p.Kind == kind && p.Id != own).Select(p => p.Id).ToListAsync(ct);
        if (others.Count == 0) return [];
        var rows = await db.Set<Voucher>().AsNoTracking().OutsideScope("the once-per-years rule reads a person's vouchers wherever they were issued")
            .Where(v => personIds.Contains(v.PersonId) && others.Contains(v.ProgrammeId) && v.State != VoucherState.Cancelled && v.State != VoucherState.Expired)
            .GroupBy(v => v.PersonId).Select(g => new { g.Key, Last = g.Max(v => v.IssuedOn) }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => r.Last);
    }

    private static EligibilityView View(Judged judged, DateOnly on, EligibilityRules rules) =>
        new(judged.Facts.PersonId, judged.Facts.Name, judged.Result.Verdict, judged.Result.Failed, judged.Result.Missing, on, rules.EffectiveFrom);
}
