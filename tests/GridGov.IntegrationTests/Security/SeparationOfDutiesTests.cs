using System.Net;
using System.Net.Http.Json;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Kernel.Security;

namespace GridGov.IntegrationTests.Security;

/// <summary>三权分立: the system, security and audit administrators are three accounts with three powers, never two in one.</summary>
public abstract class SeparationOfDutiesTests(GridGovApp app)
{
    [Fact]
    public async Task Each_administrator_holds_one_power_only()
    {
        var system = await app.ApiAsync("admin");
        var security = await app.ApiAsync("security");
        var audit = await app.ApiAsync("auditadmin");

        await (await system.GetAsync("/api/v1/users")).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
        await (await system.GetAsync("/api/v1/access-log")).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
        await (await system.GetAsync("/api/v1/sign-in-events")).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");

        Assert.Equal(HttpStatusCode.OK, (await security.GetAsync("/api/v1/users")).StatusCode);
        await (await security.GetAsync("/api/v1/access-log")).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
        await (await security.GetAsync("/api/v1/people?q=zh")).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");

        Assert.Equal(HttpStatusCode.OK, (await audit.GetAsync("/api/v1/access-log")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await audit.GetAsync("/api/v1/sign-in-events")).StatusCode);
        await (await audit.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "auditmade", displayName = "x", roles = new[] { Roles.GridWorker }, captureScopeCode = "14112710000130003", password = "Audit#2026-Lan-x",
        })).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
    }

    [Theory]
    [InlineData(Roles.SystemAdmin, Roles.SecurityAdmin)]
    [InlineData(Roles.SecurityAdmin, Roles.AuditAdmin)]
    [InlineData(Roles.SystemAdmin, Roles.AuditAdmin)]
    public async Task No_account_may_hold_two_of_the_three(string one, string other)
    {
        var security = await app.ApiAsync("security");
        var problem = await (await security.PostAsJsonAsync("/api/v1/users", new
        {
            userName = $"two{Guid.NewGuid():N}"[..14], displayName = "兼任", roles = new[] { one, other }, captureScopeCode = "140000000000", password = "Two#2026-Lan-xy",
        })).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("separation_of_duties", problem.GetProperty("fieldCodes").Str("roles"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SeparationOfDutiesOnSqlite(SqliteApp app) : SeparationOfDutiesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SeparationOfDutiesOnPostgres(PostgresApp app) : SeparationOfDutiesTests(app);
