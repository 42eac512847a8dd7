using System.Linq.Expressions;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.Training.Contracts;
using GridGov.Modules.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Training.Application;

/// <summary>What a figure counts of the trainees: finished, certified, skilled or high-skilled certificates, employed.</summary>
public enum OutcomeMeasure
{
    Trained = 1,
    Certified = 2,
    Skilled = 3,
    HighSkilled = 4,
    Employed = 5,
}

/// <summary>Trainees finished, certified and employed, and the employment rate over those who finished: "x of y".</summary>
public sealed record OutcomeCounts(int Enrolled, int Trained, int Certified, int Skilled, int HighSkilled, int Employed)
{
    /// <summary>Employed of those trained, as a fraction; null when nobody has finished.</summary>
    public double? EmploymentRate => Trained == 0 ? null : (double)Employed / Trained;
}

public sealed record RecordEmployment(string Employer, DateOnly EmployedOn, EmploymentCheck CheckedBy, string? WorkCity = null);

public sealed record TraineeRow(int Id, int ClassId, string PersonName, DateOnly EnrolledOn, bool? Finished, DateOnly? FinishedOn, CertificateLevel? Level,
    DateOnly? CertifiedOn, string? Employer, DateOnly? EmployedOn, string? WorkCity = null);

/// <summary>
/// The outcomes of training, counted in the database from the trainees' own records: per class,
/// per provider, and under an area by where the trainees live, each count opening the trainees it counts.
/// </summary>
public sealed class TrainingOutcomes(GridGovDbContext db, CurrentUser user, TimeProvider clock, ProviderDesk desk)
{
    /// <summary>Counts of the trainees of a class or a provider (the caller's view of them).</summary>
    public async Task<OutcomeCounts> OfAsync(int? classId, int? providerId, CancellationToken ct)
    {
        var rows = db.Set<Enrolment>().AsNoTracking();
        if (classId is { } c) rows = rows.Where(e => e.ClassId == c);
        if (providerId is { } p) rows = rows.Where(e => e.ProviderId == p);
        return await CountAsync(rows, ct);
    }

    /// <summary>Counts under an area (where the trainees live) for a period: each measure by its own day (finished, certified, employed).</summary>
    public async Task<OutcomeCounts> UnderAsync(string path, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var start = from ?? DateOnly.MinValue;
        var end = to ?? DateOnly.MaxValue;
        // One pass over the area's trainees, each measure counted by its own day: a bulletin reads every unit this way.
        var counts = await db.Set<Enrolment>().AsNoTracking().Where(e => e.HomePath.StartsWith(path)).GroupBy(_ => 1).Select(g => new
        {
            Trained = g.Count(e => e.Finished == true && e.FinishedOn >= start && e.FinishedOn <= end),
            Certified = g.Count(e => e.Level != null && e.CertifiedOn >= start && e.CertifiedOn <= end),
            Skilled = g.Count(e => e.Level >= CertificateLevel.Junior && e.CertifiedOn >= start && e.CertifiedOn <= end),
            HighSkilled = g.Count(e => e.Level >= CertificateLevel.Senior && e.CertifiedOn >= start && e.CertifiedOn <= end),
            Employed = g.Count(e => e.EmployedOn != null && e.EmployedOn >= start && e.EmployedOn <= end),
        }).FirstOrDefaultAsync(ct);
        return counts is null ? new OutcomeCounts(0, 0, 0, 0, 0, 0)
            : new OutcomeCounts(0, counts.Trained, counts.Certified, counts.Skilled, counts.HighSkilled, counts.Employed);
    }

    /// <summary>The trainees a figure counts, newest first.</summary>
    /// <param name="brand">Only the cohorts of a labour brand.</param>
    /// <param name="city">Only those placed in a city (the brand's placements).</param>
    public async Task<Page<TraineeRow>> ListAsync(string path, DateOnly? from, DateOnly? to, OutcomeMeasure measure, PageRequest page, CancellationToken ct,
        string? brand = null, string? city = null)
    {
        TrainingPermissions.RequireCountedReader(user);
        var rows = Measured(path, from, to, measure);
        if (!string.IsNullOrWhiteSpace(brand))
        {
            var cohorts = db.Set<TrainingClass>().Where(c => c.Brand == brand).Select(c => c.Id);
            rows = rows.Where(e => cohorts.Contains(e.ClassId));
        }
        if (!string.IsNullOrWhiteSpace(city)) rows = rows.Where(e => e.WorkCity == city);
        return await rows.OrderByDescending(e => e.Id)
            .Select(e => new TraineeRow(e.Id, e.ClassId, e.PersonName, e.EnrolledOn, e.Finished, e.FinishedOn, e.Level, e.CertifiedOn, e.Employer, e.EmployedOn,
                e.WorkCity))
            .ToPageAsync(page, ct);
    }

    public async Task<TraineeView> RecordEmploymentAsync(int enrolmentId, RecordEmployment input, CancellationToken ct)
    {
        await desk.ProviderIdAsync(ct);
        var enrolment = await db.Set<Enrolment>().FirstOrDefaultAsync(e => e.Id == enrolmentId, ct) ?? throw new NotFoundException("enrolment_not_found", enrolmentId);
        if (!user.CanCapture(enrolment.Path)) throw new ForbiddenException("outside_capture_scope");
        enrolment.RecordEmployment(input.Employer ?? "", input.EmployedOn, input.CheckedBy, user.UserName, clock.Today(), input.WorkCity);
        await db.SaveChangesAsync(ct);
        return new TraineeView(enrolment.Id, enrolment.PersonId, enrolment.PersonName, enrolment.VoucherId, enrolment.EnrolledOn, 0, enrolment.Finished,
            enrolment.Level, enrolment.CertificateNumber, enrolment.CertifiedOn, enrolment.Employer, enrolment.EmployedOn, enrolment.WorkCity);
    }

    private IQueryable<Enrolment> Measured(string path, DateOnly? from, DateOnly? to, OutcomeMeasure measure)
    {
        var start = from ?? DateOnly.MinValue;
        var end = to ?? DateOnly.MaxValue;
        var rows = db.Set<Enrolment>().AsNoTracking().Where(e => e.HomePath.StartsWith(path));
        return measure switch
        {
            OutcomeMeasure.Trained => rows.Where(e => e.Finished == true && e.FinishedOn >= start && e.FinishedOn <= end),
            OutcomeMeasure.Certified => rows.Where(e => e.Level != null && e.CertifiedOn >= start && e.CertifiedOn <= end),
            OutcomeMeasure.Skilled => rows.Where(e => e.Level >= CertificateLevel.Junior && e.CertifiedOn >= start && e.CertifiedOn <= end),
            OutcomeMeasure.HighSkilled => rows.Where(e => e.Level >= CertificateLevel.Senior && e.CertifiedOn >= start && e.CertifiedOn <= end),
            OutcomeMeasure.Employed => rows.Where(e => e.EmployedOn != null && e.EmployedOn >= start && e.EmployedOn <= end),
            _ => throw new ValidationException("measure", "unknown"),
        };
    }

    private static async Task<OutcomeCounts> CountAsync(IQueryable<Enrolment> rows, CancellationToken ct)
    {
        var counts = await rows.GroupBy(_ => 1).Select(g => new
        {
            Enrolled = g.Count(),
            Trained = g.Count(e => e.Finished == true),
            Certified = g.Count(e => e.Level != null),
            Skilled = g.Count(e => e.Level >= CertificateLevel.Junior),
            HighSkilled = g.Count(e => e.Level >= CertificateLevel.Senior),
            Employed = g.Count(e => e.EmployedOn != null),
        }).FirstOrDefaultAsync(ct);
        return counts is null ? new OutcomeCounts(0, 0, 0, 0, 0, 0)
            : new OutcomeCounts(counts.Enrolled, counts.Trained, counts.Certified, counts.Skilled, counts.HighSkilled, counts.Employed);
    }
}
