using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Kernel.Submissions;

/// <summary>The record a submission saved, and whether this call saved it or found it saved by an earlier try.</summary>
public sealed record Saved(string RecordKey, bool Replayed);

/// <summary>
/// Saves a keyed submission once. The record and its key are written in one transaction, so a
/// retry either finds the key (and the record) or neither; two tries at the same moment meet at
/// the key's unique index, and the loser answers with the winner's record.
/// </summary>
public sealed class SubmittedOnce(GridGovDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <param name="save">Saves the record (calling SaveChanges) and returns its key.</param>
    public async Task<Saved> SaveAsync(string kind, string? clientKey, Func<Task<string>> save, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(clientKey)) return new Saved(await save(), false);
        if (!Submission.IsWellFormed(clientKey)) throw new ValidationException("clientKey", "bad_client_key");
        if (await FindAsync(kind, clientKey, ct) is { } earlier) return earlier;
        var ownTransaction = db.Database.CurrentTransaction is null;
        var tx = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var recordKey = await save();
            db.Add(Submission.Of(user.UserName, clientKey, kind, recordKey, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
            if (tx is not null) await tx.CommitAsync(ct);
            return new Saved(recordKey, false);
        }
        catch (DbUpdateException) when (ownTransaction)
        {
            await tx!.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await FindAsync(kind, clientKey, ct) ?? throw new ConflictException("concurrency_conflict");
        }
        finally
        {
            if (tx is not null) await tx.DisposeAsync();
        }
    }

    private async Task<Saved?> FindAsync(string kind, string clientKey, CancellationToken ct)
    {
        var by = user.UserName;
        var found = await db.Set<Submission>().AsNoTracking().FirstOrDefaultAsync(s => s.SubmittedBy == by && s.ClientKey == clientKey, ct);
        if (found is null) return null;
        if (found.Kind != kind) throw new ConflictException("client_key_reused");
        return new Saved(found.RecordKey, true);
    }
}
