using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.Training.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Modules.Training.Application;

public sealed record AskClaimCode(string Code, string IdNumber);

public sealed record ClaimVoucher(string Code, string IdNumber, string TextCode, string? ClientKey = null);

/// <summary>A voucher as its holder sees it: what it is worth, until when, and the class it bought.</summary>
public sealed record TraineeVoucher(string Code, string ProgrammeName, string PersonName, VoucherState State, int FaceValue, int Balance, DateOnly IssuedOn,
    DateOnly? UsableUntil, string? ClassName, string? ProviderName, DateOnly? ClassStarts, DateOnly? ClassEnds, CertificateLevel? Level, int? Subsidy);

/// <summary>The holder's pass (kept by the phone, shown with each later look) and their voucher.</summary>
public sealed record ClaimResult(string Pass, TraineeVoucher Voucher, bool Replayed);

/// <summary>
/// A resident claims their voucher (领用) with no app and no account: the voucher's code (from the
/// link or QR code they were sent), their ID number, and a code texted to the phone the ledger
/// holds. Every failure answers the same, so the form tells nobody whose voucher a code is. The
/// claim acts as the trainee, whose scope is the voucher's own place, and leaves them a signed pass.
/// </summary>
public sealed class VoucherClaims(GridGovDbContext db, TimeProvider clock, IServiceScopeFactory scopes, IDataProtectionProvider protection)
{
    public static readonly TimeSpan PassLifetime = TimeSpan.FromDays(30);

    private ITimeLimitedDataProtector Passes => protection.CreateProtector("GridGov.Training.TraineePass").ToTimeLimitedDataProtector();

    /// <summary>Sends a code when the voucher is open to a claim and the ID number is its holder's; answers nothing either way.</summary>
    public async Task AskCodeAsync(AskClaimCode input, CancellationToken ct)
    {
        if (await FindAsync(input.Code, ct) is not { } voucher || voucher.StateOn(clock.Today()) != VoucherState.Issued) return;
        await using var scope = AsTrainee(voucher);
        var tdb = scope.ServiceProvider.GetRequiredService<GridGovDbContext>();
        var ledger = scope.ServiceProvider.GetRequiredService<IProgrammeLedger>();
        if (!await IsHolderAsync(ledger, voucher, input.IdNumber, ct)) return;
        var now = clock.UtcNow();
        var hourAgo = now.AddHours(-1);
        if (await tdb.Set<ClaimChallenge>().CountAsync(c => c.VoucherId == voucher.Id && c.CreatedAt > hourAgo, ct) >= ClaimChallenge.MaxPerHour) return;
        var (challenge, code) = ClaimChallenge.Issue(voucher.Id, now);
        tdb.Add(challenge);
        await tdb.SaveChangesAsync(ct);
        await ledger.SendTextAsync(voucher.PersonId, $"您的职业技能培训券领取验证码为 {code}，{(int)ClaimChallenge.Lifetime.TotalMinutes} 分钟内有效。如非本人操作请忽略。", ct);
    }

    public async Task<ClaimResult> ClaimAsync(ClaimVoucher input, CancellationToken ct)
    {
        var voucher = await FindAsync(input.Code, ct) ?? throw NotConfirmed();
        await using var scope = AsTrainee(voucher);
        var tdb = scope.ServiceProvider.GetRequiredService<GridGovDbContext>();
        var ledger = scope.ServiceProvider.GetRequiredService<IProgrammeLedger>();
        if (!await IsHolderAsync(ledger, voucher, input.IdNumber, ct)) throw NotConfirmed();
        if (await ReplayedAsync(tdb, voucher, input.ClientKey, ct)) return new ClaimResult(PassFor(voucher), await ViewAsync(tdb, voucher.Id, ct), true);
        var now = clock.UtcNow();
        var challenge = await tdb.Set<ClaimChallenge>().Where(c => c.VoucherId == voucher.Id && c.UsedAt == null && c.ExpiresAt > now)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct) ?? throw NotConfirmed();
        var matched = challenge.Try(input.TextCode, now);
        if (matched)
        {
            var tracked = await tdb.Set<Voucher>().FirstAsync(v => v.Id == voucher.Id, ct);
            tracked.Claim(TraineeName(voucher), now, clock.Today(), input.ClientKey);
        }
        await tdb.SaveChangesAsync(ct);
        if (!matched) throw NotConfirmed();
        return new ClaimResult(PassFor(voucher), await ViewAsync(tdb, voucher.Id, ct), false);
    }

    /// <summary>The voucher a pass was given for, as its holder sees it; 401 when the pass is missing, forged or out of date.</summary>
    public async Task<TraineeVoucher> MineAsync(string? pass, CancellationToken ct)
    {
        var (voucherId, personId) = ReadPass(pass) ?? throw new AppException(401, "pass_invalid");
        var voucher = await Vouchers().FirstOrDefaultAsync(v => v.Id == voucherId && v.PersonId == personId, ct) ?? throw new AppException(401, "pass_invalid");
        await using var scope = AsTrainee(voucher);
        return await ViewAsync(scope.ServiceProvider.GetRequiredService<GridGovDbContext>(), voucher.Id, ct);
    }

    /// <summary>The voucher a pass names, or null when it names none (for pages).</summary>
    public (long VoucherId, int PersonId)? ReadPass(string? pass)
    {
        if (string.IsNullOrWhiteSpace(pass)) return null;
        try
        {
            var parts = Passes.Unprotect(pass).Split(':');
            return (long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private string PassFor(Voucher voucher) => Passes.Protect($"{voucher.Id}:{voucher.PersonId}", PassLifetime);

    private static string TraineeName(Voucher voucher) => "trainee:" + voucher.PersonId;

    private static async Task<bool> ReplayedAsync(GridGovDbContext tdb, Voucher voucher, string? clientKey, CancellationToken ct) =>
        clientKey is not null && voucher.State != VoucherState.Issued
        && await tdb.Set<VoucherStep>().AnyAsync(s => s.VoucherId == voucher.Id && s.Action == VoucherAction.Claim && s.ClientKey == clientKey, ct);

    private static async Task<bool> IsHolderAsync(IProgrammeLedger ledger, Voucher voucher, string? idNumber, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(idNumber) || idNumber.Trim().Length != 18) return false;
        var found = await ledger.FindByIdNumbersAsync([idNumber], ct);
        return found.Values.Contains(voucher.PersonId);
    }

    private async Task<Voucher?> FindAsync(string? typed, CancellationToken ct) =>
        Voucher.NormaliseCode(typed) is { } code ? await Vouchers().FirstOrDefaultAsync(v => v.Code == code, ct) : null;

    private IQueryable<Voucher> Vouchers() =>
        db.Set<Voucher>().AsNoTracking().OutsideFilters("a trainee's voucher is found by its unguessable code, before anyone is signed in",
            QueryFilters.Scope, TrainingModule.ProviderFilter);

    /// <summary>A scope acting as the voucher's holder, whose view and capture are the voucher's own place.</summary>
    private AsyncServiceScope AsTrainee(Voucher voucher)
    {
        var scope = scopes.CreateAsyncScope();
        var name = TraineeName(voucher);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SignIn(name, name, [Roles.Trainee], voucher.Path, voucher.Path);
        return scope;
    }

    private async Task<TraineeVoucher> ViewAsync(GridGovDbContext tdb, long voucherId, CancellationToken ct)
    {
        var today = clock.Today();
        var v = await tdb.Set<Voucher>().AsNoTracking().FirstAsync(x => x.Id == voucherId, ct);
        var programme = await tdb.Set<VoucherProgramme>().AsNoTracking().OutsideScope("a holder sees the name of their voucher's programme")
            .Where(p => p.Id == v.ProgrammeId).Select(p => p.Name).FirstAsync(ct);
        var seat = v.ClassId is { } classId
            ? await tdb.Set<TrainingClass>().AsNoTracking().OutsideFilters("a holder sees the class their voucher bought", QueryFilters.Scope, TrainingModule.ProviderFilter)
                .Where(c => c.Id == classId)
                .Join(tdb.Set<TrainingProvider>().OutsideFilters("a holder sees the provider of their class", QueryFilters.Scope, TrainingModule.ProviderFilter),
                    c => c.ProviderId, p => p.Id, (c, p) => new { c.Name, Provider = p.Name, c.StartsOn, c.EndsOn }).FirstOrDefaultAsync(ct)
            : null;
        return new TraineeVoucher(Voucher.Show(v.Code), programme, v.PersonName, v.StateOn(today), v.FaceValue, v.BalanceOn(today), v.IssuedOn, v.UsableUntil,
            seat?.Name, seat?.Provider, seat?.StartsOn, seat?.EndsOn, v.Level, v.Subsidy);
    }

    private static ValidationException NotConfirmed() => new("textCode", "claim_not_confirmed");
}
