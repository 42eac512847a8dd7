using System.Net;
using System.Net.Http.Json;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests.Security;

/// <summary>No queue, answer or log tells a user who holds a number, or what happens, outside their scope.</summary>
public abstract class OracleTests(GridGovApp app)
{
    private const string WorkerGrid = "14112710000130001";

    private Task<(int Id, string Name, string IdNumber, int HouseholdId)> SomeoneAsync(string pathPart) =>
        app.AsSystemAsync(db => db.Set<Person>().Where(p => p.IsActive && p.Path.Contains(pathPart)).OrderBy(p => p.Id)
            .Select(p => new ValueTuple<int, string, string, int>(p.Id, p.Name, p.IdNumber, p.HouseholdId)).FirstAsync());

    [Fact]
    public async Task A_review_filed_in_another_county_is_in_no_queue_of_this_one()
    {
        var l3 = await Scratch.LevelThreeAsync(app);
        var household = (await Scratch.HouseholdsAsync(app, l3, 1))[0];
        var lanResident = await SomeoneAsync(WorkerGrid);
        var admin = await app.ApiAsync("admin");
        var filed = await admin.PostJsonAsync($"/api/v1/households/{household}/members",
            new { name = "远方客", idNumber = lanResident.IdNumber, relationToHead = "子女" }, HttpStatusCode.Accepted);
        Assert.NotEqual(JsonValueKindNull, filed.GetProperty("reviewId").ValueKind);

        foreach (var login in new[] { "gridworker", "community", "township" })
        {
            var queue = (await (await app.ApiAsync(login)).GetJsonAsync("/api/v1/duplicate-reviews?pendingOnly=false&pageSize=200")).ToString();
            Assert.DoesNotContain("远方客", queue);
            Assert.DoesNotContain($"\"householdId\":{household}", queue);
        }
    }

    [Fact]
    public async Task Registering_a_number_held_elsewhere_says_only_that_a_reviewer_above_both_decides()
    {
        var l3 = await Scratch.LevelThreeAsync(app);
        await Scratch.HouseholdsAsync(app, l3, 1);
        var holder = await SomeoneAsync(l3);
        var own = await SomeoneAsync(WorkerGrid);
        var worker = await app.ApiAsync("gridworker");
        var response = await worker.PostAsJsonAsync($"/api/v1/households/{own.HouseholdId}/members",
            new { name = "探号人", idNumber = holder.IdNumber, relationToHead = "子女" });
        var body = await response.JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("registered_elsewhere", body.Str("notice"));
        Assert.Equal(JsonValueKindNull, body.GetProperty("reviewId").ValueKind);
        Assert.DoesNotContain(holder.Name, body.ToString());
        Assert.DoesNotContain(holder.Name, (await worker.GetJsonAsync("/api/v1/duplicate-reviews?pendingOnly=false&pageSize=200")).ToString());
        Assert.DoesNotContain("探号人", (await worker.GetJsonAsync("/api/v1/duplicate-reviews?pendingOnly=false&pageSize=200")).ToString());

        var review = await app.AsSystemAsync(db => db.Set<DuplicateReview>().SingleAsync(r => r.Name == "探号人"));
        Assert.Equal("140000000000/141100000000/", review.Path);
        var admin = await app.ApiAsync("admin");
        var listed = (await admin.GetJsonAsync("/api/v1/duplicate-reviews?pageSize=200")).GetProperty("items").EnumerateArray()
            .Single(r => r.Int("id") == review.Id);
        Assert.Equal(holder.Name, listed.Str("existingName"));
    }

    [Fact]
    public async Task The_access_log_lists_only_views_of_people_inside_the_auditors_scope()
    {
        var l3 = await Scratch.LevelThreeAsync(app);
        await Scratch.HouseholdsAsync(app, l3, 1);
        var outside = await SomeoneAsync(l3);
        var admin = await app.ApiAsync("admin");
        await admin.GetJsonAsync($"/api/v1/people/{outside.Id}");
        var auditor = await app.ApiAsync("auditor");
        Assert.Equal(0, (await auditor.GetJsonAsync($"/api/v1/access-log?personId={outside.Id}")).Int("total"));
        Assert.DoesNotContain($"\"personId\":{outside.Id},", (await auditor.GetJsonAsync("/api/v1/access-log?pageSize=200")).ToString());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}

[Collection(SqliteCollection.Name)]
public sealed class OracleOnSqlite(SqliteApp app) : OracleTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OracleOnPostgres(PostgresApp app) : OracleTests(app);
