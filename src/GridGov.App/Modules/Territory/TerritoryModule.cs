using GridGov.Kernel.Modules;
using GridGov.Kernel.Security;
using GridGov.Modules.Territory.Api;
using GridGov.Modules.Territory.Application;
using GridGov.Modules.Territory.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Modules.Territory;

/// <summary>The territory tree: administrative areas, the three levels of grids, their staff and coverage.</summary>
public sealed class TerritoryModule : IGridGovModule
{
    public int Order => 10;

    public void AddServices(IServiceCollection services, ModuleHost host)
    {
        services.AddScoped<ITerritoryDirectory, TerritoryDirectory>();
        services.AddScoped<ITerritoryMap, TerritoryMap>();
        services.AddScoped<Kernel.Scoping.IPlaceChoices, PlaceChoices>();
        services.AddScoped<Kernel.Tallies.IPlaceDirectory, PlaceDirectory>();
        services.AddScoped<TerritoryTree>();
        services.AddScoped<GridLifecycle>();
        services.AddScoped<GridReorganisation>();
        services.AddScoped<GridStaffing>();
        services.AddScoped<GridHouseholds>();
        services.AddScoped<GridHistory>();
        services.AddScoped<SizeRules>();
        services.AddScoped<CoverageCheck>();
        services.AddScoped<ICoverageStatus, CoverageRuns>();
        services.AddHostedService<CoverageWatch>();
        services.AddScoped<Kernel.Naming.IRecordNamer, TerritoryNames>();
    }

    public void MapApi(ApiGroups api) => api.Secured.MapTerritoryApi();

    public IEnumerable<NavEntry> Navigation =>
    [
        new("/territory", "Nav.Territory", u => u.Has(TerritoryPermissions.View), 10),
        new("/coverage", "Nav.Coverage", u => u.Has(TerritoryPermissions.CoverageView), 40),
    ];

    public IEnumerable<HomePanel> HomePanels =>
    [
        new(typeof(Pages.Home.MyGridPanel), u => u.Has(TerritoryPermissions.View) && ScopeIsGrid(u), 40),
        new(typeof(Pages.Home.AreaPanel), u => u.Has(TerritoryPermissions.View) && u.ViewPath is not null && !ScopeIsGrid(u), 50),
    ];

    private static bool ScopeIsGrid(CurrentUser user) => user.ViewPath is { } p && Kernel.Scoping.TreePath.GridDepth(p) > 0;

    public IEnumerable<PermissionGrant> Grants =>
    [
        new(TerritoryPermissions.View, [.. Roles.All]),
        new(TerritoryPermissions.Manage, [Roles.SystemAdmin, .. Roles.CentreStaff]),
        new(TerritoryPermissions.CoverageView, [Roles.SystemAdmin, .. Roles.CentreStaff, Roles.Auditor]),
    ];
}
