using GridGov.Data;
using GridGov.Kernel.Modules;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.Training.Api;
using GridGov.Modules.Training.Application;
using GridGov.Modules.Training.Contracts;
using GridGov.Modules.Training.Domain;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Modules.Training;

/// <summary>Skills training with electronic vouchers: programmes and eligibility, vouchers from issue to subsidy paid, providers and classes.</summary>
public sealed class TrainingModule : IGridGovModule
{
    /// <summary>A provider's staff see their own provider's providers, classes, trainees, vouchers and batches only.</summary>
    public const string ProviderFilter = "provider";

    public int Order => 70;

    public void AddServices(IServiceCollection services, ModuleHost host)
    {
        services.AddScoped<ProviderDesk>();
        services.AddScoped<ProgrammeBook>();
        services.AddScoped<EligibilityCheck>();
        services.AddScoped<VoucherIssuer>();
        services.AddScoped<VoucherBook>();
        services.AddScoped<Redemption>();
        services.AddScoped<ProviderBook>();
        services.AddScoped<ClassBook>();
        services.AddScoped<PaymentBook>();
        services.AddScoped<VoucherExpiry>();
        services.AddScoped<VoucherClaims>();
        services.AddScoped<BatchDocument>();
        services.AddScoped<VoucherListImport>();
        services.AddScoped<VoucherExport>();
        services.AddScoped<TrainingOutcomes>();
        services.AddScoped<StudioBook>();
        services.AddScoped<BrandBook>();
        services.AddScoped<TrainingExports>();
        services.AddScoped<Kernel.Tallies.IFigureSource, TrainingFigureSource>();
        services.AddScoped<IDeadlineSweep>(s => s.GetRequiredService<VoucherExpiry>());
    }

    public void ConfigureModel(ModelBuilder model, ModelSettings settings)
    {
        var db = (GridGovDbContext)settings.Context;
        model.Entity<TrainingProvider>().HasQueryFilter(ProviderFilter, p => TrainingPermissions.ProviderScopeOf(db.User) == null
            || db.Set<ProviderStaff>().Any(s => s.UserName == TrainingPermissions.ProviderScopeOf(db.User) && s.ProviderId == p.Id));
        model.Entity<TrainingClass>().HasQueryFilter(ProviderFilter, c => TrainingPermissions.ProviderScopeOf(db.User) == null
            || db.Set<ProviderStaff>().Any(s => s.UserName == TrainingPermissions.ProviderScopeOf(db.User) && s.ProviderId == c.ProviderId));
        model.Entity<Enrolment>().HasQueryFilter(ProviderFilter, e => TrainingPermissions.ProviderScopeOf(db.User) == null
            || db.Set<ProviderStaff>().Any(s => s.UserName == TrainingPermissions.ProviderScopeOf(db.User) && s.ProviderId == e.ProviderId));
        model.Entity<Voucher>().HasQueryFilter(ProviderFilter, v => TrainingPermissions.ProviderScopeOf(db.User) == null
            || db.Set<ProviderStaff>().Any(s => s.UserName == TrainingPermissions.ProviderScopeOf(db.User) && s.ProviderId == v.ProviderId));
        model.Entity<PaymentBatch>().HasQueryFilter(ProviderFilter, b => TrainingPermissions.ProviderScopeOf(db.User) == null
            || db.Set<ProviderStaff>().Any(s => s.UserName == TrainingPermissions.ProviderScopeOf(db.User) && s.ProviderId == b.ProviderId));
    }

    public void MapApi(ApiGroups api)
    {
        api.Secured.MapTrainingApi();
        api.Public.MapTraineeApi();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapTrainingDownloads();

    public IEnumerable<NavEntry> Navigation =>
    [
        new("/training", "Nav.Training", u => u.Has(TrainingPermissions.View), 40, "nav-training"),
        new("/training/classes", "Nav.TrainingClasses", u => u.Has(TrainingPermissions.Provide) || u.Has(TrainingPermissions.View), 41, "nav-training-classes"),
        new("/training/batches", "Nav.TrainingBatches", u => u.Has(TrainingPermissions.View), 42, "nav-training-batches"),
        new("/training/brand", "Nav.TrainingBrand", u => u.Has(TrainingPermissions.View), 44, "nav-training-brand"),
        new("/training/studios", "Nav.TrainingStudios", u => u.Has(TrainingPermissions.View), 43, "nav-training-studios"),
    ];

    public IEnumerable<Landing> Landings =>
    [
        new("/training", u => u.Roles.Contains(Roles.HrBureau), 30),
        new("/training/classes", u => u.Roles.Contains(Roles.TrainingProvider), 30),
    ];

    public IEnumerable<PermissionGrant> Grants =>
    [
        new(TrainingPermissions.View, [Roles.SystemAdmin, Roles.HrBureau, Roles.Auditor]),
        new(TrainingPermissions.Manage, [Roles.HrBureau]),
        new(TrainingPermissions.Review, [Roles.HrBureau]),
        new(TrainingPermissions.Provide, [Roles.TrainingProvider]),
    ];
}
