using System.Globalization;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using GridGov.Modules.Accounts.Application;
using GridGov.Modules.Accounts.Contracts;
using GridGov.Modules.Accounts.Domain;
using GridGov.Modules.Demo;
using GridGov.Modules.People.Application;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.Territory.Application;
using GridGov.Modules.Territory.Contracts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor.Services;

namespace GridGov.Kernel.Hosting;

public static class GridGovServices
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    /// <summary>
    /// Cookies travel over TLS only, except in Development or where a deployment says it serves plain
    /// HTTP on a closed network (<c>Auth:AllowHttpCookies</c>).
    /// </summary>
    private static CookieSecurePolicy SecureCookies(WebApplicationBuilder builder) =>
        builder.Environment.IsDevelopment() || builder.Configuration.GetValue("Auth:AllowHttpCookies", false)
            ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    /// <summary>Proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: loopback, and those listed in <c>Proxy:KnownProxies</c>.</summary>
    private static void AddGridGovForwardedHeaders(this IServiceCollection services, IConfiguration config) =>
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in config.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [])
                if (System.Net.IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
        });

    public static WebApplicationBuilder AddGridGov(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CurrentUser>();
        services.AddGridGovDatabase();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(Math.Max(15, config.GetValue("Auth:LockoutMinutes", 15)));
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = Modules.Accounts.Application.PasswordPolicy.MinimumLength;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddPasswordValidator<Modules.Accounts.Application.PasswordPolicy>()
            .AddEntityFrameworkStores<GridGovDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        var idle = TimeSpan.FromMinutes(config.GetValue("Auth:IdleTimeoutMinutes", 30));
        // Pages sign in with the cookie, API clients with a bearer token; one default scheme picks per request.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "cookie-or-bearer";
                o.DefaultChallengeScheme = "cookie-or-bearer";
            })
            .AddPolicyScheme("cookie-or-bearer", "Cookie or bearer", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.ExpireTimeSpan = idle;
                o.SlidingExpiration = true;
                o.Cookie.Name = "gridgov.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = SecureCookies(builder);
                // No security-stamp check: every request checks its session (CurrentUserMiddleware),
                // which ends at once on sign-out and on any change to the account's access.
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1));
        services.AddAuthorizationBuilder()
            .AddPolicy("api", p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        services.AddCascadingAuthenticationState();

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
        });

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.HttpContext.RequestServices.GetRequiredService<ProblemWriter>().Complete(c.ProblemDetails));
        services.AddScoped<ProblemWriter>();
        services.AddExceptionHandler<ProblemWriter>();
        services.AddOpenApi("v1", o => o.AddSchemaTransformer(EnumSchemas.DescribeAsNames).AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "GridGov API";
            doc.Info.Description = "Territory, grids, coverage, people, incidents (and Open311 GeoReport v2 under /open311/v2) and accounts. Authenticate with POST /api/v1/auth/token and send 'Authorization: Bearer <token>'.";
            doc.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["Bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http, Scheme = "bearer",
                Description = "The accessToken returned by POST /api/v1/auth/token",
            };
            doc.Security = [new Microsoft.OpenApi.OpenApiSecurityRequirement { [new Microsoft.OpenApi.OpenApiSecuritySchemeReference("Bearer", doc)] = [] }];
            return Task.CompletedTask;
        }));

        // Enums travel by name only: a number would slip past the names the domain knows.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new NamedEnumConverter()));
        // A body that does not read is the caller's mistake: thrown, it becomes a 400 problem naming the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddRazorComponents();
        services.AddMudServices();
        // The antiforgery cookie is no credential: marked Secure whenever the request came over TLS.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddGridGovForwardedHeaders(config);
        services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });
        services.AddSignInLimits();
        services.AddTransient<Microsoft.AspNetCore.Authorization.Policy.PolicyEvaluator>();
        services.AddTransient<Microsoft.AspNetCore.Authorization.Policy.IPolicyEvaluator, SessionPolicyEvaluator>();

        services.AddScoped<ChangeLog>();
        services.AddScoped<AuditChain>();
        services.AddHostedService<AuditSealing>();
        services.AddScoped<ITerritoryDirectory, TerritoryDirectory>();
        services.AddScoped<TerritoryTree>();
        services.AddScoped<GridLifecycle>();
        services.AddScoped<GridReorganisation>();
        services.AddScoped<GridStaffing>();
        services.AddScoped<GridHouseholds>();
        services.AddScoped<GridHistory>();
        services.AddScoped<SizeRules>();
        services.AddScoped<CoverageCheck>();
        services.AddScoped<IPopulationStatistics, PopulationStatistics>();
        services.AddScoped<IPopulationPlacement, PopulationPlacement>();
        services.AddScoped<HouseholdPlacement>();
        services.AddScoped<ISaveHook, PopulationTallies>();
        services.AddScoped<ISaveHook, Modules.Incidents.Application.IncidentTallies>();
        services.AddScoped<PersonRegistry>();
        services.AddScoped<PersonSearch>();
        services.AddScoped<PersonTags>();
        services.AddScoped<PersonExport>();
        services.AddScoped<HouseholdHistory>();
        services.AddScoped<GridPlaces>();
        services.AddScoped<GridGov.Modules.People.Application.Import.ImportStore>();
        services.AddScoped<GridGov.Modules.People.Application.Import.LedgerImport>();
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = GridGov.Modules.People.Api.ImportEndpoints.MaxUploadBytes);
        services.AddScoped<GridGov.Modules.People.Contracts.ITagDirectory, TagDirectory>();
        services.AddScoped<DuplicateReviews>();
        services.AddScoped<AccessLog>();
        services.AddScoped<IAccountDirectory, AccountDirectory>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<SignIn>();
        services.AddScoped<Sessions>();
        services.AddScoped<FirstAdministrator>();
        services.AddScoped<PasswordChanges>();
        services.AddScoped<SignInLog>();
        services.AddScoped<SecondFactor>();
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddScoped<GridGov.Modules.Incidents.Application.RoutingTable>();
        services.AddScoped<GridGov.Modules.Incidents.Application.IncidentCatalogue>();
        services.AddScoped<GridGov.Modules.Incidents.Application.IncidentMetrics>();
        services.AddScoped<GridGov.Modules.Incidents.Application.HolidayCalendar>();
        services.AddScoped<GridGov.Modules.Incidents.Application.IncidentDesk>();
        services.AddScoped<GridGov.Modules.Incidents.Application.IncidentPhotos>();
        services.AddScoped<GridGov.Modules.Incidents.Application.Notices>();
        services.AddScoped<GridGov.Modules.Incidents.Application.DeadlineSweep>();
        services.AddSingleton<GridGov.Modules.Incidents.Application.INoticeSender, GridGov.Modules.Incidents.Application.LoggingNoticeSender>();
        services.AddHostedService<GridGov.Modules.Incidents.Application.DeadlineWatch>();
        services.AddHostedService<GridGov.Modules.Incidents.Application.TallyFolding>();
        services.AddScoped<DemoCounty>();
        services.AddScoped<DatabaseInitializer>();
        return builder;
    }
}
