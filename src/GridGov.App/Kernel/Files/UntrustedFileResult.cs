using Microsoft.AspNetCore.Http;

namespace GridGov.Kernel.Files;

/// <summary>
/// A file users uploaded, served so that a browser can only show it, never run it: its declared
/// type is final (nosniff), and a policy of its own allows no script, frame or form, even if the
/// file is opened on its own in a tab.
/// </summary>
public sealed class UntrustedFileResult(IResult inner) : IResult
{
    public Task ExecuteAsync(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
        headers.CacheControl = "private, no-store";
        headers.ContentDisposition = "inline";
        return inner.ExecuteAsync(http);
    }
}
