using System.Net;
using System.Net.Http.Json;
using GridGov.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GridGov.IntegrationTests;

public abstract class AccountTests(GridGovApp app)
{
    private static int _seq;

    private async Task<string> NewWorkerAsync(string scope = "14112710000130002")
    {
        var name = $"worker{Interlocked.Increment(ref _seq)}{Guid.NewGuid():N}"[..16];
        var admin = await app.ApiAsync("security");
        await admin.PostJsonAsync("/api/v1/users", new
        {
            userName = name, displayName = "测试网格员", roles = new[] { "GridWorker" }, captureScopeCode = scope, password = "Worker@2026-x",
        }, HttpStatusCode.Created);
        return name;
    }

    private async Task<HttpResponseMessage> TokenAsync(string user, string password) =>
        await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var name = await NewWorkerAsync();
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(name, "Worker@2026-x")).StatusCode);
        for (var i = 0; i < 5; i++) await (await TokenAsync(name, "wrong")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await TokenAsync(name, "Worker@2026-x")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        var options = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Lockout;
        Assert.Equal(5, options.MaxFailedAccessAttempts);
        Assert.True(options.DefaultLockoutTimeSpan >= TimeSpan.FromMinutes(15));

        var admin = await app.ApiAsync("security");
        var listed = await admin.GetJsonAsync($"/api/v1/users?search={name}");
        var user = listed.GetProperty("items")[0];
        Assert.True(user.GetProperty("isLockedOut").GetBoolean());
        await (await admin.PostAsync($"/api/v1/users/{user.Str("id")}/unlock", null)).JsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(name, "Worker@2026-x")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        var name = await NewWorkerAsync();
        var unknown = await (await TokenAsync("no-such-user", "whatever")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var wrong = await (await TokenAsync(name, "whatever")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(unknown.Str("title"), wrong.Str("title"));
        Assert.Equal(unknown.Str("type"), wrong.Str("type"));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var name = await NewWorkerAsync();
        var admin = await app.ApiAsync("security");
        var user = (await admin.GetJsonAsync($"/api/v1/users?search={name}")).GetProperty("items")[0];
        await (await admin.PutAsJsonAsync($"/api/v1/users/{user.Str("id")}", new
        {
            userName = name, displayName = "停用", roles = new[] { "GridWorker" }, captureScopeCode = "14112710000130002", isDisabled = true,
        })).JsonAsync();
        await (await TokenAsync(name, "Worker@2026-x")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task The_session_ends_after_the_configured_idle_time()
    {
        app.SkipIfUnavailable();
        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(TimeSpan.FromMinutes(30), cookie.ExpireTimeSpan);
        Assert.True(cookie.SlidingExpiration);
    }

    [Fact]
    public async Task Administrators_grant_only_roles_and_scopes_within_their_own()
    {
        var community = await app.ApiAsync("community");
        var name = $"cw{Guid.NewGuid():N}"[..12];
        var created = await community.PostJsonAsync("/api/v1/users", new
        {
            userName = name, displayName = "新网格员", roles = new[] { "GridWorker" }, captureScopeCode = "14112710000130003", password = "Worker@2026-x",
        }, HttpStatusCode.Created);
        Assert.Equal("14112710000130003", created.Str("captureScopeCode"));

        await (await community.PostAsJsonAsync("/api/v1/users", new
        {
            userName = name + "x", displayName = "越权", roles = new[] { "CountyCentre" }, captureScopeCode = "141127100001", password = "Worker@2026-x",
        })).ProblemAsync(HttpStatusCode.Forbidden, "role_not_grantable");
        await (await community.PostAsJsonAsync("/api/v1/users", new
        {
            userName = name + "y", displayName = "越界", roles = new[] { "GridWorker" }, captureScopeCode = "14112710000230001", password = "Worker@2026-x",
        })).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var invalid = await (await community.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "", displayName = "", roles = Array.Empty<string>(), captureScopeCode = "", password = "",
        })).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(invalid.GetProperty("errors").TryGetProperty("userName", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("roles", out _));

        var listed = await community.GetJsonAsync("/api/v1/users?pageSize=200");
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), u => u.Str("userName") == "county");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), u => u.Str("userName") == "gridworker");
        var worker = await app.ApiAsync("gridworker");
        await (await worker.GetAsync("/api/v1/users")).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task A_changed_scope_ends_the_sessions_at_once_and_applies_at_the_next_sign_in()
    {
        var name = await NewWorkerAsync("14112710000130004");
        var client = await app.FirstSignInAsync(name, "Worker@2026-x");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/grids/14112710000130004")).StatusCode);

        var admin = await app.ApiAsync("security");
        var user = (await admin.GetJsonAsync($"/api/v1/users?search={name}")).GetProperty("items")[0];
        await (await admin.PutAsJsonAsync($"/api/v1/users/{user.Str("id")}", new
        {
            userName = name, displayName = "调岗", roles = new[] { "GridWorker" }, captureScopeCode = "14112710000130005",
        })).JsonAsync();
        await (await client.GetAsync("/api/v1/grids/14112710000130005")).ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        var again = (await (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token",
            new { userName = name, password = GridGovApp.ChangedPassword, code = app.CodeFor(name) })).JsonAsync()).Str("accessToken");
        client.DefaultRequestHeaders.Authorization = new("Bearer", again);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/grids/14112710000130004")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/grids/14112710000130005")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccountsOnSqlite(SqliteApp app) : AccountTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AccountsOnPostgres(PostgresApp app) : AccountTests(app);
