using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.Training.Contracts;
using GridGov.Modules.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Training.Application;

public sealed record DraftBatch(int ProgrammeId, int ProviderId);

public sealed record BatchStep(BatchAction Action, string? TransferReference = null, string? Reason = null, int? Version = null);

public enum BatchAction
{
    Approve = 1,
    Pay = 2,
    Fail = 3,
    Withdraw = 4,
}

public sealed record BatchLine(long VoucherId, string Code, string PersonName, CertificateLevel? Level, string? CertificateNumber, int Subsidy,
    VoucherState State);

public sealed record BatchView(int Id, string Reference, int ProgrammeId, string ProgrammeName, int ProviderId, string ProviderName, BatchState State,
    int Count, long Total, string CreatedBy, DateTime CreatedAt, string? ApprovedBy, string? PaidBy, DateTime? PaidAt, string? TransferReference,
    string? FailReason, int Attempts, IReadOnlyList<BatchLine> Lines, int Version);

public sealed record BatchRow(int Id, string Reference, int ProgrammeId, int ProviderId, BatchState State, int Count, long Total, DateTime CreatedAt);

/// <summary>
/// Subsidies paid to providers in batches: drafted from the vouchers reviewed and not yet on a
/// batch, approved by a second person, paid once. Paying a paid batch, however often and however
/// many at once, answers the first payment and pays nothing more.
/// </summary>
public sealed class PaymentBook(GridGovDbContext db, CurrentUser user, TimeProvider clock)
{
    public const int MaxLines = 5000;

    public async Task<BatchView> DraftAsync(DraftBatch input, CancellationToken ct)
    {
        user.Require(TrainingPermissions.Review);
        var programme = await db.Set<VoucherProgramme>().ForChangeAsync(p => p.Id == input.ProgrammeId, user, "programme_not_found", input.ProgrammeId, ct);
        if (!await db.Set<TrainingProvider>().AnyAsync(p => p.Id == input.ProviderId, ct)) throw new NotFoundException("provider_not_found", input.ProviderId);
        var vouchers = await db.Set<Voucher>()
            .Where(v => v.ProgrammeId == programme.Id && v.ProviderId == input.ProviderId && v.State == VoucherState.Reviewed && v.BatchId == null)
            .OrderBy(v => v.Id).Take(MaxLines).ToListAsync(ct);
        if (vouchers.Count == 0) throw new ConflictException("nothing_to_pay");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = PaymentBatch.Draft(programme, input.ProviderId, user.UserName, clock.UtcNow());
        db.Add(batch);
        await db.SaveChangesAsync(ct);
        batch.Number();
        batch.Hold(vouchers);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await GetAsync(batch.Id, ct);
    }

    public async Task<BatchView> StepAsync(int id, BatchStep step, CancellationToken ct)
    {
        user.Require(TrainingPermissions.Review);
        try
        {
            await TakeAsync(id, step, ct);
        }
        catch (DbUpdateException) when (step.Action == BatchAction.Pay)
        {
            // Another payment of the same batch won the race: answer what it did.
            db.ChangeTracker.Clear();
            var state = await db.Set<PaymentBatch>().AsNoTracking().Where(b => b.Id == id).Select(b => b.State).FirstAsync(ct);
            if (state != BatchState.Paid) throw new ConflictException("concurrency_conflict");
        }
        return await GetAsync(id, ct);
    }

    private async Task TakeAsync(int id, BatchStep step, CancellationToken ct)
    {
        var batch = await db.Set<PaymentBatch>().ForChangeAsync(b => b.Id == id, user, "batch_not_found", id, ct);
        if (step.Version is { } version) db.Expect(batch, version);
        var now = clock.UtcNow();
        switch (step.Action)
        {
            case BatchAction.Approve: batch.Approve(user.UserName, now); break;
            case BatchAction.Fail: batch.Fail(step.Reason ?? ""); break;
            case BatchAction.Pay:
                if (!batch.Pay(await LinesAsync(id, ct), step.TransferReference ?? "", user.UserName, now)) return;
                break;
            case BatchAction.Withdraw: batch.Withdraw(await LinesAsync(id, ct)); break;
            default: throw new ValidationException("action", "unknown");
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The batch's vouchers, wherever their holders live: a batch pays a provider for all of them.</summary>
    private async Task<List<Voucher>> LinesAsync(int batchId, CancellationToken ct) =>
        await db.Set<Voucher>().OutsideScope("a payment batch holds its provider's vouchers wherever their holders live").Where(v => v.BatchId == batchId)
            .ToListAsync(ct);

    public async Task<BatchView> GetAsync(int id, CancellationToken ct)
    {
        if (!user.Has(TrainingPermissions.View)) user.Require(TrainingPermissions.Provide);
        var b = await db.Set<PaymentBatch>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("batch_not_found", id);
        var names = await db.Set<VoucherProgramme>().AsNoTracking().OutsideScope("a batch names its own programme").Where(p => p.Id == b.ProgrammeId)
            .Select(p => p.Name).FirstAsync(ct);
        var provider = await db.Set<TrainingProvider>().AsNoTracking().OutsideScope("a batch names its own provider").Where(p => p.Id == b.ProviderId)
            .Select(p => p.Name).FirstAsync(ct);
        var lines = await db.Set<Voucher>().AsNoTracking().OutsideScope("a payment batch holds its provider's vouchers wherever their holders live")
            .Where(v => v.BatchId == id).OrderBy(v => v.Id)
            .Select(v => new BatchLine(v.Id, v.Code, v.PersonName, v.Level, v.CertificateNumber, v.Subsidy ?? 0, v.State)).ToListAsync(ct);
        return new BatchView(b.Id, b.Reference, b.ProgrammeId, names, b.ProviderId, provider, b.State, b.Count, b.Total, b.CreatedBy, b.CreatedAt,
            b.ApprovedBy, b.PaidBy, b.PaidAt, b.TransferReference, b.FailReason, b.Attempts, lines, b.Version);
    }

    public async Task<Page<BatchRow>> ListAsync(int? programmeId, BatchState? state, PageRequest page, CancellationToken ct)
    {
        if (!user.Has(TrainingPermissions.View)) user.Require(TrainingPermissions.Provide);
        var rows = db.Set<PaymentBatch>().AsNoTracking();
        if (programmeId is { } p) rows = rows.Where(b => b.ProgrammeId == p);
        if (state is { } s) rows = rows.Where(b => b.State == s);
        return await rows.OrderByDescending(b => b.Id)
            .Select(b => new BatchRow(b.Id, b.Reference, b.ProgrammeId, b.ProviderId, b.State, b.Count, b.Total, b.CreatedAt)).ToPageAsync(page, ct);
    }
}
