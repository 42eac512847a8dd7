using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GridGov.Kernel.Hosting;

/// <summary>
/// The headers every response carries: a content policy that lets a page run only the app's own
/// scripts and be framed by no one, no type sniffing, no referrer leaving the site, and no caching
/// of anything but the app's own static files (pages and API answers hold personal data).
/// </summary>
public static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /// <summary>The API reference page runs its own inline bootstrap; it shows no personal data.</summary>
    private const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>The page policy, with a configured map tile server allowed to serve images.</summary>
    public static string PagePolicyWith(string? tileOrigin) =>
        tileOrigin is null ? PagePolicy : PagePolicy.Replace("img-src 'self' data: blob:;", $"img-src 'self' data: blob: {tileOrigin};", StringComparison.Ordinal);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? tileOrigin = null)
    {
        var pagePolicy = PagePolicyWith(tileOrigin);
        return app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(self), geolocation=(self), microphone=()";
            if (!headers.ContainsKey("Content-Security-Policy"))
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api/reference") ? ReferencePolicy : pagePolicy;
            if (!headers.ContainsKey("Cache-Control") || !IsStaticAsset(http)) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(http);
    });
    }

    /// <summary>The app's fingerprinted files (styles, scripts, fonts) keep the caching they were served with.</summary>
    private static bool IsStaticAsset(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/_content") || http.Request.Path.StartsWithSegments("/_framework")
        || http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null;
}
