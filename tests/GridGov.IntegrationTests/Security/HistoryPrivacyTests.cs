using System.Net;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Kernel.Auditing;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests.Security;

/// <summary>History is masked for every reader and at rest; the "Added" image carries the real key.</summary>
public abstract class HistoryPrivacyTests(GridGovApp app)
{
    private static int _sequence = 300;

    public static string NewIdNumber() =>
        IdNumber.Compose("110105", new DateOnly(1970, 1, 1).AddDays(Interlocked.Increment(ref _sequence)), _sequence, Sex.Female);

    [Fact]
    public async Task Grid_and_person_history_show_numbers_masked_to_every_reader_and_keep_none_in_full()
    {
        var l3 = await Scratch.LevelThreeAsync(app);
        var household = (await Scratch.HouseholdsAsync(app, l3, 1))[0];
        var admin = await app.ApiAsync("admin");
        var idNumber = NewIdNumber();
        const string phone = "13912340017";
        const string contactPhone = "13712340018";
        var person = await admin.PostJsonAsync($"/api/v1/households/{household}/members",
            new { name = "史料", idNumber, phone, relationToHead = "配偶" }, HttpStatusCode.Created);
        var personId = person.Int("id");
        await admin.PutAsync($"/api/v1/people/{personId}", System.Net.Http.Json.JsonContent.Create(new
        {
            name = "史料", phone = "13912349999", relationToHead = "配偶", residency = "Migrant", version = person.Int("version"),
        }));
        await admin.PostJsonAsync($"/api/v1/grids/{l3}/key-places",
            new { name = "测试学校", kind = "School", address = "测试路1号", contactName = "校长", contactPhone }, HttpStatusCode.Created);

        var gridHistory = (await admin.GetJsonAsync($"/api/v1/grids/{l3}/history?pageSize=200")).ToString();
        var personHistory = (await admin.GetJsonAsync($"/api/v1/people/{personId}/history")).ToString();
        foreach (var body in new[] { gridHistory, personHistory })
        {
            Assert.DoesNotContain(idNumber, body);
            Assert.DoesNotContain(phone, body);
            Assert.DoesNotContain("13912349999", body);
        }
        Assert.DoesNotContain(contactPhone, gridHistory);
        Assert.Contains(idNumber[..6] + "********" + idNumber[^4..], personHistory);
        Assert.Contains("139****0017", personHistory);
        Assert.Contains("137****0018", gridHistory);
        var added = (await admin.GetJsonAsync($"/api/v1/people/{personId}/history")).GetProperty("items").EnumerateArray()
            .Single(c => c.Str("action") == "Added");
        Assert.Contains($"\"Id\":{personId},", added.Str("after"));

        var stored = await app.AsSystemAsync(db => db.Set<ChangeRecord>()
            .Where(c => c.After!.Contains(idNumber) || c.Before!.Contains(phone) || c.After!.Contains(phone) || c.After!.Contains(contactPhone)).CountAsync());
        Assert.Equal(0, stored);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HistoryPrivacyOnSqlite(SqliteApp app) : HistoryPrivacyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HistoryPrivacyOnPostgres(PostgresApp app) : HistoryPrivacyTests(app);
