using GridGov.Kernel.Time;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Modules;
using GridGov.Kernel.Security;
using GridGov.Modules.Incidents.Api;
using GridGov.Modules.Incidents.Application;
using GridGov.Modules.Incidents.Contracts;
using GridGov.Modules.Incidents.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Modules.Incidents;

/// <summary>The incident loop: reports, routing, dispatch, handling, verification, deadlines, notices and Open311.</summary>
public sealed class IncidentsModule : IGridGovModule
{
    public int Order => 50;

    public void AddServices(IServiceCollection services, ModuleHost host)
    {
        services.AddScoped<ISaveHook, IncidentTallies>();
        services.AddScoped<Kernel.Scoping.IGridChangeFollower, IncidentsFollowGrids>();
        services.AddScoped<RoutingTable>();
        services.AddScoped<IncidentCatalogue>();
        services.AddScoped<IncidentMetrics>();
        services.AddScoped<IIncidentOverview, IncidentOverview>();
        services.AddScoped<IncidentDesk>();
        services.AddScoped<IncidentExport>();
        services.AddScoped<IncidentBulk>();
        services.AddScoped<IncidentPhotos>();
        services.AddScoped<Open311Clients>();
        services.AddScoped<Kernel.Files.IFileAuthoriser, IncidentFileAuthoriser>();
        services.AddScoped<IncidentNotices>();
        services.AddScoped<Kernel.Notices.INoticeAudiences, IncidentAudiences>();
        services.AddScoped<DeadlineSweep>();
        services.AddScoped<IDeadlineSweep>(s => s.GetRequiredService<DeadlineSweep>());
        services.AddSingleton(IncidentTallies.Shape);
        services.AddScoped<Kernel.Tallies.ITallyCheck, IncidentTallyCheck>();
        services.AddScoped<Kernel.Tallies.IFigureSource, IncidentFigureSource>();
    }

    public void ConfigureModel(ModelBuilder model, ModelSettings settings)
    {
        var db = (GridGovDbContext)settings.Context;
        // A department handler sees only the incidents dispatched to their department (read per query from the context's user).
        model.Entity<Incident>().HasQueryFilter(DepartmentFilter, i =>
            IncidentPermissions.DepartmentScopeOf(db.User) == null
            || i.Assignments.Any(a => a.IsActive && a.DepartmentCode == IncidentPermissions.DepartmentScopeOf(db.User)));
        // An incident's number carries its id: drawn from a sequence before the insert, the
        // number is set in the same save (SQLite, without sequences, numbers it in a second save).
        if (settings.IsPostgres) model.Entity<Incident>().Property(i => i.Id).UseHiLo("IncidentIds");
    }

    public const string DepartmentFilter = "department";

    public void MapApi(ApiGroups api) => api.Secured.MapIncidentApi().MapOpen311ClientApi();

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapIncidentDownloads();
        app.MapOpen311();
    }

    public Task SeedAsync(IServiceProvider services, CancellationToken ct) =>
        IncidentSeed.SeedAsync(services.GetRequiredService<GridGovDbContext>(), ct);

    public IEnumerable<NavEntry> Navigation =>
    [
        new("/incidents", "Nav.Incidents", u => u.Has(IncidentPermissions.View) || u.Has(IncidentPermissions.Handle), 30, "nav-incidents"),
    ];

    public IEnumerable<Landing> Landings =>
    [
        new("/incidents?list=Queue", u => u.Roles.Contains(Roles.CountyCentre) && u.Has(IncidentPermissions.Dispatch), 10),
        new("/incidents?list=Department", u => IncidentPermissions.DepartmentScopeOf(u) is not null, 20),
    ];

    public IEnumerable<HomePanel> HomePanels =>
    [
        new(typeof(Pages.Home.TodayPanel), u => u.Has(IncidentPermissions.Verify) && !u.Has(IncidentPermissions.Dispatch), 10),
        new(typeof(Pages.Home.QueuesPanel), u => u.Has(IncidentPermissions.Dispatch)
            && (u.Roles.Contains(Roles.TownshipStaff) || u.Roles.Contains(Roles.CommunityStaff)), 20),
    ];

    public IEnumerable<PermissionGrant> Grants =>
    [
        new(IncidentPermissions.View, [Roles.SystemAdmin, .. Roles.CentreStaff, Roles.GridWorker, Roles.Auditor]),
        new(IncidentPermissions.Report, [Roles.SystemAdmin, .. Roles.CentreStaff, Roles.GridWorker, Roles.Open311Client]),
        new(IncidentPermissions.Dispatch, [Roles.SystemAdmin, .. Roles.CentreStaff]),
        new(IncidentPermissions.Handle, Roles.SystemAdmin, Roles.DepartmentHandler),
        new(IncidentPermissions.Verify, Roles.SystemAdmin, Roles.GridWorker),
        new(IncidentPermissions.Configure, Roles.SystemAdmin, Roles.CountyCentre),
    ];
}
