using GridGov.Kernel.Modules;
using GridGov.Kernel.Security;
using GridGov.Modules.FieldWork.Api;
using GridGov.Modules.FieldWork.Application;
using GridGov.Modules.FieldWork.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Modules.FieldWork;

/// <summary>Field work: visit plans and visits, screening campaigns, home health watches and services to residents.</summary>
public sealed class FieldWorkModule : IGridGovModule
{
    public int Order => 60;

    public void AddServices(IServiceCollection services, ModuleHost host)
    {
        services.AddScoped<FieldSubjects>();
        services.AddScoped<VisitBook>();
        services.AddScoped<ServiceBook>();
        services.AddScoped<MoveProposals>();
        services.AddScoped<CampaignBook>();
        services.AddScoped<CampaignFreeze>();
        services.AddScoped<CampaignCoverageReader>();
        services.AddScoped<CampaignExport>();
        services.AddScoped<VisitExport>();
        services.AddScoped<WatchBook>();
        services.AddScoped<FieldToday>();
        services.AddScoped<FieldFigures>();
        services.AddScoped<Kernel.Tallies.IFigureSource, FieldFigureSource>();
        services.AddScoped<FieldDesk>();
        services.AddScoped<CampaignTaggings>();
        services.AddScoped<DutyBook>();
        services.AddScoped<Kernel.Tallies.ITallyCheck, CampaignCoverageCheck>();
        services.AddScoped<Kernel.Files.IFileAuthoriser, VisitFileAuthoriser>();
        services.AddScoped<Kernel.Files.IFileAuthoriser, WatchFileAuthoriser>();
    }

    public void MapApi(ApiGroups api) => api.Secured.MapFieldWorkApi();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapFieldWorkDownloads();

    public IEnumerable<NavEntry> Navigation =>
    [
        new("/field", "Nav.Field", u => u.Has(FieldWorkPermissions.Record) && !u.Has(FieldWorkPermissions.Plan), 25, "nav-field"),
        new("/field/plans", "Nav.Field", u => u.Has(FieldWorkPermissions.Plan), 25, "nav-field-desk"),
        new("/field/duty", "Nav.Duty", u => u.Has(FieldWorkPermissions.Plan) && (u.Roles.Contains(Roles.CommunityStaff) || u.Roles.Contains(Roles.TownshipStaff)),
            36, "nav-duty"),
        new("/field/campaigns", "Nav.Campaigns", u => u.Has(FieldWorkPermissions.View), 35, "nav-campaigns"),
    ];

    public IEnumerable<HomePanel> HomePanels =>
    [
        new(typeof(Pages.Home.FieldPanel), u => u.Has(FieldWorkPermissions.Record) && !u.Has(FieldWorkPermissions.Plan), 5),
        new(typeof(Pages.Home.FieldDeskPanel), u => u.Has(FieldWorkPermissions.Plan)
            && (u.Roles.Contains(Roles.CommunityStaff) || u.Roles.Contains(Roles.TownshipStaff)), 25),
    ];

    public IEnumerable<PermissionGrant> Grants =>
    [
        new(FieldWorkPermissions.View, [Roles.SystemAdmin, .. Roles.CentreStaff, Roles.GridWorker, Roles.Auditor]),
        new(FieldWorkPermissions.Record, [Roles.SystemAdmin, .. Roles.CentreStaff, Roles.GridWorker]),
        new(FieldWorkPermissions.Plan, [Roles.SystemAdmin, .. Roles.CentreStaff]),
        new(FieldWorkPermissions.Review, [Roles.SystemAdmin, .. Roles.CentreStaff]),
    ];
}
