using System.Globalization;
using System.Threading.RateLimiting;
using GridGov.Kernel.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Modules.Accounts.Application;

/// <summary>
/// Password guessing is slowed per client address and for the whole deployment: past
/// <c>Auth:SignInPerClientPerMinute</c> (10) attempts from one address, or
/// <c>Auth:SignInPerMinute</c> (300) from all, a sign-in answers 429 with Retry-After.
/// </summary>
public static class SignInLimits
{
    public static IServiceCollection AddSignInLimits(this IServiceCollection services)
    {
        // Read on first use, from the host's final configuration.
        int PerClient(HttpContext http) => Setting(http, "Auth:SignInPerClientPerMinute", 10);
        int Overall(HttpContext http) => Setting(http, "Auth:SignInPerMinute", 300);
        return services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsSignIn(http)
                    ? RateLimitPartition.GetFixedWindowLimiter("client:" + http.Connection.RemoteIpAddress, _ => Window(PerClient(http)))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsSignIn(http)
                    ? RateLimitPartition.GetFixedWindowLimiter("all", _ => Window(Overall(http)))
                    : RateLimitPartition.GetNoLimiter("")));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var api = http.Request.Path.StartsWithSegments("/api");
                http.RequestServices.GetRequiredService<Sessions>().Record("", null, Domain.SignInOutcomeKind.RateLimited,
                    api ? Domain.SessionKind.Api : Domain.SessionKind.Page);
                await http.RequestServices.GetRequiredService<Data.GridGovDbContext>().SaveChangesAsync(ct);
                if (!api)
                {
                    // A person at the sign-in form is shown the form again with the reason.
                    http.Response.Redirect("/account/login?limited=1");
                    return;
                }
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                var problem = http.RequestServices.GetRequiredService<ProblemWriter>().FromAppException(new AppException(429, "too_many_attempts"));
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
            };
        });
    }

    public static bool IsSignIn(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method)
        && (http.Request.Path.StartsWithSegments("/api/v1/auth/token") || http.Request.Path.StartsWithSegments("/account/login"));

    private static int Setting(HttpContext http, string key, int fallback) =>
        http.RequestServices.GetRequiredService<IConfiguration>().GetValue(key, fallback);

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };
}
