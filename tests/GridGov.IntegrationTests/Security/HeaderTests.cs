using System.Net;
using GridGov.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GridGov.IntegrationTests.Security;

/// <summary>Signed-in pages and API answers carry the headers a county's profile asks for.</summary>
public abstract class HeaderTests(GridGovApp app)
{
    [Fact]
    public async Task A_signed_in_page_forbids_framing_sniffing_caching_and_foreign_scripts()
    {
        var browser = new Browser(app);
        await browser.SignInAsync("community", GridGovApp.Password);
        var page = await browser.GetAsync("/people");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(page.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Api_answers_with_personal_data_are_never_cached()
    {
        var worker = await app.ApiAsync("gridworker");
        var response = await worker.GetAsync("/api/v1/people?pageSize=5");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_travels_over_tls_only()
    {
        app.SkipIfUnavailable();
        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie;
        Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
        Assert.True(cookie.HttpOnly);
        var response = await new Browser(app).SubmitAsync("/account/login", "/account/login",
            new Dictionary<string, string> { ["Input.UserName"] = "auditor", ["Input.Password"] = GridGovApp.Password }, handler: "login");
        var set = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Browser.AuthCookie + "="));
        Assert.Contains("secure", set, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", set, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_reverse_proxy_on_loopback_passes_the_client_address_through()
    {
        app.SkipIfUnavailable();
        var handler = app.Server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Loopback);
        var proxied = new HttpClient(handler) { BaseAddress = app.Server.BaseAddress };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { userName = "proxied-nobody", password = "x" }),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        Assert.Equal(HttpStatusCode.Unauthorized, (await proxied.SendAsync(request)).StatusCode);
        var recorded = await app.AsSystemAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Set<GridGov.Modules.Accounts.Domain.SignInEvent>(), e => e.UserName == "proxied-nobody"));
        Assert.Equal("203.0.113.7", recorded.ClientAddress);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HeadersOnSqlite(SqliteApp app) : HeaderTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HeadersOnPostgres(PostgresApp app) : HeaderTests(app);
