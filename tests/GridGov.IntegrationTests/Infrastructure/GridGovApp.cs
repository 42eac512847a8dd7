using Microsoft.Extensions.Logging;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Data;
using GridGov.Kernel.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GridGov.IntegrationTests.Infrastructure;

/// <summary>
/// The app on a fresh database, migrated and seeded with the demo county. One per provider and
/// test collection; tests that change data work on grids they create, so they do not disturb
/// one another.
/// </summary>
public abstract class GridGovApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "GridGov@2026";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected abstract DatabaseProvider Provider { get; }

    protected virtual int SignInLimit => 1_000_000;

    protected virtual string EnvironmentName => "Testing";

    protected virtual bool SeedsDemo => true;

    /// <summary>The past incidents the demo seeds: none by default.</summary>
    protected virtual int IncidentHistory => 0;

    /// <summary>What a test account's first password is changed to, at its first sign-in.</summary>
    public const string ChangedPassword = "Lan-Grid#2026-ok";

    public CommandCounter Commands { get; } = new();

    public FaultInjector Faults { get; } = new();

    /// <summary>The texts sent to phones (claim codes), kept instead of going to a gateway.</summary>
    public TextOutbox Texts { get; } = new();

    /// <summary>Where this host keeps uploads between preview and commit: its own, so a test can look inside.</summary>
    public string ImportFolder { get; } = Path.Combine(Path.GetTempPath(), $"gridgov-test-imports-{Guid.NewGuid():N}");
    protected string ConnectionString { get; set; } = "";

    /// <summary>Why this provider cannot run here, or null when it can.</summary>
    public virtual string? Unavailable => null;

    public void SkipIfUnavailable()
    {
        if (Unavailable is { } why) Assert.Skip(why);
    }

    /// <summary>What the host logged as errors, for a test's failure message.</summary>
    public ErrorLog Errors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The demo county and its logins, as in Development; a production host is asked nothing.
            ["Demo:Seed"] = SeedsDemo ? "true" : null,
            // The incident tests count what they report themselves; the demo's year of history has tests of its own.
            ["Demo:IncidentHistory"] = IncidentHistory.ToString(),
            ["Database:Provider"] = Provider.ToString(),
            ["ConnectionStrings:GridGov"] = ConnectionString,
            ["Import:MaxBytes"] = (5 * 1024 * 1024).ToString(),
            ["Files:Folder"] = Path.Combine(Path.GetTempPath(), "gridgov-test-photos"),
            ["Import:Folder"] = ImportFolder,
            // One key ring for every host in this process: the keys are the process's.
            ["Privacy:KeyFile"] = Path.Combine(Path.GetTempPath(), "gridgov-test-keys", "personal-data.json"),
            ["Files:MaxImageBytes"] = (256 * 1024).ToString(),
            // The deadline sweep is run by hand in the tests, at the moment each test chooses.
            ["Deadlines:WatchSeconds"] = "0",
            ["Tallies:FoldSeconds"] = "0",
            ["Coverage:CheckSeconds"] = "0",
            // Audit trails are sealed by hand in the tests, the moment a test chooses.
            ["Audit:SealSeconds"] = "0",
            // As a county whose rules make passwords expire after a year.
            ["Auth:PasswordMaxAgeDays"] = "365",
            ["Audit:SealLagMinutes"] = "0",
            // Tests sign in far more often than people do; the limit has its own tests with its own host.
            ["Auth:SignInPerClientPerMinute"] = SignInLimit.ToString(),
            ["Auth:SignInPerMinute"] = SignInLimit.ToString(),
        }));
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Commands);
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Faults);
            services.AddSingleton<GridGov.Kernel.Notices.ITextMessageSender>(Texts);
        });
    }

    public virtual async ValueTask InitializeAsync()
    {
        if (Unavailable is not null) return;
        await PrepareDatabaseAsync();
        _ = Services; // builds the host: migrates and seeds
    }

    protected abstract Task PrepareDatabaseAsync();

    /// <summary>Runs work directly against the database as the system, for arranging broken data.</summary>
    public async Task AsSystemAsync(Func<GridGovDbContext, Task> work)
    {
        SkipIfUnavailable();
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        await work(scope.ServiceProvider.GetRequiredService<GridGovDbContext>());
    }

    public async Task<T> AsSystemAsync<T>(Func<GridGovDbContext, Task<T>> work)
    {
        SkipIfUnavailable();
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        return await work(scope.ServiceProvider.GetRequiredService<GridGovDbContext>());
    }

    /// <summary>Runs database work as a community staff member whose view and capture scope is <paramref name="path"/>.</summary>
    public async Task<T> AsViewerOfAsync<T>(string path, Func<GridGovDbContext, Task<T>> work)
    {
        SkipIfUnavailable();
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SignIn("viewer", "viewer", [Roles.CommunityStaff], path, path);
        return await work(scope.ServiceProvider.GetRequiredService<GridGovDbContext>());
    }

    private readonly Dictionary<string, string> _tokens = [];

    /// <summary>The authenticator key of each account a test set one up for; the demo logins share the demo's.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> AuthenticatorKeys { get; } = new();

    /// <summary>The code an authenticator app would show this account now, or null when it has none.</summary>
    public string? CodeFor(string userName) =>
        AuthenticatorKeys.TryGetValue(userName, out var key) ? GridGov.Tests.Totp.Code(key)
        : GridGov.Modules.Demo.DemoCounty.Logins.Any(l => l.UserName == userName) ? GridGov.Tests.Totp.Code(GridGov.Modules.Demo.DemoCounty.AuthenticatorKey)
        : null;

    /// <summary>An API client signed in with a bearer token as a demo user.</summary>
    public async Task<HttpClient> ApiAsync(string userName, string language = "zh-CN")
    {
        SkipIfUnavailable();
        if (!_tokens.TryGetValue(userName, out var token))
        {
            var anonymous = CreateClient();
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Password, code = CodeFor(userName) });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            await ChangeInitialPasswordAsync(token, Password);
            await EnrolSecondFactorAsync(token, userName);
            _tokens[userName] = token;
        }
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>
    /// Signs in an account an administrator has just created and changes its initial password, as
    /// its user must before anything else; answers a client with the token.
    /// </summary>
    public async Task<HttpClient> FirstSignInAsync(string userName, string password)
    {
        var response = await Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName, password, code = CodeFor(userName) });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        await ChangeInitialPasswordAsync(token, password);
        await EnrolSecondFactorAsync(token, userName);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Sets up the second factor, as a user whose role requires one must before anything else.</summary>
    private async Task EnrolSecondFactorAsync(string token, string userName)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (!(await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("mustEnrolSecondFactor").GetBoolean()) return;
        var key = (await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/mfa")).GetProperty("sharedKey").GetString()!;
        AuthenticatorKeys[userName] = key;
        (await client.PostAsJsonAsync("/api/v1/auth/mfa", new { code = GridGov.Tests.Totp.Code(key) })).EnsureSuccessStatusCode();
    }

    private async Task ChangeInitialPasswordAsync(string token, string password)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        if (!me.GetProperty("mustChangePassword").GetBoolean()) return;
        var changed = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = password, newPassword = ChangedPassword });
        changed.EnsureSuccessStatusCode();
    }

    public HttpClient Anonymous()
    {
        SkipIfUnavailable();
        return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public class SqliteApp : GridGovApp
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"gridgov-test-{Guid.NewGuid():N}.db");

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task PrepareDatabaseAsync()
    {
        ConnectionString = $"Data Source={_file}";
        return Task.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }
}

/// <summary>PostgreSQL, when GRIDGOV_TEST_POSTGRES names a server; each run gets its own database.</summary>
public class PostgresApp : GridGovApp
{
    public const string Variable = "GRIDGOV_TEST_POSTGRES";
    private readonly string? _server = Environment.GetEnvironmentVariable(Variable);
    private readonly string _database = $"gridgov_test_{Guid.NewGuid():N}";

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string? Unavailable => string.IsNullOrWhiteSpace(_server)
        ? $"PostgreSQL tests skipped: set {Variable} to a connection string (for example Host=127.0.0.1;Username=postgres) to run them."
        : null;

    protected override async Task PrepareDatabaseAsync()
    {
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin)) await create.ExecuteNonQueryAsync();
        // Several hosts run at once and a concurrency test sends 100 requests together: with Npgsql's
        // default pool of 100 per host they could use up a default server's 100 connections.
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _database, MaxPoolSize = 20 }.ConnectionString;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Unavailable is not null) return;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>
{
    public const string Name = "SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresApp>
{
    public const string Name = "PostgreSQL";
}

/// <summary>A host whose sign-in limit a test can reach: five attempts a minute, from one address and in all.</summary>
public sealed class LimitedSqliteApp : SqliteApp
{
    protected override int SignInLimit => 5;
}

/// <inheritdoc cref="LimitedSqliteApp"/>
public sealed class LimitedPostgresApp : PostgresApp
{
    protected override int SignInLimit => 5;
}

[CollectionDefinition(Name)]
public sealed class LimitedSqliteCollection : ICollectionFixture<LimitedSqliteApp>
{
    public const string Name = "SQLite, low sign-in limit";
}

[CollectionDefinition(Name)]
public sealed class LimitedPostgresCollection : ICollectionFixture<LimitedPostgresApp>
{
    public const string Name = "PostgreSQL, low sign-in limit";
}

/// <summary>A production start on an empty database: nothing asked of the demo.</summary>
public sealed class ProductionSqliteApp : SqliteApp
{
    protected override string EnvironmentName => "Production";
    protected override bool SeedsDemo => false;
}

/// <inheritdoc cref="ProductionSqliteApp"/>
public sealed class ProductionPostgresApp : PostgresApp
{
    protected override string EnvironmentName => "Production";
    protected override bool SeedsDemo => false;
}

/// <summary>A database of its own for tests that break its audit chain on purpose.</summary>
public sealed class TamperedSqliteApp : SqliteApp;

/// <inheritdoc cref="TamperedSqliteApp"/>
public sealed class TamperedPostgresApp : PostgresApp;

[CollectionDefinition(Name)]
public sealed class TamperedSqliteCollection : ICollectionFixture<TamperedSqliteApp>
{
    public const string Name = "SQLite, audit chain tampered with";
}

[CollectionDefinition(Name)]
public sealed class TamperedPostgresCollection : ICollectionFixture<TamperedPostgresApp>
{
    public const string Name = "PostgreSQL, audit chain tampered with";
}

/// <summary>The demo with a year of incidents behind it, as <c>dotnet run</c> seeds it: the cockpit and the desk read real history.</summary>
public sealed class HistorySqliteApp : SqliteApp
{
    protected override int IncidentHistory => 600;
}

/// <inheritdoc cref="HistorySqliteApp"/>
public sealed class HistoryPostgresApp : PostgresApp
{
    protected override int IncidentHistory => 600;
}

[CollectionDefinition(Name)]
public sealed class HistorySqliteCollection : ICollectionFixture<HistorySqliteApp>
{
    public const string Name = "SQLite, a year of incidents";
}

[CollectionDefinition(Name)]
public sealed class HistoryPostgresCollection : ICollectionFixture<HistoryPostgresApp>
{
    public const string Name = "PostgreSQL, a year of incidents";
}
