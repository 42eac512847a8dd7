using System.Globalization;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Submissions;
using GridGov.Kernel.Time;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.Training.Contracts;
using GridGov.Modules.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Training.Application;

public sealed record IssueOne(int PersonId, string? ClientKey = null);

public sealed record IssueEligible(string? AreaCode = null, string? ClientKey = null);

/// <summary>What became of one row of an uploaded list.</summary>
public sealed record ListOutcome(string Kind, string? Code = null, string? Detail = null)
{
    public static readonly ListOutcome Issued = new("issued");
    public static readonly ListOutcome Held = new("held");

    public static ListOutcome Refused(string code, string? detail = null) => new("refused", code, detail);
}

/// <summary>
/// What an issue over many people did: how many were considered, issued, skipped for holding one,
/// refused, unknown or past the budget, and why. Once the budget is spent the issue stops, so the
/// people considered may be fewer than the area's.
/// </summary>
public sealed record IssueSummary(int Considered, int Issued, int AlreadyHeld, int NotEligible, int Unknown, int OverBudget,
    IReadOnlyDictionary<string, int> Reasons);

/// <summary>
/// Issues vouchers, always after the rules in force are applied again that day: to one person, to
/// the eligible people of an area, or to the people of an uploaded list. Nobody is issued a second
/// voucher of a programme (unless the first was cancelled), so issuing from the same list twice
/// issues nothing the second time.
/// </summary>
public sealed class VoucherIssuer(GridGovDbContext db, CurrentUser user, TimeProvider clock, IProgrammeLedger ledger, EligibilityCheck eligibility,
    ProgrammeBook programmes, SubmittedOnce once)
{
    public async Task<long> IssueAsync(int programmeId, IssueOne input, CancellationToken ct)
    {
        user.Require(TrainingPermissions.Manage);
        var saved = await once.SaveAsync("voucher-issue", input.ClientKey, async () =>
        {
            var day = clock.Today();
            var (programme, rules) = await eligibility.ProgrammeAsync(programmeId, day, ct);
            var facts = await ledger.FactsOfAsync(input.PersonId, day, ct) ?? throw new NotFoundException("person_not_found", input.PersonId);
            var judged = (await eligibility.JudgeAsync(programme, rules, [facts], day, ct))[0];
            if (judged.Result.Verdict != Verdict.Eligible)
                throw new ConflictException(judged.Result.Verdict == Verdict.Unknown ? "eligibility_unknown" : "not_eligible")
                {
                    Extensions = new Dictionary<string, object?> { ["failed"] = judged.Result.Failed, ["missing"] = judged.Result.Missing },
                };
            if ((await eligibility.HeldAsync(programmeId, [facts.PersonId], ct)).Count > 0) throw new ConflictException("voucher_already_issued");
            var issued = await WriteAsync(programmeId, [facts], day, ct);
            return issued[0].ToString(CultureInfo.InvariantCulture);
        }, ct);
        return long.Parse(saved.RecordKey, CultureInfo.InvariantCulture);
    }

    /// <summary>The eligible people of an area who hold no voucher of the programme yet, as far as the budget goes, in one transaction.</summary>
    public async Task<IssueSummary> IssueEligibleAsync(int programmeId, IssueEligible input, CancellationToken ct)
    {
        user.Require(TrainingPermissions.Manage);
        var day = clock.Today();
        var (programme, rules) = await eligibility.ProgrammeAsync(programmeId, day, ct);
        var path = await eligibility.AreaPathAsync(programme, input.AreaCode, ct);
        var tally = new Tally();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var committed = await programmes.CommittedAsync(programme.Id, ct);
        programme.CheckIssue(day, committed, 0);
        var room = programme.RoomFor(committed);
        // Once the budget is spent, the rest of the area is left unread: nobody more could be issued one.
        for (var after = 0; room > 0;)
        {
            var facts = await ledger.FactsAsync(path, after, EligibilityCheck.Batch, day, ct);
            if (facts.Count == 0) break;
            after = facts[^1].PersonId;
            var chosen = await ChooseAsync(programme, rules, facts, day, tally, ct);
            var fits = (int)Math.Min(chosen.Count, room);
            tally.OverBudget += chosen.Count - fits;
            room -= fits;
            var issued = await BulkWriteAsync(programme.Id, chosen.Take(fits).ToList(), day, committed, ct);
            // Within this transaction the issue is the programme's only spender: its running total stands for a recount.
            committed += (long)programme.FaceValue * issued;
            tally.Issued += issued;
        }
        await BulkWriter.ResetIdentityAsync<Voucher>(db, ct);
        await BulkWriter.ResetIdentityAsync<VoucherStep>(db, ct);
        await BulkWriter.ResetIdentityAsync<Kernel.Auditing.ChangeRecord>(db, ct);
        await tx.CommitAsync(ct);
        return tally.Summary();
    }

    /// <summary>
    /// A chunk of an uploaded list, matched on the ledger by ID number: each row's person is issued a
    /// voucher (when the run writes), already holds one, or is refused with the reason.
    /// </summary>
    internal async Task<IReadOnlyDictionary<int, ListOutcome>> IssueListAsync(VoucherProgramme programme, EligibilityRules rules,
        IReadOnlyList<(int Row, string IdNumber)> rows, bool write, CancellationToken ct)
    {
        var day = clock.Today();
        var found = await ledger.FindByIdNumbersAsync(rows.Select(r => r.IdNumber).ToList(), ct);
        var outcomes = new Dictionary<int, ListOutcome>();
        var facts = new List<LedgerFacts>();
        foreach (var (row, idNumber) in rows)
        {
            if (!found.TryGetValue(idNumber, out var personId)) outcomes[row] = ListOutcome.Refused("not_on_ledger");
            else facts.Add(await ledger.FactsOfAsync(personId, day, ct) ?? throw new NotFoundException("person_not_found", personId));
        }
        var rowOf = rows.Where(r => found.ContainsKey(r.IdNumber)).ToDictionary(r => found[r.IdNumber], r => r.Row);
        var judged = await eligibility.JudgeAsync(programme, rules, facts, day, ct);
        foreach (var j in judged.Where(j => j.Result.Verdict != Verdict.Eligible))
            outcomes[rowOf[j.Facts.PersonId]] = ListOutcome.Refused(j.Result.Verdict == Verdict.Unknown ? "eligibility_unknown" : "not_eligible",
                string.Join(",", j.Result.Failed.Concat(j.Result.Missing)));
        var eligible = judged.Where(j => j.Result.Verdict == Verdict.Eligible).Select(j => j.Facts).ToList();
        var held = await eligibility.HeldAsync(programme.Id, eligible.Select(f => f.PersonId).ToList(), ct);
        var fresh = eligible.Where(f => !held.Contains(f.PersonId)).ToList();
        if (write) await WriteAsync(programme.Id, fresh, day, ct);
        foreach (var f in eligible) outcomes[rowOf[f.PersonId]] = held.Contains(f.PersonId) ? ListOutcome.Held : ListOutcome.Issued;
        return outcomes;
    }

    private async Task<List<LedgerFacts>> ChooseAsync(VoucherProgramme programme, EligibilityRules rules, IReadOnlyList<LedgerFacts> facts, DateOnly day,
        Tally tally, CancellationToken ct)
    {
        var judged = await eligibility.JudgeAsync(programme, rules, facts, day, ct);
        tally.Considered += judged.Count;
        foreach (var j in judged.Where(j => j.Result.Verdict != Verdict.Eligible))
        {
            if (j.Result.Verdict == Verdict.Unknown) tally.Unknown++; else tally.NotEligible++;
            foreach (var reason in j.Result.Failed.Concat(j.Result.Missing.Select(m => "missing_" + m))) tally.Reasons[reason] = tally.Reasons.GetValueOrDefault(reason) + 1;
        }
        var eligible = judged.Where(j => j.Result.Verdict == Verdict.Eligible).Select(j => j.Facts).ToList();
        var held = await eligibility.HeldAsync(programme.Id, eligible.Select(f => f.PersonId).ToList(), ct);
        tally.AlreadyHeld += held.Count;
        return eligible.Where(f => !held.Contains(f.PersonId)).ToList();
    }

    /// <summary>
    /// Vouchers for many people at once, through the same domain call as one: written in bulk with
    /// ids drawn for them, their issue steps and their change-log records beside them, as the
    /// ledger's import writes people. The programme is changed through its save, so two issues at
    /// once still meet on its version.
    /// </summary>
    private async Task<int> BulkWriteAsync(int programmeId, IReadOnlyList<LedgerFacts> people, DateOnly day, long committed, CancellationToken ct)
    {
        if (people.Count == 0) return 0;
        if (!people.All(p => user.CanCapture(p.Path))) throw new ForbiddenException("outside_capture_scope");
        var programme = await db.Set<VoucherProgramme>().ForChangeAsync(p => p.Id == programmeId, user, "programme_not_found", programmeId, ct);
        var now = clock.UtcNow();
        programme.CheckIssue(day, committed, people.Count);
        programme.RecordIssue(now);
        await db.SaveChangesAsync(ct);
        var voucherIds = await BulkWriter.ReserveIdsAsync<Voucher>(db, people.Count, ct);
        var stepIds = await BulkWriter.ReserveIdsAsync<VoucherStep>(db, people.Count, ct);
        var vouchers = people.Select((p, i) => Voucher.Issue(programme, p.PersonId, p.Name, p.Path, user.UserName, now, day).WithId(voucherIds[i], stepIds[i]))
            .ToList();
        await BulkWriter.InsertAsync(db, vouchers, ct);
        await BulkWriter.InsertAsync(db, vouchers.Select(v => v.Steps[0]), ct);
        var recordIds = await BulkWriter.ReserveIdsAsync<Kernel.Auditing.ChangeRecord>(db, vouchers.Count, ct);
        await BulkWriter.InsertAsync(db, vouchers.Select((v, i) =>
        {
            var record = ChangeTracking.Added(db, v, user, now);
            record.Id = recordIds[i];
            return record;
        }), ct);
        db.ChangeTracker.Clear();
        return vouchers.Count;
    }

    /// <param name="committed">What the programme has committed, when the caller keeps the count; otherwise it is summed again.</param>
    private async Task<IReadOnlyList<long>> WriteAsync(int programmeId, IReadOnlyList<LedgerFacts> people, DateOnly day, CancellationToken ct, long? committed = null)
    {
        if (people.Count == 0) return [];
        var programme = await db.Set<VoucherProgramme>().ForChangeAsync(p => p.Id == programmeId, user, "programme_not_found", programmeId, ct);
        var now = clock.UtcNow();
        programme.CheckIssue(day, committed ?? await programmes.CommittedAsync(programmeId, ct), people.Count);
        programme.RecordIssue(now);
        var vouchers = people.Select(p => Voucher.Issue(programme, p.PersonId, p.Name, p.Path, user.UserName, now, day)).ToList();
        db.AddRange(vouchers);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return vouchers.Select(v => v.Id).ToList();
    }

    private sealed class Tally
    {
        public int Considered, Issued, AlreadyHeld, NotEligible, Unknown, OverBudget;
        public readonly Dictionary<string, int> Reasons = new(StringComparer.Ordinal);

        public IssueSummary Summary() => new(Considered, Issued, AlreadyHeld, NotEligible, Unknown, OverBudget, Reasons);
    }
}
