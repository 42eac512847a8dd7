using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using Microsoft.AspNetCore.Http;

namespace GridGov.Modules.Accounts.Application;

/// <summary>
/// An account whose password must be changed (initial, reset or expired) may change it, read who
/// it is and sign out, nothing more: pages lead to the change form, the API answers 403.
/// </summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    private static readonly string[] Open = ["/account/password", "/account/logout", "/api/v1/auth/password", "/api/v1/auth/logout", "/api/v1/me",
        "/_framework", "/_content", "/css", "/culture"];

    public Task InvokeAsync(HttpContext http, CurrentUser user)
    {
        if (!user.MustChangePassword || Open.Any(p => http.Request.Path.StartsWithSegments(p)) || Path.HasExtension(http.Request.Path.Value))
            return next(http);
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/open311"))
            throw new ForbiddenException("password_change_required");
        http.Response.Redirect("/account/password");
        return Task.CompletedTask;
    }
}
