using GridGov.Data;
using GridGov.Kernel.Modules;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Api;
using GridGov.Modules.People.Application;
using GridGov.Modules.People.Application.Import;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.People.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GridGov.Modules.People;

/// <summary>The population ledger: households, people, tags, places, duplicate reviews and the ledger import.</summary>
public sealed class PeopleModule : IGridGovModule
{
    public int Order => 20;

    public void AddServices(IServiceCollection services, ModuleHost host)
    {
        services.AddScoped<IPopulationStatistics, PopulationStatistics>();
        services.AddScoped<PopulationPlacement>();
        services.AddScoped<Kernel.Naming.IRecordNamer, PeopleNames>();
        services.AddScoped<IPopulationPlacement>(s => s.GetRequiredService<PopulationPlacement>());
        services.AddScoped<Kernel.Scoping.IGridChangeFollower, PeopleFollowGrids>();
        services.AddScoped<HouseholdPlacement>();
        services.AddScoped<ISaveHook, PopulationTallies>();
        services.AddSingleton(PopulationTallies.Shape);
        services.AddSingleton(PopulationTallies.RollupShape);
        services.AddScoped<ISaveHook, TagTallies>();
        services.AddSingleton(TagTallies.Shape);
        services.AddScoped<Kernel.Tallies.ITallyCheck, TagTallyCheck>();
        services.AddScoped<PersonRegistry>();
        services.AddScoped<PersonSearch>();
        services.AddScoped<PersonTags>();
        services.AddScoped<PersonExport>();
        services.AddScoped<HouseholdHistory>();
        services.AddScoped<GridPlaces>();
        services.AddScoped<LedgerKind>();
        services.AddScoped<Kernel.Tallies.IFigureSource, PopulationFigureSource>();
        services.AddScoped<Kernel.Tallies.ITallyCheck, PopulationTallyCheck>();
        services.AddScoped<LedgerImport>();
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = ImportEndpoints.MaxUploadBytes);
        services.AddScoped<ITagDirectory, TagDirectory>();
        services.AddScoped<IPeopleDirectory, PeopleDirectory>();
        services.AddScoped<IProgrammeLedger, ProgrammeLedger>();
        services.AddScoped<DuplicateReviews>();
        services.AddScoped<AccessLog>();
    }

    public void ConfigureModel(ModelBuilder model, ModelSettings settings)
    {
        if (!settings.IsPostgres) return;
        // Search keys are matched by prefix; byte order lets those prefixes use their B-tree indexes.
        var person = model.Entity<Person>();
        foreach (var key in new[] { "Name", "PinyinInitials", "PinyinFull" })
            person.Property(key).UseCollation("C");
        // Address search matches anywhere in the text: trigrams index that.
        model.HasPostgresExtension("pg_trgm");
        model.Entity<Household>().HasIndex(h => h.Address).HasMethod("gin").HasOperators("gin_trgm_ops");
    }

    public void MapApi(ApiGroups api)
    {
        api.Secured.MapPeopleApi();
        api.Secured.MapPersonApi();
        api.Secured.MapImportApi();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapPersonDownloads();
        app.MapImportDownloads();
    }

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<GridGovDbContext>();
        await PersonalDataBackfill.RunAsync(db, services.GetRequiredService<ILogger<PeopleModule>>(), ct);
        if (!await db.Set<TagDefinition>().AnyAsync(ct))
        {
            db.AddRange(TagCatalogue.Seed());
            await db.SaveChangesAsync(ct);
        }
        await PopulationTallies.BackfillRollupsAsync(db, ct);
        await TagTallies.BackfillAsync(db, services.GetRequiredService<ILogger<PeopleModule>>(), ct);
    }

    public IEnumerable<NavEntry> Navigation => [new("/people", "Nav.People", u => u.Has(PeoplePermissions.View), 20)];

    public IEnumerable<PermissionGrant> Grants =>
    [
        new(PeoplePermissions.View, [Roles.SystemAdmin, .. Roles.CentreStaff, Roles.GridWorker, Roles.Auditor]),
        new(PeoplePermissions.Manage, [Roles.SystemAdmin, .. Roles.CentreStaff, Roles.GridWorker]),
        new(PeoplePermissions.Reveal, [Roles.SystemAdmin, .. Roles.CentreStaff, Roles.GridWorker]),
        new(PeoplePermissions.SensitiveTags, [Roles.SystemAdmin, .. Roles.CentreStaff]),
    ];
}
