using GridGov.Data;
using GridGov.Kernel.Hosting;
using GridGov.Kernel.Modules;
using GridGov.Kernel.Notices;
using GridGov.Kernel.Tallies;
using GridGov.Kernel.Time;
using GridGov.Modules.Audit.Application;
using GridGov.Modules.Accounts.Application;
using GridGov.Shell;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;

namespace GridGov.Host;

public static class GridGovPipeline
{
    /// <summary>The keys for personal data at rest: <c>Privacy:KeyFile</c>, by default beside the database in <c>data/keys</c>.</summary>
    public static void LoadPersonalDataKeys(this WebApplication app) =>
        Kernel.Privacy.PersonalDataKeys.Load(Path.GetFullPath(app.Configuration["Privacy:KeyFile"] ?? Path.Combine("data", "keys", "personal-data.json"),
            app.Environment.ContentRootPath));

    /// <summary>The command line's <c>verify-audit</c>: recomputes every audit trail's chain; exit code 0 when intact.</summary>
    public static async Task<int> VerifyAuditAsync(this WebApplication app)
    {
        app.LoadPersonalDataKeys();
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Kernel.Security.CurrentUser>().ActAsSystem();
        var report = await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync(CancellationToken.None);
        foreach (var t in report.Trails) Console.WriteLine($"{t.Trail,-16} {t.Links,8} links, sealed through id {t.SealedThrough}, {t.Unsealed} rows not yet sealed");
        Console.WriteLine(report.FirstBreak is { } b
            ? $"BROKEN: {b.Trail} rows {b.FromId}–{b.ToId}, sealed {b.SealedAt:u}: {b.Reason}"
            : "Intact.");
        return report.Intact ? 0 : 1;
    }

    /// <summary>The command line's <c>create-admin NAME</c>: the first account of a deployment, printed once.</summary>
    public static async Task<int> CreateFirstAdministratorAsync(this WebApplication app, string userName)
    {
        app.LoadPersonalDataKeys();
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Kernel.Security.CurrentUser>().ActAsSystem();
        await scope.ServiceProvider.GetRequiredService<GridGovDbContext>().Database.MigrateAsync();
        try
        {
            var password = await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().CreateAsync(userName);
            Console.WriteLine($"Created {userName}. One-time password: {password}\nIt must be changed at the first sign-in.");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>Migrates, seeds an empty database with the demo county, and maps the UI, API and health check.</summary>
    public static async Task UseGridGovAsync(this WebApplication app)
    {
        app.LoadPersonalDataKeys();
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Kernel.Security.CurrentUser>().ActAsSystem();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }

        // Behind a reverse proxy the client's address and scheme come from its headers (only from the proxies configured as known).
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSecurityHeaders(app.Services.GetRequiredService<Kernel.Geo.MapTiles>().Origin);
        // Culture first, so problems written by the exception handler speak the request's language.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api") || c.Request.Path.StartsWithSegments("/open311"), api => api.UseStatusCodePages());
        // A page address that matches nothing answers 404 with the app's own not-found page, not an empty body.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && !c.Request.Path.StartsWithSegments("/open311"),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing runs after the status-code pages, so that a re-executed request is routed to the not-found page.
        app.UseRouting();
        app.MapStaticAssets();
        app.UseRateLimiter();
        app.UseAuthentication();
        foreach (var module in ModuleCatalog.All) module.UseAfterAuthentication(app);
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapGet("/healthz", async (GridGovDbContext db, CancellationToken ct) =>
        {
            var ok = await db.Database.CanConnectAsync(ct);
            var pending = ok ? (await db.Database.GetPendingMigrationsAsync(ct)).Count() : -1;
            var body = new { status = ok && pending == 0 ? "healthy" : "unhealthy", database = db.Database.ProviderName, pendingMigrations = pending };
            return ok && pending == 0 ? Results.Ok(body) : Results.Json(body, statusCode: 503);
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/culture", (string c, string? returnUrl, HttpContext http) =>
        {
            var culture = GridGovServices.Cultures.FirstOrDefault(x => x.Name == c)?.Name ?? "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//") ? r : "/");
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("GridGov API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();

        var api = app.MapGroup("/api/v1");
        api.AddEndpointFilter<Kernel.Errors.DefinedEnumsFilter>();
        var groups = new ApiGroups(api, api.MapGroup("").RequireAuthorization("api"));
        groups.Secured.MapNotices().MapFigures().MapTallyChecks().MapCalendar();
        foreach (var module in ModuleCatalog.All)
        {
            module.MapApi(groups);
            module.MapEndpoints(app);
        }
        app.MapRazorComponents<App>();
    }
}
