using System.Globalization;
using System.Linq.Expressions;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Submissions;
using GridGov.Kernel.Time;
using GridGov.Modules.Training.Contracts;
using GridGov.Modules.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Training.Application;

public sealed record StepView(int Sequence, VoucherAction Action, VoucherState From, VoucherState To, string By, DateTime At, string? Note, string? Detail);

public sealed record VoucherView(long Id, string Code, int ProgrammeId, int PersonId, string PersonName, VoucherState State, int FaceValue, int Balance,
    DateOnly IssuedOn, DateOnly? UsableUntil, int? ProviderId, int? ClassId, CertificateLevel? Level, string? CertificateNumber, int? Subsidy,
    int? BatchId, string? EndReason, IReadOnlyList<VoucherAction> Allowed, IReadOnlyList<StepView> Steps, int Version);

public sealed record VoucherRow(long Id, string Code, int ProgrammeId, int PersonId, string PersonName, VoucherState State, int FaceValue,
    DateOnly IssuedOn, DateOnly? UsableUntil, int? ClassId, CertificateLevel? Level, int? Subsidy, int? BatchId);

/// <summary>What a voucher figure counts: vouchers issued in a period (by the day of issue), or paid in it (by the day the batch paid).</summary>
public enum VoucherMeasure
{
    Issued = 1,
    Paid = 2,
}

/// <param name="Under">Only the vouchers of people under this path.</param>
/// <param name="Measure">With <paramref name="From"/> and <paramref name="To"/>: issued or paid in that period.</param>
public sealed record VoucherQuery(int? ProgrammeId = null, VoucherState? State = null, int? ClassId = null, int? ProviderId = null, string? Search = null,
    string? Under = null, VoucherMeasure? Measure = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>Vouchers issued and paid under an area in a period, and the subsidy paid, in yuan.</summary>
public sealed record VoucherCounts(int Issued, int Paid, long SubsidyPaid);

public sealed record BureauStep(VoucherAction Action, string? Reason = null, int? Version = null, string? ClientKey = null);

/// <summary>Vouchers in the caller's view (a provider's staff: their provider's only), and the bureau's steps on them.</summary>
public sealed class VoucherBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, SubmittedOnce once)
{
    public async Task<VoucherView> GetAsync(long id, CancellationToken ct)
    {
        TrainingPermissions.RequireCountedReader(user);
        var voucher = await db.Set<Voucher>().AsNoTracking().Include(v => v.Steps).FirstOrDefaultAsync(v => v.Id == id, ct)
            ?? throw new NotFoundException("voucher_not_found", id);
        return View(voucher, clock.Today(), ActorsOf(user));
    }

    public async Task<Page<VoucherRow>> ListAsync(VoucherQuery query, PageRequest page, CancellationToken ct)
    {
        TrainingPermissions.RequireCountedReader(user);
        var today = clock.Today();
        return await Filtered(query, today).OrderByDescending(v => v.Id).Select(Row(today)).ToPageAsync(page, ct);
    }

    /// <summary>The list exactly as on the screen, newest first, up to a limit: for the export.</summary>
    internal async Task<IReadOnlyList<VoucherRow>> AllAsync(VoucherQuery query, int limit, CancellationToken ct)
    {
        TrainingPermissions.RequireCountedReader(user);
        var today = clock.Today();
        return await Filtered(query, today).OrderByDescending(v => v.Id).Take(limit).Select(Row(today)).ToListAsync(ct);
    }

    private IQueryable<Voucher> Filtered(VoucherQuery query, DateOnly today)
    {
        var rows = db.Set<Voucher>().AsNoTracking();
        if (query.ProgrammeId is { } p) rows = rows.Where(v => v.ProgrammeId == p);
        if (query.ClassId is { } c) rows = rows.Where(v => v.ClassId == c);
        if (query.ProviderId is { } pr) rows = rows.Where(v => v.ProviderId == pr);
        if (query.Under is { } under) rows = rows.Where(v => v.Path.StartsWith(under));
        rows = Measured(rows, query.Measure, query.From, query.To);
        rows = query.State switch
        {
            null => rows,
            // Lapsed vouchers read as expired before the sweep records it.
            VoucherState.Expired => rows.Where(v => v.State == VoucherState.Expired
                || ((v.State == VoucherState.Issued || v.State == VoucherState.Claimed) && v.UsableUntil < today)),
            VoucherState.Issued or VoucherState.Claimed => rows.Where(v => v.State == query.State && !(v.UsableUntil < today)),
            var s => rows.Where(v => v.State == s),
        };
        if (string.IsNullOrWhiteSpace(query.Search)) return rows;
        var text = query.Search.Trim();
        var code = Voucher.NormaliseCode(text);
        return rows.Where(v => v.PersonName.Contains(text) || (code != null && v.Code == code));
    }

    /// <summary>Issued and paid under an area in a period, in one pass over the area's vouchers: what a bulletin reads for each unit.</summary>
    internal async Task<VoucherCounts> CountsUnderAsync(string path, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var (start, end) = (from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue);
        var (paidFrom, paidUntil) = PaidBounds(from, to);
        var counts = await db.Set<Voucher>().AsNoTracking().Where(v => v.Path.StartsWith(path)).GroupBy(_ => 1).Select(g => new
        {
            Issued = g.Count(v => v.IssuedOn >= start && v.IssuedOn <= end),
            Paid = g.Count(v => v.PaidAt != null && (paidFrom == null || v.PaidAt >= paidFrom) && (paidUntil == null || v.PaidAt < paidUntil)),
            Subsidy = g.Sum(v => v.PaidAt != null && (paidFrom == null || v.PaidAt >= paidFrom) && (paidUntil == null || v.PaidAt < paidUntil)
                ? (long?)v.Subsidy : 0),
        }).FirstOrDefaultAsync(ct);
        return counts is null ? new VoucherCounts(0, 0, 0) : new VoucherCounts(counts.Issued, counts.Paid, counts.Subsidy ?? 0);
    }

    private static IQueryable<Voucher> Measured(IQueryable<Voucher> rows, VoucherMeasure? measure, DateOnly? from, DateOnly? to)
    {
        if (measure is null) return rows;
        if (measure == VoucherMeasure.Issued)
        {
            var (start, end) = (from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue);
            return rows.Where(v => v.IssuedOn >= start && v.IssuedOn <= end);
        }
        var (paidFrom, paidUntil) = PaidBounds(from, to);
        return rows.Where(v => v.PaidAt != null && (paidFrom == null || v.PaidAt >= paidFrom) && (paidUntil == null || v.PaidAt < paidUntil));
    }

    /// <summary>A payment is stamped with its instant: the period's county days, from the first's midnight to the midnight after the last.</summary>
    private static (DateTime? From, DateTime? Until) PaidBounds(DateOnly? from, DateOnly? to) =>
        (from is { } f ? ChinaTime.StartOf(f) : null, to is { } t && t < DateOnly.MaxValue ? ChinaTime.StartOf(t.AddDays(1)) : null);

    /// <summary>The bureau's steps: Cancel (a reason), Review (a second person fixes the subsidy), Return (back to the provider, a reason).</summary>
    public async Task<VoucherView> StepAsync(long id, BureauStep step, CancellationToken ct)
    {
        user.Require(step.Action == VoucherAction.Cancel ? TrainingPermissions.Manage : TrainingPermissions.Review);
        var saved = await once.SaveAsync("voucher-step", step.ClientKey, async () =>
        {
            var voucher = await db.Set<Voucher>().ForChangeAsync(v => v.Id == id, user, "voucher_not_found", id, ct);
            if (step.Version is { } version) db.Expect(voucher, version);
            var now = clock.UtcNow();
            switch (step.Action)
            {
                case VoucherAction.Cancel: voucher.Cancel(step.Reason ?? "", user.UserName, now, step.ClientKey); break;
                case VoucherAction.Review:
                    var programme = await db.Set<VoucherProgramme>().AsNoTracking().OutsideScope("a voucher's own programme prices its review")
                        .FirstAsync(p => p.Id == voucher.ProgrammeId, ct);
                    voucher.Review(programme.SubsidyTable, user.UserName, now, step.ClientKey);
                    break;
                case VoucherAction.Return:
                    voucher.Return(step.Reason ?? "", user.UserName, now, step.ClientKey);
                    break;
                default: throw new ValidationException("action", "not_a_bureau_step");
            }
            await db.SaveChangesAsync(ct);
            return voucher.Id.ToString(CultureInfo.InvariantCulture);
        }, ct);
        return await GetAsync(long.Parse(saved.RecordKey, CultureInfo.InvariantCulture), ct);
    }

    /// <summary>What the caller may be offered on a voucher: the bureau's steps for its staff, the provider's for a provider's.</summary>
    internal static IReadOnlyCollection<VoucherActor> ActorsOf(CurrentUser user)
    {
        var actors = new List<VoucherActor>();
        if (user.Has(TrainingPermissions.Manage) || user.Has(TrainingPermissions.Review)) actors.Add(VoucherActor.Bureau);
        if (user.Has(TrainingPermissions.Provide)) actors.Add(VoucherActor.Provider);
        if (user.Roles.Contains(Roles.Trainee)) actors.Add(VoucherActor.Trainee);
        return actors;
    }

    internal static VoucherView View(Voucher v, DateOnly today, IReadOnlyCollection<VoucherActor> actors) =>
        new(v.Id, v.Code, v.ProgrammeId, v.PersonId, v.PersonName, v.StateOn(today), v.FaceValue, v.BalanceOn(today), v.IssuedOn, v.UsableUntil,
            v.ProviderId, v.ClassId, v.Level, v.CertificateNumber, v.Subsidy, v.BatchId, v.EndReason,
            v.IsLapsedOn(today) ? [] : v.Allowed(actors),
            v.Steps.OrderBy(s => s.Sequence).Select(s => new StepView(s.Sequence, s.Action, s.From, s.To, s.By, s.At, s.Note, s.Detail)).ToList(), v.Version);

    private static Expression<Func<Voucher, VoucherRow>> Row(DateOnly today) => v => new VoucherRow(v.Id, v.Code, v.ProgrammeId, v.PersonId, v.PersonName,
        (v.State == VoucherState.Issued || v.State == VoucherState.Claimed) && v.UsableUntil < today ? VoucherState.Expired : v.State,
        v.FaceValue, v.IssuedOn, v.UsableUntil, v.ClassId, v.Level, v.Subsidy, v.BatchId);
}
