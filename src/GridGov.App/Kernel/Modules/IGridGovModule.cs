using GridGov.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GridGov.Kernel.Modules;

/// <summary>
/// A module's manifest: everything the host needs to compose it. The host finds every
/// implementation by reflection (<see cref="ModuleCatalog"/>), so adding a module touches its own
/// folder, its two migrations and the strings table, and no shared file.
/// </summary>
public interface IGridGovModule
{
    /// <summary>Seeding and navigation run in this order, lowest first.</summary>
    int Order { get; }

    void AddServices(IServiceCollection services, ModuleHost host) { }

    /// <summary>Middleware that runs once the request's account is known, before authorisation.</summary>
    void UseAfterAuthentication(IApplicationBuilder app) { }

    /// <summary>Provider-specific model settings: filters beyond the scope filter, collations, sequences, index methods.</summary>
    void ConfigureModel(ModelBuilder model, ModelSettings settings) { }

    /// <summary>Routes under <c>/api/v1</c>: <see cref="ApiGroups.Secured"/> needs a bearer token, <see cref="ApiGroups.Public"/> does not.</summary>
    void MapApi(ApiGroups api) { }

    /// <summary>Other routes: downloads, form posts, standards with their own prefix.</summary>
    void MapEndpoints(IEndpointRouteBuilder app) { }

    /// <summary>Reference data every deployment needs, run at start-up after the migrations, acting as the system.</summary>
    Task SeedAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    IEnumerable<NavEntry> Navigation => [];

    /// <summary>Where a role's work is (the dispatch desk, a department's inbox): a user one fits starts there instead of on the home panels.</summary>
    IEnumerable<Landing> Landings => [];

    /// <summary>The module's panels on the home page, each for the users it fits.</summary>
    IEnumerable<HomePanel> HomePanels => [];

    /// <summary>The module's panels on other modules' pages, each in a named slot the page offers.</summary>
    IEnumerable<SlotPanel> SlotPanels => [];

    /// <summary>The module's permissions and the roles that hold each.</summary>
    IEnumerable<PermissionGrant> Grants => [];
}

/// <summary>What a module may read while it registers its services.</summary>
public sealed record ModuleHost(IConfiguration Configuration, IHostEnvironment Environment);

public sealed record ModelSettings(DbContext Context, bool IsPostgres);

public sealed record ApiGroups(RouteGroupBuilder Public, RouteGroupBuilder Secured);

/// <summary>A link in the top navigation, shown to those <paramref name="Visible"/> lets through.</summary>
public sealed record NavEntry(string Href, string LabelKey, Func<CurrentUser, bool> Visible, int Order, string? TestId = null);

/// <summary>A start page for the users <paramref name="Fits"/> lets through; the lowest order that fits wins.</summary>
public sealed record Landing(string Href, Func<CurrentUser, bool> Fits, int Order);

/// <summary>A component on the home page, shown to the users <paramref name="Fits"/> lets through, lowest order first.</summary>
public sealed record HomePanel(Type Component, Func<CurrentUser, bool> Fits, int Order);

/// <summary>
/// A component one module lends to a page of another through a named slot ("cockpit"), shown to
/// the users <paramref name="Fits"/> lets through, lowest order first. The module that owns the
/// page names the slot and the parameters it passes in its contracts; a panel declares each of them.
/// </summary>
public sealed record SlotPanel(string Slot, Type Component, Func<CurrentUser, bool> Fits, int Order);

/// <summary>A permission and the roles that hold it.</summary>
public sealed record PermissionGrant(Permission Permission, params string[] Roles);
