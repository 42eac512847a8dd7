using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using GridGov.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests.Security;

/// <summary>Sessions end on the server; every failure looks and takes alike; every attempt is recorded.</summary>
public abstract class SessionTests(GridGovApp app)
{
    private static int _seq;
    private const string Initial = "Initial#2026-Lan";

    private async Task<(string Name, string Id)> NewWorkerAsync()
    {
        var name = $"sess{Interlocked.Increment(ref _seq)}{Guid.NewGuid():N}"[..16];
        var created = await (await app.ApiAsync("security")).PostJsonAsync("/api/v1/users", new
        {
            userName = name, displayName = "会话网格员", roles = new[] { "GridWorker" }, captureScopeCode = "14112710000130003", password = Initial,
        }, HttpStatusCode.Created);
        return (name, created.Str("id"));
    }

    private Task<HttpResponseMessage> TokenAsync(string user, string password) =>
        app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });

    [Fact]
    public async Task A_cookie_captured_before_logout_opens_nothing_after_it()
    {
        var browser = new Browser(app);
        await browser.SignInAsync("county", GridGovApp.Password);
        var captured = browser.Cookies[Browser.AuthCookie];
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/people/export.xlsx?full=true&q=zhangsanfeng")).StatusCode);

        await browser.SignOutAsync();
        var replay = new Browser(app);
        replay.Cookies[Browser.AuthCookie] = captured;
        var export = await replay.GetAsync("/people/export.xlsx?full=true&q=zhangsanfeng");
        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
        Assert.Contains("/account/login", export.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await replay.GetAsync("/people")).StatusCode);
    }

    [Fact]
    public async Task Logging_out_through_the_api_ends_the_bearer_token_on_the_server()
    {
        var (name, _) = await NewWorkerAsync();
        var client = await app.FirstSignInAsync(name, Initial);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        await (await client.PostAsync("/api/v1/auth/logout", null)).JsonAsync(HttpStatusCode.NoContent);
        await (await client.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Theory]
    [InlineData("password")]
    [InlineData("disable")]
    [InlineData("role")]
    [InlineData("scope")]
    public async Task A_change_to_an_accounts_access_ends_its_tokens_and_sessions_at_once(string change)
    {
        var (name, id) = await NewWorkerAsync();
        var client = await app.FirstSignInAsync(name, Initial);
        var browser = new Browser(app);
        await browser.SignInAsync(name, GridGovApp.ChangedPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/grids/14112710000130003")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/people")).StatusCode);

        var admin = await app.ApiAsync("security");
        await (await admin.PutAsJsonAsync($"/api/v1/users/{id}", new
        {
            userName = name, displayName = "会话网格员", roles = new[] { change == "role" ? "CommunityStaff" : "GridWorker" },
            captureScopeCode = change == "scope" ? "14112710000130004" : change == "role" ? "141127100001" : "14112710000130003",
            password = change == "password" ? "Reset#2026-Lan-x" : null, isDisabled = change == "disable",
        })).JsonAsync();

        await (await client.GetAsync("/api/v1/grids/14112710000130003")).ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        // The page session is simply signed out: the sign-in page answers, everything else leads to it.
        var people = await browser.GetAsync("/people");
        Assert.Equal(HttpStatusCode.Redirect, people.StatusCode);
        Assert.Contains("/account/login", people.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_initial_password_must_be_changed_before_anything_else()
    {
        var (name, _) = await NewWorkerAsync();
        var token = (await (await TokenAsync(name, Initial)).JsonAsync()).Str("accessToken");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.True((await client.GetJsonAsync("/api/v1/me")).GetProperty("mustChangePassword").GetBoolean());
        await (await client.GetAsync("/api/v1/grids/14112710000130003")).ProblemAsync(HttpStatusCode.Forbidden, "password_change_required");

        var browser = new Browser(app);
        await browser.SignInAsync(name, Initial);
        var home = await browser.GetAsync("/people");
        Assert.Equal("/account/password", home.Headers.Location?.ToString());

        var same = await (await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = Initial, newPassword = "Password2026!" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("common_password", same.GetProperty("fieldCodes").Str("newPassword"));
        await (await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = Initial, newPassword = "Mine#2026-Lan-q" })).JsonAsync(HttpStatusCode.NoContent);
        // A grid worker may reveal full numbers, so the second factor comes next, then the work.
        await (await client.GetAsync("/api/v1/grids/14112710000130003")).ProblemAsync(HttpStatusCode.Forbidden, "second_factor_enrolment_required");
        var key = (await client.GetJsonAsync("/api/v1/auth/mfa")).Str("sharedKey");
        await (await client.PostAsJsonAsync("/api/v1/auth/mfa", new { code = "123456" })).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var recovery = (await client.PostJsonAsync("/api/v1/auth/mfa", new { code = GridGov.Tests.Totp.Code(key) })).GetProperty("codes");
        Assert.Equal(10, recovery.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/grids/14112710000130003")).StatusCode);
        await (await TokenAsync(name, "Mine#2026-Lan-q")).ProblemAsync(HttpStatusCode.Unauthorized, "second_factor_required");
        var withCode = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = "Mine#2026-Lan-q", code = GridGov.Tests.Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        // A recovery code stands in for the app once.
        var first = recovery[0].GetString();
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = "Mine#2026-Lan-q", code = first })).StatusCode);
        await (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = "Mine#2026-Lan-q", code = first }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "second_factor_required");
        // The change ended the account's other sessions.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/people")).StatusCode);
    }

    [Fact]
    public async Task A_password_older_than_the_countys_limit_must_be_changed_at_the_next_sign_in()
    {
        var (name, _) = await NewWorkerAsync();
        await app.FirstSignInAsync(name, Initial);
        await app.AsSystemAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == name);
            user.PasswordChangedAt = DateTime.UtcNow.AddDays(-400);
            await db.SaveChangesAsync();
        });
        var token = (await (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token",
            new { userName = name, password = GridGovApp.ChangedPassword, code = app.CodeFor(name) })).JsonAsync()).Str("accessToken");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.True((await client.GetJsonAsync("/api/v1/me")).GetProperty("mustChangePassword").GetBoolean());
        await (await client.GetAsync("/api/v1/grids/14112710000130003")).ProblemAsync(HttpStatusCode.Forbidden, "password_change_required");
    }

    [Theory]
    [InlineData("Password2026!", "common_password")]
    [InlineData("qwertyuiop123456", "common_password")]
    [InlineData("aaaaaaaaaaaaA1", "common_password")]
    [InlineData("Short#26a", "weak_password")]
    public async Task Weak_common_and_breached_passwords_are_refused(string password, string code)
    {
        var admin = await app.ApiAsync("security");
        var problem = await (await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = $"pw{Guid.NewGuid():N}"[..14], displayName = "密码", roles = new[] { "GridWorker" }, captureScopeCode = "14112710000130003", password,
        })).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(code, problem.GetProperty("fieldCodes").Str("password"));
    }

    [Fact]
    public async Task A_locked_account_answers_as_slowly_as_a_wrong_password()
    {
        var (name, _) = await NewWorkerAsync();
        for (var i = 0; i < 5; i++) await TokenAsync(name, "wrong-password-1");
        var locked = await MedianMillisecondsAsync(() => TokenAsync(name, Initial));
        var (other, _) = await NewWorkerAsync();
        var wrong = await MedianMillisecondsAsync(() => TokenAsync(other, "wrong-password-2"));
        var unknown = await MedianMillisecondsAsync(() => TokenAsync("nobody-" + Guid.NewGuid().ToString("N")[..8], "x"));
        // Each failure costs one password hash (tens of ms); a lockout answered before hashing took 1/20 of that.
        Assert.True(locked > wrong * 0.4, $"locked {locked:F1} ms, wrong password {wrong:F1} ms");
        Assert.True(unknown > wrong * 0.4, $"unknown {unknown:F1} ms, wrong password {wrong:F1} ms");
    }

    private static async Task<double> MedianMillisecondsAsync(Func<Task<HttpResponseMessage>> attempt)
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            Assert.Equal(HttpStatusCode.Unauthorized, (await attempt()).StatusCode);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times.Order().ElementAt(2);
    }

    [Fact]
    public async Task Sign_ins_failures_lockouts_and_sign_outs_are_recorded_for_auditors()
    {
        var (name, _) = await NewWorkerAsync();
        var client = await app.FirstSignInAsync(name, Initial);
        await client.PostAsync("/api/v1/auth/logout", null);
        for (var i = 0; i < 6; i++) await TokenAsync(name, "wrong-password-3");
        var auditor = await app.ApiAsync("auditor");
        var events = (await auditor.GetJsonAsync($"/api/v1/sign-in-events?userName={name}&pageSize=50")).GetProperty("items").EnumerateArray()
            .Select(e => e.Str("outcome")).ToList();
        foreach (var outcome in new[] { "SignedIn", "PasswordChanged", "SignedOut", "Failed", "LockedOut" }) Assert.Contains(outcome, events);
        await (await client.GetAsync("/api/v1/sign-in-events")).ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        await (await (await app.ApiAsync("gridworker")).GetAsync("/api/v1/sign-in-events")).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SessionsOnSqlite(SqliteApp app) : SessionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SessionsOnPostgres(PostgresApp app) : SessionTests(app);
