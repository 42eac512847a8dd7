using GridGov.Data;
using GridGov.Kernel.Hosting;
using GridGov.Kernel.Modules;
using GridGov.Kernel.Security;
using GridGov.Modules.Accounts.Api;
using GridGov.Modules.Accounts.Application;
using GridGov.Modules.Accounts.Contracts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GridGov.Modules.Accounts;

/// <summary>Accounts, sign-in (cookie and bearer), sessions, the second factor and the first administrator.</summary>
public sealed class AccountsModule : IGridGovModule
{
    public int Order => 30;

    public void AddServices(IServiceCollection services, ModuleHost host)
    {
        AddIdentity(services, host.Configuration);
        AddAuthentication(services, host);
        services.AddSignInLimits();
        services.AddTransient<Microsoft.AspNetCore.Authorization.Policy.PolicyEvaluator>();
        services.AddTransient<Microsoft.AspNetCore.Authorization.Policy.IPolicyEvaluator, SessionPolicyEvaluator>();
        services.AddScoped<IAccountDirectory, AccountDirectory>();
        services.AddScoped<IActorNames, ActorNames>();
        services.AddScoped<Kernel.Scoping.IGridChangeFollower, AccountsFollowGrids>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<SignIn>();
        services.AddScoped<Sessions>();
        services.AddScoped<FirstAdministrator>();
        services.AddScoped<PasswordChanges>();
        services.AddScoped<SignInLog>();
        services.AddScoped<SecondFactor>();
    }

    private static void AddIdentity(IServiceCollection services, IConfiguration config) =>
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(Math.Max(15, config.GetValue("Auth:LockoutMinutes", 15)));
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = PasswordPolicy.MinimumLength;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddPasswordValidator<PasswordPolicy>()
            .AddEntityFrameworkStores<GridGovDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

    /// <summary>
    /// Cookies travel over TLS only, except in Development or where a deployment says it serves plain
    /// HTTP on a closed network (<c>Auth:AllowHttpCookies</c>).
    /// </summary>
    private static CookieSecurePolicy SecureCookies(ModuleHost host) =>
        host.Environment.IsDevelopment() || host.Configuration.GetValue("Auth:AllowHttpCookies", false)
            ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    private static void AddAuthentication(IServiceCollection services, ModuleHost host)
    {
        var idle = TimeSpan.FromMinutes(host.Configuration.GetValue("Auth:IdleTimeoutMinutes", 30));
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
                o.Cookie.SecurePolicy = SecureCookies(host);
                // No security-stamp check: every request checks its session (CurrentUserMiddleware),
                // which ends at once on sign-out and on any change to the account's access.
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1));
        services.AddAuthorizationBuilder()
            .AddPolicy("api", p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        services.AddCascadingAuthenticationState();
    }

    public void UseAfterAuthentication(IApplicationBuilder app)
    {
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseMiddleware<AccountSetupGate>();
    }

    public void MapApi(ApiGroups api)
    {
        api.Public.MapTokenApi();
        api.Secured.MapAccountsApi();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapAccountPages();

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<FirstAdministrator>().EnsureRolesAsync();
        var demo = DemoData.Wanted(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>());
        if (!demo && !await services.GetRequiredService<GridGovDbContext>().Users.AnyAsync(ct))
            Console.WriteLine(FirstAdministrator.Instructions);
    }

    public IEnumerable<NavEntry> Navigation => [new("/admin/users", "Nav.Users", u => u.Has(AccountPermissions.UsersView), 50)];

    /// <summary>The security administrator's work is the accounts.</summary>
    public IEnumerable<Landing> Landings => [new("/admin/users", u => u.Roles.Contains(Roles.SecurityAdmin), 30)];

    public IEnumerable<PermissionGrant> Grants =>
    [
        new(AccountPermissions.UsersView, [Roles.SecurityAdmin, Roles.AuditAdmin, .. Roles.CentreStaff, Roles.Auditor]),
        new(AccountPermissions.UsersManage, [Roles.SecurityAdmin, .. Roles.CentreStaff]),
    ];
}
