using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.Territory.Contracts;
using GridGov.Modules.Training.Contracts;
using GridGov.Modules.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Training.Application;

public sealed record OpenStation(string Brand, StationKind Kind, string Name, string City, string Contact, DateOnly OpenedOn, string AreaCode);

public sealed record StationView(int Id, string Brand, StationKind Kind, string Name, string City, string Contact, DateOnly OpenedOn, DateOnly? ClosedOn);

/// <summary>Trainees of the brand's cohorts placed in one city.</summary>
public sealed record CityPlacements(string City, int Placed);

/// <summary>A labour brand at a glance: its cohorts, trained, placed (by city), and its offices and stations in other cities.</summary>
public sealed record BrandView(string Brand, int Cohorts, int Trained, int Placed, IReadOnlyList<CityPlacements> ByCity, IReadOnlyList<StationView> Stations);

/// <summary>
/// A labour brand (吕梁山护工): the classes run as its cohorts, its trainees placed in work by city
/// (from the employment follow-ups), and its service offices and stations where they work.
/// </summary>
public sealed class BrandBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, ITerritoryDirectory territory)
{
    public async Task<StationView> OpenAsync(OpenStation input, CancellationToken ct)
    {
        user.Require(TrainingPermissions.Manage);
        var path = await territory.PathOfAsync(input.AreaCode ?? "", ct) ?? throw new ValidationException("areaCode", "unknown_area");
        if (!user.CanCapture(path)) throw new ForbiddenException("outside_capture_scope");
        var station = BrandStation.Open(input.Brand ?? "", input.Kind, input.Name ?? "", input.City ?? "", input.Contact ?? "", input.OpenedOn, path, user.UserName);
        db.Add(station);
        await db.SaveChangesAsync(ct);
        return View(station);
    }

    public async Task<BrandView> ReadAsync(string? brand, CancellationToken ct)
    {
        if (!user.Has(TrainingPermissions.View)) user.Require(TrainingPermissions.Provide);
        var name = string.IsNullOrWhiteSpace(brand) ? BrandStation.Caregivers : brand.Trim();
        var cohorts = db.Set<TrainingClass>().AsNoTracking().Where(c => c.Brand == name).Select(c => c.Id);
        var trainees = db.Set<Enrolment>().AsNoTracking().Where(e => cohorts.Contains(e.ClassId));
        var byCity = await trainees.Where(e => e.EmployedOn != null).GroupBy(e => e.WorkCity ?? "")
            .Select(g => new { City = g.Key, Placed = g.Count() }).ToListAsync(ct);
        var stations = await db.Set<BrandStation>().AsNoTracking().Where(s => s.Brand == name).OrderBy(s => s.City).ThenBy(s => s.Kind).ThenBy(s => s.Name)
            .ToListAsync(ct);
        return new BrandView(name, await cohorts.CountAsync(ct), await trainees.CountAsync(e => e.Finished == true, ct), byCity.Sum(c => c.Placed),
            byCity.OrderByDescending(c => c.Placed).ThenBy(c => c.City).Select(c => new CityPlacements(c.City, c.Placed)).ToList(), stations.Select(View).ToList());
    }

    private static StationView View(BrandStation s) => new(s.Id, s.Brand, s.Kind, s.Name, s.City, s.Contact, s.OpenedOn, s.ClosedOn);
}
