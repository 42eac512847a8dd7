using GridGov.Kernel.Modules;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using GridGov.Modules.Cockpit.Application;
using GridGov.Modules.Cockpit.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Modules.Cockpit;

/// <summary>
/// The cockpit (驾驶舱) of leaders and centres: trends, rankings, late and escalated incidents and
/// the map of grids, all read from the other modules' tallies through their contracts.
/// </summary>
public sealed class CockpitModule : IGridGovModule
{
    public int Order => 80;

    public void AddServices(IServiceCollection services, ModuleHost host) => services.AddScoped<CockpitReader>();

    public void MapApi(ApiGroups api) =>
        api.Secured.MapGet("/cockpit", (string? area, PeriodPreset? period, string? figure, CockpitReader reader, CancellationToken ct) =>
                reader.ReadAsync(area, period ?? PeriodPreset.Month, figure, ct))
            .WithTags("Cockpit")
            .WithSummary("The cockpit of an area in the caller's view (their own by default): figures of the period (week, month, quarter, year), "
                + "30 days and 12 months of incidents, the places below ranked, overdue and escalated incidents, and the grids' map with its values");

    public IEnumerable<NavEntry> Navigation => [new("/cockpit", "Nav.Cockpit", u => u.Has(CockpitPermissions.View), 5, "nav-cockpit")];

    /// <summary>An auditor reads; the cockpit is where the county's state is read at a glance.</summary>
    public IEnumerable<Landing> Landings => [new("/cockpit", u => u.Roles.Contains(Roles.Auditor) && u.Has(CockpitPermissions.View), 50)];

    public IEnumerable<HomePanel> HomePanels =>
    [
        new(typeof(Pages.AreaFiguresPanel), u => u.Has(CockpitPermissions.View)
            && (u.Roles.Contains(Roles.TownshipStaff) || u.Roles.Contains(Roles.CommunityStaff) || u.Roles.Contains(Roles.SystemAdmin)), 5),
    ];

    public IEnumerable<PermissionGrant> Grants => [new(CockpitPermissions.View, [Roles.SystemAdmin, .. Roles.CentreStaff, Roles.Auditor])];
}
