using GridGov.Data;
using GridGov.Kernel.Modules;
using GridGov.Kernel.Security;
using GridGov.Modules.Targets.Api;
using GridGov.Modules.Targets.Application;
using GridGov.Modules.Targets.Contracts;
using GridGov.Modules.Targets.Domain;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Modules.Targets;

/// <summary>
/// The management cycle (签订责任状，挂出作战图): indicators read from every module's figures or
/// reported by hand, targets and their pledges, and weekly bulletins computed from the records.
/// </summary>
public sealed class TargetsModule : IGridGovModule
{
    /// <summary>A bulletin not yet published is read only by those whose view holds its area, not by the units below.</summary>
    public const string DraftFilter = "bulletin_draft";

    public int Order => 75;

    public void AddServices(IServiceCollection services, ModuleHost host)
    {
        services.AddScoped<CycleBook>();
        services.AddScoped<IndicatorBook>();
        services.AddScoped<TargetBook>();
        services.AddScoped<PledgeBook>();
        services.AddScoped<ReportBook>();
        services.AddScoped<UnitFigures>();
        services.AddScoped<BulletinDesk>();
        services.AddScoped<BulletinDocuments>();
        services.AddScoped<TrackedBook>();
        services.AddScoped<BoardReader>();
        services.AddScoped<MeetingBook>();
        services.AddScoped<InspectionBook>();
        services.AddScoped<PolicyBook>();
        services.AddScoped<Kernel.Tallies.IFigureSource, CycleFigureSource>();
        services.AddScoped<Kernel.Files.IFileAuthoriser, TrackedFiles>();
        services.AddScoped<Kernel.Files.IFileAuthoriser, FindingFiles>();
        services.AddScoped<Kernel.Files.IFileAuthoriser, PolicyFiles>();
        services.AddScoped<Kernel.Files.IFileAuthoriser, PledgeFiles>();
        services.AddScoped<Kernel.Notices.INoticeAudiences, TargetsAudiences>();
    }

    public void ConfigureModel(ModelBuilder model, ModelSettings settings)
    {
        var db = (GridGovDbContext)settings.Context;
        model.Entity<Bulletin>().HasQueryFilter(DraftFilter, b => b.State == BulletinState.Published
            || (db.ScopeViewPath != null && b.Path.StartsWith(db.ScopeViewPath)));
    }

    public void MapApi(ApiGroups api) => api.Secured.MapTargetsApi();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapTargetsDownloads();

    public IEnumerable<NavEntry> Navigation =>
    [
        new("/targets/board", "Nav.Board", u => u.Has(TargetsPermissions.View), 29, "nav-board"),
        new("/targets", "Nav.Targets", u => u.Has(TargetsPermissions.View), 30, "nav-targets"),
        new("/targets/bulletins", "Nav.Bulletins", u => u.Has(TargetsPermissions.View), 31, "nav-bulletins"),
        new("/targets/tracked", "Nav.Tracked", u => u.Has(TargetsPermissions.View), 32, "nav-tracked"),
    ];

    /// <summary>Leaders read the board where they read everything else: in the cockpit, for the area it shows.</summary>
    public IEnumerable<SlotPanel> SlotPanels =>
        [new(Cockpit.Contracts.CockpitSlot.Name, typeof(Pages.CockpitBoardPanel), u => u.Has(TargetsPermissions.View), 10)];

    public IEnumerable<PermissionGrant> Grants =>
    [
        new(TargetsPermissions.View, [Roles.SystemAdmin, .. Roles.CentreStaff, Roles.Auditor, Roles.HrBureau]),
        new(TargetsPermissions.Manage, [Roles.CountyCentre, Roles.TownshipStaff]),
        new(TargetsPermissions.Report, [.. Roles.CentreStaff, Roles.HrBureau]),
        new(TargetsPermissions.Approve, [Roles.CountyCentre, Roles.TownshipStaff]),
    ];
}
