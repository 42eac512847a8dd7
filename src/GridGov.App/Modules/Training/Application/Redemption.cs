using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.Training.Contracts;
using GridGov.Modules.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Training.Application;

public sealed record Redeem(string Code, int ClassId, string? ClientKey = null);

/// <summary>The seat a voucher bought: the enrolment and the voucher; Replayed when an earlier try had already redeemed it into this class.</summary>
public sealed record Redeemed(int EnrolmentId, long VoucherId, int ClassId, string PersonName, VoucherState State, bool Replayed);

/// <summary>
/// A provider verifies a voucher at enrolment (核验), scanned or typed: the voucher binds to one
/// of the provider's classes for good. Tried many times at once, it is redeemed once: the others
/// meet the first at the voucher's next step number and answer what it did.
/// </summary>
public sealed class Redemption(GridGovDbContext db, CurrentUser user, TimeProvider clock, ProviderDesk desk, ClassBook classes, EligibilityCheck eligibility)
{
    public async Task<Redeemed> RedeemAsync(Redeem input, CancellationToken ct)
    {
        var providerId = await desk.ProviderIdAsync(ct);
        var code = Voucher.NormaliseCode(input.Code) ?? throw new ValidationException("code", "bad_voucher_code");
        try
        {
            return await TryAsync(code, input, providerId, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await EarlierAsync(code, input.ClassId, ct) ?? throw new ConflictException("voucher_already_used");
        }
        catch (ConflictException)
        {
            // Another try may have redeemed it into this class between the first look and this one.
            db.ChangeTracker.Clear();
            if (await EarlierAsync(code, input.ClassId, ct) is { } first) return first;
            throw;
        }
    }

    // Few round trips, and the class locked only for the last two: this runs at every provider's
    // desk at once on enrolment day, many of them into the same class.
    private async Task<Redeemed> TryAsync(string code, Redeem input, int providerId, CancellationToken ct)
    {
        var voucher = await ByCode(code).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("voucher_not_found", Voucher.Show(code));
        var (trainingClass, enrolled) = await ClassWithSeatsTakenAsync(input.ClassId, ct);
        if (trainingClass.ProviderId != providerId) throw new NotFoundException("class_not_found", input.ClassId);
        if (voucher.ClassId == trainingClass.Id) return await ReplayedAsync(voucher, ct);
        if (voucher.State != VoucherState.Claimed && voucher.ClassId is not null) throw new ConflictException("voucher_already_used");
        if (!user.CanCapture(voucher.Path)) throw new NotFoundException("voucher_not_found", Voucher.Show(code));
        trainingClass.CheckFull(enrolled);
        await eligibility.RecheckAtEnrolmentAsync(voucher, ct);
        var (now, today) = (clock.UtcNow(), clock.Today());
        voucher.Enrol(trainingClass, user.UserName, now, today, input.ClientKey);
        var enrolment = Enrolment.Of(trainingClass, voucher.PersonId, voucher.PersonName, voucher.Path, voucher.Id, user.UserName, now, today);
        await using var transaction = await OwnTransaction.BeginAsync(db.Database, ct);
        db.Add(enrolment);
        await db.SaveChangesAsync(ct);
        await classes.CheckNotOverfilledAsync(trainingClass, ct);
        await transaction.CommitAsync(ct);
        return new Redeemed(enrolment.Id, voucher.Id, trainingClass.Id, voucher.PersonName, voucher.State, false);
    }

    /// <summary>The class, in the caller's capture scope, and its seats taken, in one round trip: a full class is refused before any lock.</summary>
    private async Task<(TrainingClass Class, int Enrolled)> ClassWithSeatsTakenAsync(int classId, CancellationToken ct)
    {
        var found = await db.Set<TrainingClass>().AsNoTracking().Where(c => c.Id == classId)
            .Select(c => new { Class = c, Enrolled = db.Set<Enrolment>().Count(e => e.ClassId == c.Id) })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("class_not_found", classId);
        if (!user.CanCapture(found.Class.Path)) throw new ForbiddenException("outside_capture_scope");
        return (found.Class, found.Enrolled);
    }

    /// <summary>The voucher already redeemed into this class, as the first try left it.</summary>
    private async Task<Redeemed?> EarlierAsync(string code, int classId, CancellationToken ct)
    {
        var found = await ByCode(code).AsNoTracking().Where(v => v.ClassId == classId)
            .Select(v => new { v.Id, v.PersonName, v.State }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        return new Redeemed(await EnrolmentOfAsync(found.Id, ct), found.Id, classId, found.PersonName, found.State, true);
    }

    private async Task<Redeemed> ReplayedAsync(Voucher voucher, CancellationToken ct) =>
        new(await EnrolmentOfAsync(voucher.Id, ct), voucher.Id, voucher.ClassId!.Value, voucher.PersonName, voucher.State, true);

    private Task<int> EnrolmentOfAsync(long voucherId, CancellationToken ct) =>
        db.Set<Enrolment>().AsNoTracking().Where(e => e.VoucherId == voucherId).Select(e => e.Id).FirstAsync(ct);

    /// <summary>A voucher a trainee presents is found by its code alone, before it is any provider's: the code is the trainee's to show.</summary>
    private IQueryable<Voucher> ByCode(string code) =>
        db.Set<Voucher>().OutsideFilters("a voucher presented at enrolment is found by its unguessable code", QueryFilters.Scope, TrainingModule.ProviderFilter)
            .Where(v => v.Code == code);
}
