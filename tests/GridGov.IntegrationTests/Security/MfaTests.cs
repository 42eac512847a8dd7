using System.Net;
using System.Net.Http.Json;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Kernel.Security;
using GridGov.Modules.Accounts.Application;

namespace GridGov.IntegrationTests.Security;

/// <summary>Administrators and every role that may reveal or export full values sign in with a second factor; others may.</summary>
public abstract class MfaTests(GridGovApp app)
{
    [Fact]
    public void The_second_factor_is_required_where_full_values_or_accounts_are_in_reach()
    {
        foreach (var role in new[] { Roles.SystemAdmin, Roles.SecurityAdmin, Roles.AuditAdmin, Roles.CountyCentre, Roles.TownshipStaff, Roles.CommunityStaff, Roles.GridWorker })
            Assert.True(SecondFactor.IsRequiredFor([role]), role);
        Assert.False(SecondFactor.IsRequiredFor([Roles.DepartmentHandler]));
        Assert.False(SecondFactor.IsRequiredFor([Roles.Auditor]));
    }

    [Fact]
    public async Task A_password_alone_opens_no_account_that_has_a_second_factor()
    {
        await (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = "county", password = GridGovApp.Password }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "second_factor_required");
        await (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = "county", password = "wrong-password-9", code = app.CodeFor("county") }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var department = await app.ApiAsync("department");
        Assert.False((await department.GetJsonAsync("/api/v1/me")).GetProperty("mustEnrolSecondFactor").GetBoolean());
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout()
    {
        var name = $"mfa{Guid.NewGuid():N}"[..14];
        await (await app.ApiAsync("security")).PostJsonAsync("/api/v1/users", new
        {
            userName = name, displayName = "双因素", roles = new[] { Roles.GridWorker }, captureScopeCode = "14112710000130003", password = "Mfa#2026-Lan-xyz",
        }, HttpStatusCode.Created);
        await app.FirstSignInAsync(name, "Mfa#2026-Lan-xyz");
        for (var i = 0; i < 5; i++)
            await (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = GridGovApp.ChangedPassword, code = "000000" }))
                .ProblemAsync(HttpStatusCode.Unauthorized, "second_factor_required");
        await (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = GridGovApp.ChangedPassword, code = app.CodeFor(name) }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MfaOnSqlite(SqliteApp app) : MfaTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MfaOnPostgres(PostgresApp app) : MfaTests(app);
