using GridGov.Kernel.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Modules.Accounts.Application;

/// <summary>
/// A policy that names its schemes authenticates again; a cookie or token whose session has ended
/// (so <see cref="CurrentUserMiddleware"/> found no open session) must fail there too, and be
/// challenged (401, or the sign-in page) like any caller who is not signed in.
/// </summary>
public sealed class SessionPolicyEvaluator(PolicyEvaluator inner) : IPolicyEvaluator
{
    public async Task<AuthenticateResult> AuthenticateAsync(AuthorizationPolicy policy, HttpContext context)
    {
        var result = await inner.AuthenticateAsync(policy, context);
        if (!result.Succeeded || context.RequestServices.GetRequiredService<CurrentUser>().IsAuthenticated) return result;
        context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        return AuthenticateResult.NoResult();
    }

    public Task<PolicyAuthorizationResult> AuthorizeAsync(AuthorizationPolicy policy, AuthenticateResult authenticationResult, HttpContext context,
        object? resource) => inner.AuthorizeAsync(policy, authenticationResult, context, resource);
}
