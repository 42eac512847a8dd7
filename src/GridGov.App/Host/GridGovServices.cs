using Microsoft.Extensions.DependencyInjection.Extensions;
using GridGov.Kernel.Time;
using System.Globalization;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Hosting;
using GridGov.Kernel.Modules;
using GridGov.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Host;

/// <summary>The composition root: the platform's services, then every module's, as its manifest declares them.</summary>
public static class GridGovServices
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

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
        services.AddScoped<UserScopes>();
        services.AddGridGovDatabase();

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
        services.AddOpenApi("v1", o => o.AddSchemaTransformer(EnumSchemas.DescribeAsNames).AddSchemaTransformer(MaskedSchemas.DescribeAsText)
            .AddDocumentTransformer(ProblemResponses.DescribeProblemSchema).AddOperationTransformer(ProblemResponses.DeclareProblems)
            .AddDocumentTransformer((doc, _, _) =>
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
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new NamedEnumConverter());
            o.SerializerOptions.Converters.Add(new Kernel.Time.UtcInstantJson());
        });
        // A body that does not read is the caller's mistake: thrown, it becomes a 400 problem naming the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddRazorComponents();
        // The antiforgery cookie is no credential: marked Secure whenever the request came over TLS.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddGridGovForwardedHeaders(config);
        services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });
        services.AddScoped<ChangeLog>();
        services.AddScoped<PathRebase>();
        services.AddScoped<Kernel.Notices.NoticeBoard>();
        services.AddScoped<Kernel.Naming.RecordNames>();
        services.AddSingleton(Kernel.Geo.MapTiles.From(config));
        services.AddScoped<Kernel.Files.FileStore>();
        services.AddScoped<Kernel.Documents.ExportLog>();
        services.AddScoped<Kernel.Import.ImportStore>();
        services.AddScoped<Kernel.Import.ImportPipeline>();
        services.AddScoped<Kernel.Tallies.FigureBoard>();
        services.AddScoped<Kernel.Submissions.SubmittedOnce>();
        services.AddScoped<Kernel.Tallies.TallyChecks>();
        services.AddHostedService<Kernel.Tallies.TallyFolding>();
        services.AddScoped<Kernel.Scoping.IGridChangeFollower, Kernel.Notices.NoticesFollowGrids>();
        services.TryAddSingleton<Kernel.Notices.INoticeSender, Kernel.Notices.LoggingNoticeSender>();
        services.TryAddSingleton<Kernel.Notices.ITextMessageSender, Kernel.Notices.LoggingTextMessageSender>();
        services.AddScoped<HolidayCalendar>();
        services.AddHostedService<Kernel.Time.DeadlineWatch>();
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddScoped<DatabaseInitializer>();
        var host = new ModuleHost(config, builder.Environment);
        foreach (var module in ModuleCatalog.All) module.AddServices(services, host);
        return builder;
    }
}
