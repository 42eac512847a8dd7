using System.Net;
using GridGov.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests.Security;

/// <summary>Declared personal data lies encrypted in its tables; search finds it through blind indexes.</summary>
public abstract class AtRestTests(GridGovApp app)
{
    private Task<List<string?>> RawAsync(string sql) =>
        app.AsSystemAsync(db => db.Database.SqlQueryRaw<string?>(sql).ToListAsync());

    [Fact]
    public async Task Id_numbers_and_phones_are_ciphertext_in_every_table_and_still_found_by_whole_value_and_tail()
    {
        var l3 = await Scratch.LevelThreeAsync(app);
        var household = (await Scratch.HouseholdsAsync(app, l3, 1))[0];
        var admin = await app.ApiAsync("admin");
        var idNumber = HistoryPrivacyTests.NewIdNumber();
        const string phone = "13912347788";
        var person = await admin.PostJsonAsync($"/api/v1/households/{household}/members",
            new { name = "密存", idNumber, phone, relationToHead = "配偶" }, HttpStatusCode.Created);
        await admin.PostJsonAsync($"/api/v1/grids/{l3}/key-places",
            new { name = "密存学校", kind = "School", address = "路", contactName = "甲", contactPhone = "13712347799" }, HttpStatusCode.Created);

        var stored = await RawAsync($"""SELECT "IdNumber" AS "Value" FROM "People" WHERE "Id" = {person.Int("id")} UNION ALL SELECT "Phone" FROM "People" WHERE "Id" = {person.Int("id")}""");
        var contact = await RawAsync("""SELECT "ContactPhone" AS "Value" FROM "KeyPlaces" WHERE "Name" = '密存学校'""");
        foreach (var value in stored.Concat(contact))
        {
            Assert.StartsWith("gg1:", value);
            Assert.DoesNotContain(idNumber[^4..], value![4..]);
        }

        var worker = await app.ApiAsync("admin");
        foreach (var q in new[] { idNumber, idNumber[^4..], idNumber[^5..], idNumber[^6..], phone })
        {
            var found = await worker.GetJsonAsync($"/api/v1/people?q={q}&pageSize=200");
            Assert.Contains(found.GetProperty("items").EnumerateArray(), p => p.Int("id") == person.Int("id"));
        }
        var partial = await (await worker.GetAsync($"/api/v1/people?q={phone[..8]}")).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("search_too_short", partial.GetProperty("fieldCodes").Str("q"));
    }

    [Fact]
    public async Task A_person_stored_before_encryption_is_encrypted_and_indexed_at_start_up()
    {
        var l3 = await Scratch.LevelThreeAsync(app);
        var household = (await Scratch.HouseholdsAsync(app, l3, 1))[0];
        var idNumber = HistoryPrivacyTests.NewIdNumber();
        var admin = await app.ApiAsync("admin");
        var id = (await admin.PostJsonAsync($"/api/v1/households/{household}/members",
            new { name = "旧存", idNumber, phone = "13912340066", relationToHead = "子女" }, HttpStatusCode.Created)).Int("id");
        // As a database written before encryption held it: clear values, no indexes.
        await app.AsSystemAsync(db => db.Database.ExecuteSqlRawAsync(
            """UPDATE "People" SET "IdNumber" = {0}, "Phone" = '13912340066', "IdNumberIndex" = '', "IdTail4Index" = '', "IdTail5Index" = '', "IdTail6Index" = '', "PhoneIndex" = NULL WHERE "Id" = {1}""",
            idNumber, id));
        Assert.Equal(0, (await admin.GetJsonAsync($"/api/v1/people?q={idNumber}")).Int("total"));

        var fixedCount = await app.AsSystemAsync(db => GridGov.Modules.People.Application.PersonalDataBackfill.RunAsync(db,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None));
        Assert.True(fixedCount >= 1);
        Assert.StartsWith("gg1:", (await RawAsync($"""SELECT "IdNumber" AS "Value" FROM "People" WHERE "Id" = {id}""")).Single());
        Assert.Equal(1, (await admin.GetJsonAsync($"/api/v1/people?q={idNumber}")).Int("total"));
        Assert.Equal(1, (await admin.GetJsonAsync("/api/v1/people?q=13912340066")).Int("total"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AtRestOnSqlite(SqliteApp app) : AtRestTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AtRestOnPostgres(PostgresApp app) : AtRestTests(app);
