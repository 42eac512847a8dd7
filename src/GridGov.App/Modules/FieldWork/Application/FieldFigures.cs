using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using GridGov.Modules.FieldWork.Contracts;
using GridGov.Modules.FieldWork.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.FieldWork.Application;

public sealed record WorkerFigure(string Worker, int Visits, int HomeSampling, int Services);

/// <summary>
/// What a county publishes ("2,330 home sampling visits and 780 services by 110 workers"), counted
/// in the database from the records of the period: visits made, home sampling services done, other
/// services done, and the workers who did any of them.
/// </summary>
public sealed record FieldFiguresView(string AreaCode, DateOnly From, DateOnly To, int Visits, int HomeSampling, int Services, int Workers,
    IReadOnlyList<WorkerFigure> ByWorker, IReadOnlyList<ServiceCount> ServicesByCut);

public sealed class FieldFigures(GridGovDbContext db, CurrentUser user, ITerritoryDirectory territory, ServiceBook services)
{
    public async Task<FieldFiguresView> ReadAsync(string? areaCode, DateOnly from, DateOnly to, ServiceCut cut, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        if (to < from) throw new ValidationException("to", "before_start");
        var path = areaCode is null ? user.ViewPath ?? "" : await territory.PathOfAsync(areaCode, ct) ?? throw new NotFoundException("area_not_found", areaCode);
        var visits = await db.Set<Visit>().AsNoTracking().Where(v => v.Path.StartsWith(path) && v.VisitedOn >= from && v.VisitedOn <= to)
            .GroupBy(v => v.VisitedBy).Select(g => new { Worker = g.Key, Count = g.Count() }).ToListAsync(ct);
        var done = await services.CountsAsync(path, from, to, ServiceCut.Worker, ct);
        var byWorker = visits.Select(v => v.Worker).Concat(done.Select(d => d.Key)).Distinct().Order(StringComparer.Ordinal)
            .Select(w => new WorkerFigure(w, visits.FirstOrDefault(v => v.Worker == w)?.Count ?? 0,
                done.Where(d => d.Key == w && d.Kind == ServiceKind.HomeSampling).Sum(d => d.Done),
                done.Where(d => d.Key == w && d.Kind != ServiceKind.HomeSampling).Sum(d => d.Done)))
            .ToList();
        return new FieldFiguresView(areaCode ?? "", from, to, byWorker.Sum(w => w.Visits), byWorker.Sum(w => w.HomeSampling), byWorker.Sum(w => w.Services),
            byWorker.Count, byWorker, cut == ServiceCut.Worker ? done : await services.CountsAsync(path, from, to, cut, ct));
    }
}
