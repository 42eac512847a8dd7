using GridGov.Kernel.Security;
using GridGov.Modules.Accounts.Application;
using GridGov.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace GridGov.Modules.Accounts.Api;

public static class AccountPages
{
    /// <summary>Signing out is a form post (antiforgery-checked), not a link a page could trigger.</summary>
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (HttpContext http, CurrentUser me, Sessions sessions, CancellationToken ct) =>
        {
            await sessions.SignOutAsync(me, SessionKind.Page, ct);
            await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(http, IdentityConstants.ApplicationScheme);
            return Results.LocalRedirect("/account/login");
        }).ExcludeFromDescription();
        return app;
    }
}
