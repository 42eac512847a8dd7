using System.Net;
using System.Net.Http.Json;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests;

public abstract class PeopleApiTests(GridGovApp app)
{
    private const string WorkerGrid = "14112710000130001";

    private Task<(int Id, string Name, string IdNumber, string? Phone, string Initials, int HouseholdId)> SomeoneOnAsync(string gridCode) =>
        app.AsSystemAsync(db => db.Set<Person>().Where(p => p.IsActive && p.Phone != null && p.Path.EndsWith(gridCode + "/")).OrderBy(p => p.Id)
            .Select(p => new ValueTuple<int, string, string, string?, string, int>(p.Id, p.Name, p.IdNumber, p.Phone, p.PinyinInitials, p.HouseholdId)).FirstAsync());

    [Fact]
    public async Task Search_finds_by_pinyin_id_tail_phone_and_name_and_masks_numbers()
    {
        var target = await SomeoneOnAsync(WorkerGrid);
        var worker = await app.ApiAsync("gridworker");
        foreach (var q in new[] { target.Initials, target.IdNumber[^4..], target.IdNumber[^6..], target.IdNumber, target.Phone!, target.Name })
        {
            var found = await worker.GetJsonAsync($"/api/v1/people?q={Uri.EscapeDataString(q)}&pageSize=200");
            var items = found.GetProperty("items").EnumerateArray().ToList();
            Assert.Contains(items, p => p.Int("id") == target.Id);
            var hit = items.First(p => p.Int("id") == target.Id);
            Assert.Equal(target.IdNumber[..6] + "********" + target.IdNumber[^4..], hit.Str("maskedIdNumber"));
            Assert.DoesNotContain(target.Phone!, hit.ToString());
        }
    }

    [Fact]
    public async Task Search_finds_by_a_piece_of_the_address_and_refuses_a_fragment_too_short_to_narrow()
    {
        var target = await SomeoneOnAsync(WorkerGrid);
        var address = await app.AsSystemAsync(db => db.Set<Household>().Where(h => h.Id == target.HouseholdId).Select(h => h.Address).FirstAsync());
        var piece = address[^5..];
        Assert.Equal(GridGov.Modules.People.Application.SearchKind.Address, GridGov.Modules.People.Application.SearchInput.Classify(piece));
        var worker = await app.ApiAsync("gridworker");
        var found = await worker.GetJsonAsync($"/api/v1/people?q={Uri.EscapeDataString(piece)}&pageSize=200");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), p => p.Int("id") == target.Id);
        Assert.All(found.GetProperty("items").EnumerateArray(), p => Assert.Contains(piece, p.Str("address")));

        var problem = await (await worker.GetAsync($"/api/v1/people?q={Uri.EscapeDataString("3号")}")).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("search_too_short", problem.GetProperty("fieldCodes").GetProperty("q").GetString());
    }

    [Fact]
    public async Task A_broad_address_pages_in_pinyin_order_without_repeats_and_counts_only_to_its_limit()
    {
        var county = await app.ApiAsync("county");
        var first = await county.GetJsonAsync($"/api/v1/people?q={Uri.EscapeDataString("东村镇")}&pageSize=50");
        var second = await county.GetJsonAsync($"/api/v1/people?q={Uri.EscapeDataString("东村镇")}&pageSize=50&page=2");
        Assert.Equal((GridGov.Modules.People.Application.PersonSearch.CountLimit, true), (first.Int("total"), first.GetProperty("totalIsLowerBound").GetBoolean()));
        var items = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(100, items.Select(p => p.Int("id")).Distinct().Count());
        Assert.All(items, p => Assert.Contains("东村镇", p.Str("address")));
        var readings = items.Select(p => GridGov.Modules.People.Domain.Search.Pinyin.OfName(p.Str("name")).Full).ToList();
        Assert.Equal(readings.Order(StringComparer.Ordinal), readings);
    }

    [Fact]
    public async Task A_broad_list_comes_in_pinyin_order_and_says_its_count_is_only_a_floor()
    {
        var county = await app.ApiAsync("county");
        var all = await county.GetJsonAsync("/api/v1/people?pageSize=200");
        Assert.Equal(GridGov.Modules.People.Application.PersonSearch.CountLimit, all.Int("total"));
        Assert.True(all.GetProperty("totalIsLowerBound").GetBoolean());
        var readings = all.GetProperty("items").EnumerateArray().Select(p => GridGov.Modules.People.Domain.Search.Pinyin.OfName(p.Str("name")).Full).ToList();
        Assert.Equal(readings.Order(StringComparer.Ordinal), readings);

        var worker = await app.ApiAsync("gridworker");
        var few = await worker.GetJsonAsync("/api/v1/people?pageSize=200");
        Assert.False(few.GetProperty("totalIsLowerBound").GetBoolean());
        Assert.Equal(few.GetProperty("items").GetArrayLength(), few.Int("total"));
    }

    [Fact]
    public async Task Search_stays_inside_the_scope()
    {
        var outside = await SomeoneOnAsync("14112710000130002");
        var worker = await app.ApiAsync("gridworker");
        var found = await worker.GetJsonAsync($"/api/v1/people?q={outside.IdNumber}");
        Assert.Equal(0, found.Int("total"));
        var all = await worker.GetJsonAsync("/api/v1/people?pageSize=200");
        Assert.InRange(all.Int("total"), 10, 120);
        Assert.All(all.GetProperty("items").EnumerateArray(), p => Assert.NotEqual(outside.Id, p.Int("id")));
        await (await worker.GetAsync($"/api/v1/people/{outside.Id}")).ProblemAsync(HttpStatusCode.NotFound, "person_not_found");
        await (await worker.PostAsJsonAsync($"/api/v1/people/{outside.Id}/reveal", new { field = "IdNumber" })).ProblemAsync(HttpStatusCode.NotFound, "person_not_found");
    }

    [Fact]
    public async Task Revealing_a_number_is_for_entitled_roles_and_every_view_is_logged_for_auditors()
    {
        var target = await SomeoneOnAsync(WorkerGrid);
        var worker = await app.ApiAsync("gridworker");
        var view = await worker.GetJsonAsync($"/api/v1/people/{target.Id}");
        Assert.Equal(target.IdNumber[..6] + "********" + target.IdNumber[^4..], view.Str("maskedIdNumber"));
        var revealed = await worker.PostJsonAsync($"/api/v1/people/{target.Id}/reveal", new { field = "IdNumber" });
        Assert.Equal(target.IdNumber, revealed.Str("value"));

        var department = await app.ApiAsync("department");
        await (await department.PostAsJsonAsync($"/api/v1/people/{target.Id}/reveal", new { field = "Phone" })).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
        var auditor = await app.ApiAsync("auditor");
        await (await auditor.PostAsJsonAsync($"/api/v1/people/{target.Id}/reveal", new { field = "Phone" })).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");

        var log = await auditor.GetJsonAsync($"/api/v1/access-log?personId={target.Id}");
        var kinds = log.GetProperty("items").EnumerateArray().Where(a => a.Str("userName") == "gridworker").Select(a => a.Str("kind")).ToList();
        Assert.Contains("ViewRecord", kinds);
        Assert.Contains("RevealIdNumber", kinds);
        await (await worker.GetAsync("/api/v1/access-log")).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task Saving_what_was_shown_masked_keeps_the_real_values_and_a_stale_version_is_a_conflict()
    {
        var l3 = await Scratch.LevelThreeAsync(app);
        var admin = await app.ApiAsync("admin");
        var household = (await Scratch.HouseholdsAsync(app, l3, 1))[0];
        var created = await admin.PostJsonAsync($"/api/v1/households/{household}/members",
            new { name = "张三", idNumber = "11010519491231002x", phone = "13812345678", relationToHead = "配偶" }, HttpStatusCode.Created);
        var id = created.Int("id");
        Assert.Equal("138****5678", created.Str("maskedPhone"));

        var edited = await (await admin.PutAsJsonAsync($"/api/v1/people/{id}", new
        {
            name = "张三丰", phone = created.Str("maskedPhone"), relationToHead = "配偶", residency = "Migrant", version = created.Int("version"),
        })).JsonAsync();
        Assert.Equal("138****5678", edited.Str("maskedPhone"));
        Assert.Equal("13812345678", (await admin.PostJsonAsync($"/api/v1/people/{id}/reveal", new { field = "Phone" })).Str("value"));

        await (await admin.PutAsJsonAsync($"/api/v1/people/{id}", new
        {
            name = "张三", phone = (string?)null, relationToHead = "配偶", residency = "Migrant", version = created.Int("version"),
        })).ProblemAsync(HttpStatusCode.Conflict, "concurrency_conflict");
        Assert.Equal("张三丰", (await admin.GetJsonAsync($"/api/v1/people/{id}")).Str("name"));

        var history = await admin.GetJsonAsync($"/api/v1/people/{id}/history");
        var change = history.GetProperty("items").EnumerateArray().First();
        Assert.Equal("admin", change.Str("userName"));
        Assert.Contains("张三丰", change.Str("after"));

        // The same ID number again is a duplicate for review, never silently a second person.
        var duplicate = await admin.PostJsonAsync($"/api/v1/households/{household}/members",
            new { name = "张叁", idNumber = "11010519491231002X", relationToHead = "其他" }, HttpStatusCode.Accepted);
        var reviewId = duplicate.Int("reviewId");
        Assert.Equal(1, await app.AsSystemAsync(db => db.Set<Person>().CountAsync(p => p.IdNumberIndex == Person.IndexOfId("11010519491231002X"))));
        var decided = await admin.PostJsonAsync($"/api/v1/duplicate-reviews/{reviewId}/decide", new { decision = "Merged" });
        Assert.Equal("Merged", decided.Str("state"));
        Assert.Equal("admin", decided.Str("decidedBy"));
        Assert.Equal("张叁", (await admin.GetJsonAsync($"/api/v1/people/{id}")).Str("name"));
        await (await admin.PostAsJsonAsync($"/api/v1/duplicate-reviews/{reviewId}/decide", new { decision = "KeptApart" }))
            .ProblemAsync(HttpStatusCode.Conflict, "review_decided");

        var gone = await admin.PostJsonAsync($"/api/v1/people/{id}/deregister", new { reason = "MovedAway" });
        Assert.Equal("MovedAway", gone.Str("status"));
        Assert.Equal(1, await app.AsSystemAsync(db => db.Set<Person>().CountAsync(p => p.Id == id)));
        Assert.Equal(1, (await admin.GetJsonAsync($"/api/v1/territory/nodes/{l3}")).GetProperty("node").Int("residents"));
    }

    [Fact]
    public async Task A_bad_id_number_is_refused_with_its_reason()
    {
        var admin = await app.ApiAsync("admin", "en");
        var household = await app.AsSystemAsync(db => db.Set<Household>().Where(h => h.Path.EndsWith(WorkerGrid + "/")).Select(h => h.Id).FirstAsync());
        var problem = await (await admin.PostAsJsonAsync($"/api/v1/households/{household}/members",
            new { name = "王五", idNumber = "110105194912310021", relationToHead = "子女" })).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("id_badcheckcharacter", problem.GetProperty("fieldCodes").Str("idNumber"));
        Assert.Equal("has a wrong check character", problem.GetProperty("errors").GetProperty("idNumber")[0].GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PeopleApiOnSqlite(SqliteApp app) : PeopleApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PeopleApiOnPostgres(PostgresApp app) : PeopleApiTests(app);
