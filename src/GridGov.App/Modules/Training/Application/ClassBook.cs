using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.Training.Contracts;
using GridGov.Modules.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Training.Application;

public sealed record PlanClass(ClassKind Kind, string Name, string Occupation, CertificateLevel Level, DateOnly StartsOn, DateOnly EndsOn, int Capacity,
    int DaysRequired, string? Employer = null, string? Brand = null);

public sealed record ClassRow(int Id, int ProviderId, ClassKind Kind, string Name, string Occupation, CertificateLevel Level, string? Employer,
    DateOnly StartsOn, DateOnly EndsOn, int Capacity, bool Finished);

public sealed record TraineeView(int Id, int PersonId, string PersonName, long? VoucherId, DateOnly EnrolledOn, int DaysAttended, bool? Finished,
    CertificateLevel? Level, string? CertificateNumber, DateOnly? CertifiedOn, string? Employer = null, DateOnly? EmployedOn = null, string? WorkCity = null);

public sealed record ClassView(ClassRow Class, int DaysRequired, int Enrolled, IReadOnlyList<TraineeView> Trainees, OutcomeCounts Outcomes, int Version);

public sealed record MarkAttendance(DateOnly Day, IReadOnlyList<int> Present);

public sealed record AddTrainee(string IdNumber);

public sealed record RecordCertificate(CertificateLevel? Level = null, string? Number = null, DateOnly? On = null, string? NoCertificateReason = null,
    string? ClientKey = null);

/// <summary>A provider's classes: planned for an approved occupation, trainees enrolled, attendance kept, finished, certificates recorded.</summary>
public sealed class ClassBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, ProviderDesk desk, IProgrammeLedger ledger, TrainingOutcomes outcomes)
{
    public const int MaxTrainees = 500;

    public async Task<ClassRow> PlanAsync(PlanClass input, CancellationToken ct)
    {
        var providerId = await desk.ProviderIdAsync(ct);
        var provider = await db.Set<TrainingProvider>().AsNoTracking().FirstAsync(p => p.Id == providerId, ct);
        var planned = TrainingClass.Plan(provider, input.Kind, input.Name ?? "", input.Occupation ?? "", input.Level, input.Employer, input.StartsOn,
            input.EndsOn, input.Capacity, input.DaysRequired, user.UserName, clock.UtcNow(), input.Brand);
        db.Add(planned);
        await db.SaveChangesAsync(ct);
        return Row(planned);
    }

    public async Task<Page<ClassRow>> ListAsync(int? providerId, bool? finished, PageRequest page, CancellationToken ct)
    {
        if (!user.Has(TrainingPermissions.View)) user.Require(TrainingPermissions.Provide);
        var rows = db.Set<TrainingClass>().AsNoTracking();
        if (providerId is { } p) rows = rows.Where(c => c.ProviderId == p);
        if (finished is { } f) rows = rows.Where(c => (c.FinishedAt != null) == f);
        return await rows.OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Select(c => new ClassRow(c.Id, c.ProviderId, c.Kind, c.Name, c.Occupation, c.Level, c.Employer, c.StartsOn, c.EndsOn, c.Capacity, c.FinishedAt != null))
            .ToPageAsync(page, ct);
    }

    public async Task<ClassView> GetAsync(int id, CancellationToken ct)
    {
        if (!user.Has(TrainingPermissions.View)) user.Require(TrainingPermissions.Provide);
        var c = await db.Set<TrainingClass>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("class_not_found", id);
        var days = await DaysAttendedAsync(id, ct);
        var trainees = await db.Set<Enrolment>().AsNoTracking().Where(e => e.ClassId == id).OrderBy(e => e.Id).Take(MaxTrainees).ToListAsync(ct);
        return new ClassView(Row(c), c.DaysRequired, trainees.Count,
            trainees.Select(e => new TraineeView(e.Id, e.PersonId, e.PersonName, e.VoucherId, e.EnrolledOn, days.GetValueOrDefault(e.Id), e.Finished, e.Level,
                e.CertificateNumber, e.CertifiedOn, e.Employer, e.EmployedOn, e.WorkCity)).ToList(), await outcomes.OfAsync(id, null, ct), c.Version);
    }

    /// <summary>A trainee on the provider's own list (an order class's employees): matched on the ledger by ID number.</summary>
    public async Task<TraineeView> AddTraineeAsync(int classId, AddTrainee input, CancellationToken ct)
    {
        await desk.ProviderIdAsync(ct);
        var trainingClass = await ClassForChangeAsync(classId, ct);
        var today = clock.Today();
        trainingClass.CheckOpenForEnrolment(today);
        var found = await ledger.FindByIdNumbersAsync([input.IdNumber ?? ""], ct);
        if (found.Count == 0) throw new ValidationException("idNumber", "not_on_ledger");
        var facts = await ledger.FactsOfAsync(found.Values.First(), today, ct) ?? throw new ValidationException("idNumber", "not_on_ledger");
        if (await db.Set<Enrolment>().AnyAsync(e => e.ClassId == classId && e.PersonId == facts.PersonId, ct)) throw new ConflictException("already_in_class");
        var enrolment = Enrolment.Of(trainingClass, facts.PersonId, facts.Name, facts.Path, null, user.UserName, clock.UtcNow(), today);
        await using var transaction = await OwnTransaction.BeginAsync(db.Database, ct);
        db.Add(enrolment);
        await db.SaveChangesAsync(ct);
        await CheckNotOverfilledAsync(trainingClass, ct);
        await transaction.CommitAsync(ct);
        return new TraineeView(enrolment.Id, enrolment.PersonId, enrolment.PersonName, null, today, 0, null, null, null, null);
    }

    /// <summary>Marks the trainees present on a school day; marking a trainee present twice keeps one mark.</summary>
    public async Task<int> MarkAsync(int classId, MarkAttendance input, CancellationToken ct)
    {
        await desk.ProviderIdAsync(ct);
        var trainingClass = await ClassForChangeAsync(classId, ct);
        trainingClass.CheckSchoolDay(input.Day, clock.Today());
        if (trainingClass.IsFinished) throw new ConflictException("class_finished");
        var present = (input.Present ?? []).Distinct().ToList();
        var enrolments = await db.Set<Enrolment>().Where(e => e.ClassId == classId && present.Contains(e.Id)).ToListAsync(ct);
        if (enrolments.Count != present.Count) throw new ValidationException("present", "not_in_class");
        var marked = await db.Set<AttendanceMark>().Where(m => m.ClassId == classId && m.Day == input.Day && present.Contains(m.EnrolmentId))
            .Select(m => m.EnrolmentId).ToListAsync(ct);
        var now = clock.UtcNow();
        foreach (var e in enrolments.Where(e => !marked.Contains(e.Id))) db.Add(AttendanceMark.Of(e, input.Day, user.UserName, now));
        await db.SaveChangesAsync(ct);
        return enrolments.Count - marked.Count;
    }

    /// <summary>
    /// Finishes the class after its last day: each trainee who attended the days required has
    /// finished (their voucher moves on to the certificate); the others' vouchers end without one.
    /// </summary>
    public async Task<ClassView> FinishAsync(int classId, CancellationToken ct)
    {
        await desk.ProviderIdAsync(ct);
        var trainingClass = await ClassForChangeAsync(classId, ct);
        var today = clock.Today();
        var now = clock.UtcNow();
        trainingClass.Finish(today, now);
        var days = await DaysAttendedAsync(classId, ct);
        var enrolments = await db.Set<Enrolment>().Where(e => e.ClassId == classId).ToListAsync(ct);
        var voucherIds = enrolments.Where(e => e.VoucherId != null).Select(e => e.VoucherId!.Value).ToList();
        var vouchers = await db.Set<Voucher>().Where(v => voucherIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        foreach (var enrolment in enrolments)
        {
            var finished = enrolment.Close(trainingClass, days.GetValueOrDefault(enrolment.Id), today);
            if (enrolment.VoucherId is not { } vid || !vouchers.TryGetValue(vid, out var voucher) || voucher.State != VoucherState.Enrolled) continue;
            voucher.FinishTraining(user.UserName, now, null);
            if (!finished) voucher.RecordNoCertificate("attendance_short", user.UserName, now, null);
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(classId, ct);
    }

    /// <summary>The certificate a trainee won (or that they won none); a voucher trainee's voucher moves with it, in the same save.</summary>
    public async Task<TraineeView> CertifyAsync(int enrolmentId, RecordCertificate input, CancellationToken ct)
    {
        await desk.ProviderIdAsync(ct);
        var enrolment = await db.Set<Enrolment>().ForChangeAsync(e => e.Id == enrolmentId, user, "enrolment_not_found", enrolmentId, ct);
        var voucher = enrolment.VoucherId is { } vid ? await db.Set<Voucher>().FirstOrDefaultAsync(v => v.Id == vid, ct) : null;
        var now = clock.UtcNow();
        if (input.NoCertificateReason is { } reason)
        {
            if (enrolment.Level is not null) throw new ConflictException("already_certified");
            voucher?.RecordNoCertificate(reason, user.UserName, now, input.ClientKey);
        }
        else
        {
            var level = input.Level ?? throw new ValidationException("level", "required");
            var on = input.On ?? clock.Today();
            enrolment.Certify(level, input.Number ?? "", on, correction: voucher?.State == VoucherState.Trained && enrolment.Level is not null);
            voucher?.Certify(level, input.Number ?? "", on, user.UserName, now, input.ClientKey);
        }
        await db.SaveChangesAsync(ct);
        var days = await DaysAttendedAsync(enrolment.ClassId, ct);
        return new TraineeView(enrolment.Id, enrolment.PersonId, enrolment.PersonName, enrolment.VoucherId, enrolment.EnrolledOn,
            days.GetValueOrDefault(enrolment.Id), enrolment.Finished, enrolment.Level, enrolment.CertificateNumber, enrolment.CertifiedOn);
    }

    /// <summary>
    /// Refuses an enrolment its transaction has just written into a class already full: the seats
    /// are counted under the class's lock, held to the commit, so of two enrolments into the last
    /// seat the second to lock sees the first. Writing first and locking last keeps the lock
    /// for two round trips, where a redemption into a busy class would otherwise queue behind whole saves.
    /// </summary>
    internal async Task CheckNotOverfilledAsync(TrainingClass trainingClass, CancellationToken ct)
    {
        await db.LockRowAsync<TrainingClass>(trainingClass.Id, ct);
        trainingClass.CheckFull(await db.Set<Enrolment>().CountAsync(e => e.ClassId == trainingClass.Id, ct) - 1);
    }

    internal Task<TrainingClass> ClassForChangeAsync(int classId, CancellationToken ct) =>
        db.Set<TrainingClass>().ForChangeAsync(c => c.Id == classId, user, "class_not_found", classId, ct);

    private async Task<Dictionary<int, int>> DaysAttendedAsync(int classId, CancellationToken ct) =>
        await db.Set<AttendanceMark>().AsNoTracking().Where(m => m.ClassId == classId).GroupBy(m => m.EnrolmentId)
            .Select(g => new { g.Key, Days = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Days, ct);

    internal static ClassRow Row(TrainingClass c) =>
        new(c.Id, c.ProviderId, c.Kind, c.Name, c.Occupation, c.Level, c.Employer, c.StartsOn, c.EndsOn, c.Capacity, c.IsFinished);
}
