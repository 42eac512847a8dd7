using System.Net;
using System.Net.Http.Json;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Modules.People.Application.Import;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace GridGov.IntegrationTests;

/// <summary>A household has one head (户主) whichever path brings one in: import, a move, a duplicate decision.</summary>
public abstract class HouseholdHeadTests(GridGovApp app)
{
    private static string Id(string first17) => first17 + IdNumber.CheckCharacterOf(first17);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows.ToList(), excelType: ExcelType.XLSX);
        return await client.PostAsync("/api/v1/imports", new MultipartFormDataContent { { new ByteArrayContent(stream.ToArray()), "file", "ledger.xlsx" } });
    }

    private static Dictionary<string, object?> Row(string grid, string household, string name, string id, string relation) => new()
    {
        ["网格代码"] = grid, ["户号"] = household, ["地址"] = "某路1号", ["姓名"] = name, ["身份证号"] = id, ["手机号"] = null,
        ["与户主关系"] = relation, ["居住类型"] = "户籍人口",
    };

    private Task<int> HeadsOfAsync(int householdId) =>
        app.AsSystemAsync(db => db.Set<Person>().CountAsync(p => p.HouseholdId == householdId && p.IsActive && p.RelationToHead == Relations.Head));

    [Fact]
    public async Task An_import_that_would_give_a_household_a_second_head_names_the_row_and_writes_nothing()
    {
        var grid = await Scratch.LevelThreeAsync(app);
        var existing = (await Scratch.HouseholdsAsync(app, grid, 1))[0];
        var number = await app.AsSystemAsync(db => db.Set<Household>().Where(h => h.Id == existing).Select(h => h.Number).SingleAsync());
        var admin = await app.ApiAsync("admin");
        var preview = await (await UploadAsync(admin, [
            Row(grid, "H-new", "赵一", Id("14112519810101101"), "户主"),   // 2 good
            Row(grid, "H-new", "钱二", Id("14112519810101102"), "户主"),   // 3 a second head for a household of this file
            Row(grid, number, "孙三", Id("14112519810101103"), "户主"),    // 4 a second head for a stored household
            Row(grid, number, "李四", Id("14112519810101104"), "子女"),    // 5 good
        ])).JsonAsync();
        var errors = preview.GetProperty("errors").EnumerateArray().Select(e => (e.Int("row"), e.Str("column"), e.Str("code"))).ToList();
        Assert.Equal([(3, "与户主关系", "household_has_head"), (4, "与户主关系", "household_has_head")], errors);
        await (await admin.PostAsJsonAsync($"/api/v1/imports/{preview.Str("token")}/commit", new { goodRowsOnly = false }))
            .ProblemAsync(HttpStatusCode.Conflict, "import_has_errors");
        Assert.Equal(1, await HeadsOfAsync(existing));
    }

    [Fact]
    public async Task A_head_cannot_move_into_a_household_with_a_head_nor_a_kept_apart_duplicate_become_a_second_one()
    {
        var grid = await Scratch.LevelThreeAsync(app);
        var households = await Scratch.HouseholdsAsync(app, grid, 2);
        var admin = await app.ApiAsync("admin");
        var head = await app.AsSystemAsync(db => db.Set<Person>().Where(p => p.HouseholdId == households[0]).Select(p => new { p.Id, p.IdNumber }).SingleAsync());
        await (await admin.PostAsJsonAsync($"/api/v1/people/{head.Id}/move", new { householdId = households[1] }))
            .ProblemAsync(HttpStatusCode.Conflict, "household_has_head");

        var review = await admin.PostJsonAsync($"/api/v1/households/{households[1]}/members",
            new { name = "测试居民", idNumber = head.IdNumber, relationToHead = "户主" }, HttpStatusCode.Accepted);
        await (await admin.PostAsJsonAsync($"/api/v1/duplicate-reviews/{review.Int("reviewId")}/decide", new { decision = "KeptApart" }))
            .ProblemAsync(HttpStatusCode.Conflict, "household_has_head");
        Assert.Equal(1, await HeadsOfAsync(households[1]));
    }

    [Fact]
    public async Task The_template_uploaded_unchanged_reaches_no_real_household()
    {
        var admin = await app.ApiAsync("admin");
        var template = await (await admin.GetAsync("/api/v1/imports/template")).Content.ReadAsByteArrayAsync();
        var form = new MultipartFormDataContent { { new ByteArrayContent(template), "file", "template.xlsx" } };
        var preview = await (await admin.PostAsync("/api/v1/imports", form)).JsonAsync();
        var error = Assert.Single(preview.GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "网格代码", "unknown_grid"), (error.Int("row"), error.Str("column"), error.Str("code")));
        Assert.False(await app.AsSystemAsync(db => db.Set<GridGov.Modules.Territory.Domain.Grid>().AnyAsync(g => g.Code == LedgerColumns.ExampleGrid)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HouseholdHeadsOnSqlite(SqliteApp app) : HouseholdHeadTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HouseholdHeadsOnPostgres(PostgresApp app) : HouseholdHeadTests(app);
