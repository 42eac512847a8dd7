using System.Net;
using System.Net.Http.Json;
using GridGov.Data;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Modules.Incidents.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests.Security;

/// <summary>While the database restarts: what can be repeated whole is retried; the rest answers 503 with Retry-After, and nothing is saved twice.</summary>
public abstract class TransientFailureTests(GridGovApp app)
{
    private bool OnPostgres => app.AsSystemAsync(db => Task.FromResult(db.Database.IsNpgsql())).Result;

    [Fact]
    public async Task A_read_that_meets_a_passing_failure_is_retried_on_postgresql_and_a_503_elsewhere()
    {
        var worker = await app.ApiAsync("gridworker");
        using (app.Faults.Fail("FROM \"Grids\"", times: 1))
        {
            var response = await worker.GetAsync("/api/v1/grids/14112710000130001");
            if (OnPostgres) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            else await response.ProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
            Assert.Equal(1, app.Faults.Thrown);
        }
    }

    [Fact]
    public async Task A_failure_that_outlasts_the_retries_answers_503_with_retry_after()
    {
        var worker = await app.ApiAsync("gridworker");
        using (app.Faults.Fail("FROM \"Grids\"", times: 100))
        {
            var response = await worker.GetAsync("/api/v1/grids/14112710000130001");
            await response.ProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
            Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
        }
    }

    [Fact]
    public async Task A_report_that_fails_in_its_transaction_is_not_saved_and_its_retry_is_saved_once()
    {
        var worker = await app.ApiAsync("gridworker");
        var description = $"重启中上报 {Guid.NewGuid():N}";
        var body = new { categoryCode = "SAFE.GAS", description, address = "某处" };
        using (app.Faults.Fail("INSERT INTO \"IncidentSteps\"", times: 1))
            await (await worker.PostAsJsonAsync("/api/v1/incidents", body)).ProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
        Assert.Equal(0, await app.AsSystemAsync(db => db.Set<Incident>().CountAsync(i => i.Description == description)));
        await (await worker.PostAsJsonAsync("/api/v1/incidents", body)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, await app.AsSystemAsync(db => db.Set<Incident>().CountAsync(i => i.Description == description)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TransientFailuresOnSqlite(SqliteApp app) : TransientFailureTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TransientFailuresOnPostgres(PostgresApp app) : TransientFailureTests(app);
