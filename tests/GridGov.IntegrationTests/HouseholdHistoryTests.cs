using System.Net;
using System.Net.Http.Json;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Modules.People.Domain;

namespace GridGov.IntegrationTests;

public abstract class HouseholdHistoryTests(GridGovApp app)
{
    [Fact]
    public async Task A_household_is_shown_as_it_stood_at_a_past_moment()
    {
        var l3 = await Scratch.LevelThreeAsync(app);
        var admin = await app.ApiAsync("admin");
        var households = await Scratch.HouseholdsAsync(app, l3, 2);
        var (home, elsewhere) = (households[0], households[1]);
        async Task<int> Register(string name, string first17, string relation) =>
            (await admin.PostJsonAsync($"/api/v1/households/{home}/members",
                new { name, idNumber = first17 + IdNumber.CheckCharacterOf(first17), relationToHead = relation }, HttpStatusCode.Created)).Int("id");
        var wife = await Register("李秀英", "14112519700101102", "配偶");
        var son = await Register("王小明", "14112519950101101", "子女");
        await Task.Delay(50);
        var before = DateTime.UtcNow;
        await Task.Delay(50);

        var wifeNow = await admin.GetJsonAsync($"/api/v1/people/{wife}");
        await (await admin.PutAsJsonAsync($"/api/v1/people/{wife}", new { name = "李秀梅", phone = (string?)null, relationToHead = "配偶", residency = "RegisteredResident", version = wifeNow.Int("version") })).JsonAsync();
        await admin.PostJsonAsync($"/api/v1/people/{son}/move", new { householdId = elsewhere });
        var baby = await Register("王小小", "14112520250101101", "孙子女");
        await admin.PostJsonAsync($"/api/v1/people/{wife}/deregister", new { reason = "Deceased" });

        var then = await admin.GetJsonAsync($"/api/v1/households/{home}/as-of?at={before:O}");
        var thenNames = then.GetProperty("members").EnumerateArray().Select(m => m.Str("name")).ToList();
        Assert.Contains("李秀英", thenNames);
        Assert.Contains("王小明", thenNames);
        Assert.DoesNotContain("王小小", thenNames);
        Assert.DoesNotContain("李秀梅", thenNames);

        var now = await admin.GetJsonAsync($"/api/v1/households/{home}/as-of?at={DateTime.UtcNow.AddSeconds(1):O}");
        var nowIds = now.GetProperty("members").EnumerateArray().Select(m => m.Int("id")).ToList();
        Assert.Contains(baby, nowIds);
        Assert.DoesNotContain(wife, nowIds);
        Assert.DoesNotContain(son, nowIds);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HouseholdHistoryOnSqlite(SqliteApp app) : HouseholdHistoryTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HouseholdHistoryOnPostgres(PostgresApp app) : HouseholdHistoryTests(app);
