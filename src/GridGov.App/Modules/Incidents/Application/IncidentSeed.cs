using GridGov.Kernel.Time;
using GridGov.Kernel.Scoping;
using GridGov.Data;
using GridGov.Modules.Incidents.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Incidents.Application;

/// <summary>
/// Reference data every database starts with: departments, categories, default routes, the 2026
/// calendar; and the monthly tallies of a database whose incidents predate them.
/// </summary>
public static class IncidentSeed
{
    public static async Task SeedAsync(GridGovDbContext db, CancellationToken ct)
    {
        if (!await db.Set<Department>().AnyAsync(ct)) db.AddRange(IncidentReferenceData.Departments());
        if (!await db.Set<IncidentCategory>().AnyAsync(ct)) db.AddRange(IncidentReferenceData.Categories());
        if (!await db.Set<RoutingRule>().OutsideScope("seeding checks the whole table").AnyAsync(ct)) db.AddRange(IncidentReferenceData.Routes());
        await db.SaveChangesAsync(ct);
        await IncidentTallies.FillIfMissingAsync(db, ct);
    }
}
