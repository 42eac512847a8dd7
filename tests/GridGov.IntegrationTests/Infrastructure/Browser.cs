using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GridGov.IntegrationTests.Infrastructure;

/// <summary>
/// A signed-in page session as a browser holds it: cookies kept by hand, so a test can keep a copy
/// of the sign-in cookie and replay it after the session has ended.
/// </summary>
public sealed partial class Browser(GridGovApp app)
{
    private readonly HttpClient _client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public Dictionary<string, string> Cookies { get; } = [];

    public const string AuthCookie = "gridgov.auth";

    public async Task<HttpResponseMessage> GetAsync(string url) => Keep(await _client.SendAsync(Request(HttpMethod.Get, url)));

    /// <summary>Posts a page's form as its submit button would: its hidden fields (antiforgery, handler) plus <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string formAction, IReadOnlyDictionary<string, string> fields, string? handler = null)
    {
        var page = await (await GetAsync(pageUrl)).Content.ReadAsStringAsync();
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken") };
        if (handler is not null) values["_handler"] = handler;
        var request = Request(HttpMethod.Post, formAction);
        request.Content = new FormUrlEncodedContent(values);
        return Keep(await _client.SendAsync(request));
    }

    public async Task SignInAsync(string userName, string password)
    {
        var response = await SubmitAsync("/account/login", "/account/login",
            new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password, ["Input.Code"] = app.CodeFor(userName) ?? "" },
            handler: "login");
        if (!Cookies.ContainsKey(AuthCookie)) throw new InvalidOperationException($"sign-in failed: {(int)response.StatusCode}");
    }

    /// <summary>A form posted with the browser's cookies and no antiforgery token, as a page of another site would post it.</summary>
    public async Task<HttpResponseMessage> PostFromElsewhereAsync(string url, IReadOnlyDictionary<string, string> fields)
    {
        var request = Request(HttpMethod.Post, url);
        request.Content = new FormUrlEncodedContent(fields);
        return Keep(await _client.SendAsync(request));
    }

    /// <summary>Signs out from the inbox, a page every account has (the home page may send a role to its desk).</summary>
    public Task<HttpResponseMessage> SignOutAsync() => SubmitAsync("/notices", "/account/logout", new Dictionary<string, string>());

    private HttpRequestMessage Request(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        if (Cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        return request;
    }

    private HttpResponseMessage Keep(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var cookie in set)
            {
                var pair = cookie.Split(';')[0];
                var cut = pair.IndexOf('=');
                var (name, value) = (pair[..cut], pair[(cut + 1)..]);
                if (value.Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) Cookies.Remove(name);
                else Cookies[name] = value;
            }
        return response;
    }

    private static string Hidden(string html, string name) =>
        HiddenField(name).Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"no {name} on the page");

    private static Regex HiddenField(string name) => new($"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
}
