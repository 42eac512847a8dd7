using GridGov.Kernel.Scoping;
using GridGov.Modules.Audit.Contracts;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GridGov.Kernel.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;

using GridGov.Data;

namespace GridGov.Modules.Audit.Application;

public sealed record ChainBreak(string Trail, long FromId, long ToId, DateTime SealedAt, string Reason);

public sealed record TrailState(string Trail, int Links, long SealedThrough, long Unsealed, ChainBreak? Break);

public sealed record ChainReport(bool Intact, IReadOnlyList<TrailState> Trails, ChainBreak? FirstBreak, DateTime CheckedAt);

/// <summary>
/// Hash-chains every audit trail: the change log and each record type marked
/// <see cref="IAuditTrail"/> (views, reveals, exports, sign-in events). Rows are sealed in blocks,
/// a little while after they are written (<c>Audit:SealLagMinutes</c>, 10, so that no transaction
/// still open can commit a row into a sealed range); verifying recomputes every block and names
/// the first link that no longer matches.
/// </summary>
public sealed class AuditChain(GridGovDbContext db, IConfiguration config, TimeProvider clock)
{
    private const int BlockRows = 1000;

    private TimeSpan Lag => TimeSpan.FromMinutes(Math.Max(0, config.GetValue("Audit:SealLagMinutes", 10.0)));

    /// <summary>The audit tables, found in the model: modules declare a trail by marking its record type.</summary>
    public IReadOnlyList<IEntityType> Trails => db.Model.GetEntityTypes()
        .Where(t => t.ClrType == typeof(ChangeRecord) || typeof(IAuditTrail).IsAssignableFrom(t.ClrType))
        .OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();

    /// <summary>Seals every row old enough, on every trail; answers how many rows were sealed.</summary>
    public async Task<int> SealAsync(CancellationToken ct)
    {
        var sealedRows = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One sealer at a time, across every instance of the app.
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(20261201)", ct);
        var cutoff = clock.GetUtcNow().UtcDateTime - Lag;
        foreach (var trail in Trails) sealedRows += await SealTrailAsync(trail, cutoff, ct);
        await tx.CommitAsync(ct);
        return sealedRows;
    }

    private async Task<int> SealTrailAsync(IEntityType trail, DateTime cutoff, CancellationToken ct)
    {
        var name = trail.GetTableName()!;
        var last = await db.Set<AuditSeal>().Where(s => s.Trail == name).OrderByDescending(s => s.ToId).FirstOrDefaultAsync(ct);
        var (from, previous) = (last?.ToId ?? 0, last?.Hash ?? AuditSeal.Genesis);
        var total = 0;
        while (true)
        {
            var rows = await RowsAsync(trail, from, long.MaxValue, cutoff, BlockRows, ct);
            if (rows.Count == 0) return total;
            var hash = Hash(previous, rows.Select(r => r.Canonical));
            db.Add(AuditSeal.Link(name, rows[0].Id, rows[^1].Id, rows.Count, previous, hash, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
            (from, previous, total) = (rows[^1].Id, hash, total + rows.Count);
        }
    }

    /// <summary>The chain's state for a person: an audit administrator, and no one else.</summary>
    public Task<ChainReport> VerifyForAsync(Kernel.Security.CurrentUser user, CancellationToken ct)
    {
        user.Require(AuditPermissions.Verify);
        return VerifyAsync(ct);
    }

    /// <summary>Recomputes every trail's chain: for the system (the <c>verify-audit</c> command) and <see cref="VerifyForAsync"/>.</summary>
    public async Task<ChainReport> VerifyAsync(CancellationToken ct)
    {
        ChainBreak? first = null;
        var states = new List<TrailState>();
        foreach (var trail in Trails)
        {
            var name = trail.GetTableName()!;
            var seals = await db.Set<AuditSeal>().AsNoTracking().Where(s => s.Trail == name).OrderBy(s => s.ToId).ToListAsync(ct);
            var (previous, through) = (AuditSeal.Genesis, 0L);
            ChainBreak? broken = null;
            foreach (var seal in seals)
            {
                var reason = seal.PreviousHash != previous ? "link_missing"
                    : await RowsAsync(trail, through, seal.ToId, null, int.MaxValue, ct) is var rows && Hash(previous, rows.Select(r => r.Canonical)) != seal.Hash
                        ? "rows_changed" : null;
                if (reason is not null)
                {
                    broken = new ChainBreak(name, seal.FromId, seal.ToId, seal.SealedAt, reason);
                    break;
                }
                (previous, through) = (seal.Hash, seal.ToId);
            }
            first ??= broken;
            var unsealed = await CountAfterAsync(trail, seals.Count == 0 ? 0 : seals[^1].ToId, ct);
            states.Add(new TrailState(name, seals.Count, through, unsealed, broken));
        }
        return new ChainReport(first is null, states, first, clock.GetUtcNow().UtcDateTime);
    }

    private sealed record Row(long Id, string Canonical);

    /// <summary>Rows with <paramref name="afterId"/> &lt; Id ≤ <paramref name="throughId"/>, in id order, each as one canonical line.</summary>
    private async Task<List<Row>> RowsAsync(IEntityType trail, long afterId, long throughId, DateTime? before, int take, CancellationToken ct)
    {
        var method = typeof(AuditChain).GetMethod(nameof(RowsOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        return await (Task<List<Row>>)method.MakeGenericMethod(trail.ClrType).Invoke(this, [trail, afterId, throughId, before, take, ct])!;
    }

    private async Task<List<Row>> RowsOfAsync<T>(IEntityType trail, long afterId, long throughId, DateTime? before, int take, CancellationToken ct)
        where T : class
    {
        var query = db.Set<T>().OutsideScope("the chain covers every audit record").AsNoTracking()
            .Where(e => EF.Property<long>(e, "Id") > afterId && EF.Property<long>(e, "Id") <= throughId);
        if (before is { } cutoff) query = query.Where(e => EF.Property<DateTime>(e, "At") < cutoff);
        var rows = await query.OrderBy(e => EF.Property<long>(e, "Id")).Take(take).ToListAsync(ct);
        var properties = trail.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        return rows.Select(r => new Row((long)properties.Single(p => p.Name == "Id").GetGetter().GetClrValue(r)!,
            string.Join('\u001f', properties.Select(p => (p, Value: p.GetGetter().GetClrValue(r)))
                .Where(x => x.Value is not null || x.p.PropertyInfo?.IsDefined(typeof(AddedToTrailAttribute), false) != true)
                .Select(x => Canonical(x.Value))))).ToList();
    }

    private async Task<long> CountAfterAsync(IEntityType trail, long afterId, CancellationToken ct)
    {
        var method = typeof(AuditChain).GetMethod(nameof(CountAfterOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        return await (Task<long>)method.MakeGenericMethod(trail.ClrType).Invoke(this, [afterId, ct])!;
    }

    private Task<long> CountAfterOfAsync<T>(long afterId, CancellationToken ct) where T : class =>
        db.Set<T>().OutsideScope("the chain covers every audit record").LongCountAsync(e => EF.Property<long>(e, "Id") > afterId, ct);

    /// <summary>The same text for the same value on either provider: times to the microsecond PostgreSQL keeps, without their kind.</summary>
    private static string Canonical(object? value) => value switch
    {
        null => "\u2400",
        DateTime t => new DateTime(t.Ticks - t.Ticks % 10, DateTimeKind.Unspecified).ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Hash(string previous, IEnumerable<string> rows)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.ASCII.GetBytes(previous));
        foreach (var row in rows)
        {
            sha.AppendData("\n"u8);
            sha.AppendData(Encoding.UTF8.GetBytes(row));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
