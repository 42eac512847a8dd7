using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using Microsoft.AspNetCore.Http;

namespace GridGov.Modules.Accounts.Application;

/// <summary>
/// An account that must first change its password (initial, reset or expired), or set up its
/// second factor, may do that, read who it is and sign out, nothing more: pages lead to the form,
/// the API answers 403 with the step still owed.
/// </summary>
public sealed class AccountSetupGate(RequestDelegate next)
{
    private static readonly string[] Open = ["/account/password", "/account/mfa", "/account/logout", "/api/v1/auth/password", "/api/v1/auth/mfa",
        "/api/v1/auth/logout", "/api/v1/me", "/_framework", "/_content", "/css", "/culture"];

    public Task InvokeAsync(HttpContext http, CurrentUser user)
    {
        var (owed, page) = user.MustChangePassword ? ("password_change_required", "/account/password")
            : user.MustEnrolSecondFactor ? ("second_factor_enrolment_required", "/account/mfa") : (null, null);
        if (owed is null || Open.Any(p => http.Request.Path.StartsWithSegments(p)) || Path.HasExtension(http.Request.Path.Value))
            return next(http);
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/open311")) throw new ForbiddenException(owed);
        http.Response.Redirect(page!);
        return Task.CompletedTask;
    }
}
