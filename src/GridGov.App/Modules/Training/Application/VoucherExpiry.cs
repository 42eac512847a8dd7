using GridGov.Data;
using GridGov.Kernel.Time;
using GridGov.Modules.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Training.Application;

/// <summary>
/// Records the expiry of vouchers left unclaimed or unused past their day, a batch at a time, so
/// lists and counts read it and the person's open slot in the programme is freed. Reads already
/// show a lapsed voucher as expired before this runs.
/// </summary>
public sealed class VoucherExpiry(GridGovDbContext db) : IDeadlineSweep
{
    public const int Batch = 500;

    public async Task<string?> SweepAsync(DateTime now, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(now);
        var expired = 0;
        while (true)
        {
            var lapsed = await db.Set<Voucher>()
                .Where(v => (v.State == VoucherState.Issued || v.State == VoucherState.Claimed) && v.UsableUntil < today)
                .OrderBy(v => v.Id).Take(Batch).ToListAsync(ct);
            if (lapsed.Count == 0) break;
            foreach (var voucher in lapsed) voucher.Expire(now);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            expired += lapsed.Count;
        }
        return expired == 0 ? null : $"{expired} vouchers expired";
    }
}
