using System.Net;
using System.Net.Http.Json;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Kernel.Security;
using GridGov.Modules.Accounts.Application;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.IntegrationTests.Security;

/// <summary>A production host on an empty database creates no known password; its first administrator is made by command.</summary>
public abstract class ProductionStartTests(GridGovApp app) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await app.InitializeAsync();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task No_demo_and_no_account_exists_and_the_first_administrator_must_change_a_one_time_password()
    {
        app.SkipIfUnavailable();
        Assert.Equal(0, await app.AsSystemAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await app.AsSystemAsync(db => db.Set<GridGov.Modules.Territory.Domain.AdminArea>().IgnoreQueryFilters().CountAsync()));
        Assert.Equal(Roles.All.Count, await app.AsSystemAsync(db => db.Roles.CountAsync()));
        await (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = GridGovApp.Password }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        string password;
        using (var scope = app.Services.CreateScope()) password = await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().CreateAsync("chief");
        Assert.Equal(16, password.Length);
        var token = (await (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = "chief", password })).JsonAsync()).Str("accessToken");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var me = await client.GetJsonAsync("/api/v1/me");
        Assert.True(me.GetProperty("mustChangePassword").GetBoolean());
        Assert.Contains(Roles.FirstAccountRole, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        await (await client.GetAsync("/api/v1/users")).ProblemAsync(HttpStatusCode.Forbidden, "password_change_required");
        // The demo's published password is no password here.
        var refused = await (await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = password, newPassword = GridGovApp.Password }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("common_password", refused.GetProperty("fieldCodes").Str("newPassword"));
    }
}

public sealed class ProductionStartOnSqlite() : ProductionStartTests(new ProductionSqliteApp());

public sealed class ProductionStartOnPostgres() : ProductionStartTests(new ProductionPostgresApp());
