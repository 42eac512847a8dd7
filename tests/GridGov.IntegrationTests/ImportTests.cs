using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Kernel.Auditing;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace GridGov.IntegrationTests;

public abstract class ImportTests(GridGovApp app)
{
    private static readonly string[] Columns = ["网格代码", "户号", "地址", "姓名", "身份证号", "手机号", "与户主关系", "居住类型"];

    private static string Id(string first17) => first17 + IdNumber.CheckCharacterOf(first17);

    private static byte[] Workbook(IEnumerable<object?[]> rows)
    {
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows.Select(r => Columns.Zip(r).ToDictionary(x => x.First, x => x.Second)).ToList(), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string name = "ledger.xlsx")
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        return await client.PostAsync("/api/v1/imports", form);
    }


    [Fact]
    public async Task The_preview_lists_every_bad_row_and_a_commit_is_all_or_nothing_unless_good_rows_are_chosen()
    {
        var grid = await Scratch.LevelThreeAsync(app);
        var admin = await app.ApiAsync("admin");
        var demoPerson = await app.AsSystemAsync(db => db.Set<Person>().Where(p => p.Path.Contains("141127100001")).Select(p => p.IdNumber).FirstAsync());
        // An importer whose scope is this one scratch community.
        var community = grid[..12];
        var name = $"imp{Guid.NewGuid():N}"[..14];
        await (await app.ApiAsync("security")).PostJsonAsync("/api/v1/users", new { userName = name, displayName = "导入员", roles = new[] { "CommunityStaff" }, captureScopeCode = community, password = "Import@2026-x" }, HttpStatusCode.Created);
        var importer = await app.FirstSignInAsync(name, "Import@2026-x");

        var file = Workbook([
            [grid, "0001", "某路1号", "赵一", Id("14112519800101101"), "13800000001", "户主", "户籍人口"],   // 2 good
            [grid, "0001", "某路1号", "", Id("14112519800101102"), null, "配偶", null],                  // 3 name missing
            [grid, "0002", "某路2号", "钱二", "141125198001011011", null, "户主", null],                  // 4 bad check character
            ["14112599999930001", "0003", "某路3号", "孙三", Id("14112519800101103"), null, "户主", null], // 5 unknown grid
            [grid, "0004", "某路4号", "李四", Id("14112519800101101"), null, "户主", null],               // 6 duplicate of row 2
            [grid, "0005", "某路5号", "周五", demoPerson, null, "户主", null],                            // 7 registered outside scope
            [grid, "0006", "某路6号", "吴六", Id("14112519800101104"), "12345", "户主", "外星人"],         // 8 bad phone, bad residency
            [grid, "0001", "某路1号", "郑七", Id("14112519800101105"), null, "子女", "流动人口"],          // 9 good
        ]);
        var preview = await (await UploadAsync(importer, file)).JsonAsync();
        Assert.Equal(8, preview.Int("rows"));
        Assert.Equal(3, preview.Int("goodRows"));
        var errors = preview.GetProperty("errors").EnumerateArray().Select(e => (e.Int("row"), e.Str("column"), e.Str("code"))).ToList();
        Assert.Contains((3, "姓名", "required"), errors);
        Assert.Contains((4, "身份证号", "id_badcheckcharacter"), errors);
        Assert.Contains((5, "网格代码", "unknown_grid"), errors);
        Assert.Contains((6, "身份证号", "duplicate_in_file"), errors);
        // Held outside the importer's scope: not an error that says where, only that a reviewer above both decides.
        Assert.DoesNotContain(errors, e => e.Item1 == 7);
        Assert.Equal(1, preview.Int("sentToReview"));
        var notice = Assert.Single(preview.GetProperty("notices").EnumerateArray());
        Assert.Equal((7, "registered_elsewhere"), (notice.Int("row"), notice.Str("code")));
        Assert.Contains((8, "手机号", "bad_phone"), errors);
        Assert.Contains((8, "居住类型", "unknown_residency"), errors);
        Assert.All(preview.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrWhiteSpace(e.Str("message"))));

        var uploaded = preview.Str("token");
        await (await importer.PostAsJsonAsync($"/api/v1/imports/{uploaded}/commit", new { goodRowsOnly = false })).ProblemAsync(HttpStatusCode.Conflict, "import_has_errors");
        Assert.Equal(0, await app.AsSystemAsync(db => db.Set<Person>().CountAsync(p => p.Name == "赵一" || p.Name == "郑七")));
        await (await admin.PostAsJsonAsync($"/api/v1/imports/{uploaded}/commit", new { goodRowsOnly = true })).ProblemAsync(HttpStatusCode.NotFound, "import_not_found");

        var done = await (await importer.PostAsJsonAsync($"/api/v1/imports/{uploaded}/commit", new { goodRowsOnly = true })).JsonAsync();
        Assert.True(done.GetProperty("committed").GetBoolean());
        Assert.Equal(2, done.Int("newPeople"));
        Assert.Equal(2, done.Int("newHouseholds"));
        // The number is stored encrypted: the review is found by name and its number compared once read.
        var review = Assert.Single(await app.AsSystemAsync(db => db.Set<DuplicateReview>().Where(r => r.Name == "周五").ToListAsync()), r => r.IdNumber == demoPerson);
        Assert.Equal("周五", review.Name);
        Assert.Equal("140000000000/141100000000/", review.Path);
        Assert.Equal(0, (await importer.GetJsonAsync("/api/v1/duplicate-reviews")).Int("total"));
        var made = await app.AsSystemAsync(db => db.Set<Person>().Where(p => p.Name == "赵一" || p.Name == "郑七").Select(p => p.HouseholdId).Distinct().ToListAsync());
        Assert.Single(made);
    }

    [Fact]
    public async Task A_person_the_file_moves_into_a_household_new_in_the_same_file_is_moved_and_counted_once()
    {
        var grid = await Scratch.LevelThreeAsync(app);
        var admin = await app.ApiAsync("admin");
        var mover = Id("14112519930101107");
        object?[][] first = [[grid, "M01", "乙路1号", "何一", Id("14112519930101106"), null, "户主", null], [grid, "M01", "乙路1号", "何二", mover, null, "子女", null],
            [grid, "M01", "乙路1号", "何老", Id("14112519500101109"), null, "父母", null]];
        await (await admin.PostAsJsonAsync($"/api/v1/imports/{(await (await UploadAsync(admin, Workbook(first))).JsonAsync()).Str("token")}/commit", new { })).JsonAsync();
        object?[][] second = [[grid, "M02", "乙路2号", "何二", mover, null, "户主", null], [grid, "M02", "乙路2号", "何三", Id("14112519950101108"), null, "配偶", null]];
        var moved = await (await admin.PostAsJsonAsync($"/api/v1/imports/{(await (await UploadAsync(admin, Workbook(second))).JsonAsync()).Str("token")}/commit", new { })).JsonAsync();
        Assert.Equal((1, 1, 1), (moved.Int("newPeople"), moved.Int("updatedPeople"), moved.Int("newHouseholds")));
        var household = await app.AsSystemAsync(db => db.Set<Person>().Where(p => p.IdNumberIndex == Person.IndexOfId(mover)).Select(p => db.Set<Household>().Single(h => h.Id == p.HouseholdId).Number).SingleAsync());
        Assert.Equal("M02", household);
        var node = (await admin.GetJsonAsync($"/api/v1/territory/nodes/{grid}")).GetProperty("node");
        Assert.Equal((2, 4), (node.Int("households"), node.Int("residents")));
        // The elderly resident the first file brought is counted in the tag tallies as a recount would.
        Assert.Equal(1, (await admin.GetJsonAsync($"/api/v1/cockpit?area={grid[..12]}")).GetProperty("tags").EnumerateArray().Single(t => t.Str("code") == "elderly").Int("residents"));
        var check = await admin.GetJsonAsync("/api/v1/tallies/check");
        Assert.True(check.GetProperty("agree").GetBoolean(), check.GetProperty("differences").GetRawText());
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_a_changed_field_is_an_update_in_history()
    {
        var grid = await Scratch.LevelThreeAsync(app);
        var admin = await app.ApiAsync("admin");
        object?[][] rows =
        [
            [grid, "A01", "甲路1号", "冯一", Id("14112519900101101"), "13900000001", "户主", null],
            [grid, "A01", "甲路1号", "陈二", Id("14112519920101102"), null, "配偶", null],
            [grid, "A02", "甲路2号", "褚三", Id("14112519850101103"), "13900000003", "户主", "户在人不在"],
        ];
        var first = await (await admin.PostAsJsonAsync($"/api/v1/imports/{(await (await UploadAsync(admin, Workbook(rows))).JsonAsync()).Str("token")}/commit", new { })).JsonAsync();
        Assert.Equal(3, first.Int("newPeople"));
        var added = await app.AsSystemAsync(async db =>
        {
            var ids = await db.Set<Person>().Where(p => p.Name == "冯一" || p.Name == "陈二" || p.Name == "褚三").Select(p => p.Id.ToString()).ToListAsync();
            return await db.Set<ChangeRecord>().Where(c => c.EntityType == "Person" && c.Action == "Added" && ids.Contains(c.EntityId))
                .Select(c => c.UserName).ToListAsync();
        });
        Assert.Equal(["admin", "admin", "admin"], added);
        Assert.Equal(2, (await admin.GetJsonAsync($"/api/v1/territory/nodes/{grid}")).GetProperty("node").Int("households"));
        Assert.Equal(3, (await admin.GetJsonAsync($"/api/v1/territory/nodes/{grid}")).GetProperty("node").Int("residents"));

        var records = await app.AsSystemAsync(db => db.Set<ChangeRecord>().CountAsync());
        var again = await (await UploadAsync(admin, Workbook(rows))).JsonAsync();
        Assert.Equal(3, again.Int("unchanged"));
        Assert.Equal(0, again.Int("newPeople"));
        var second = await (await admin.PostAsJsonAsync($"/api/v1/imports/{again.Str("token")}/commit", new { })).JsonAsync();
        Assert.Equal(3, second.Int("unchanged"));
        Assert.Equal(records, await app.AsSystemAsync(db => db.Set<ChangeRecord>().CountAsync()));

        rows[2][5] = "13900009999";
        var third = await (await admin.PostAsJsonAsync($"/api/v1/imports/{(await (await UploadAsync(admin, Workbook(rows))).JsonAsync()).Str("token")}/commit", new { })).JsonAsync();
        Assert.Equal(1, third.Int("updatedPeople"));
        var id = await app.AsSystemAsync(db => db.Set<Person>().Where(p => p.Name == "褚三").Select(p => p.Id).SingleAsync());
        var history = await admin.GetJsonAsync($"/api/v1/people/{id}/history");
        Assert.Equal("{\"Phone\":\"139****9999\"}", history.GetProperty("items")[0].Str("after"));
        Assert.Equal(2, (await admin.GetJsonAsync($"/api/v1/territory/nodes/{grid}")).GetProperty("node").Int("households"));

        // New rows on a grid that already has people add to its counts.
        object?[][] more = [.. rows, [grid, "A02", "甲路2号", "卫四", Id("14112520100101104"), null, "子", null], [grid, "A03", "甲路3号", "蒋五", Id("14112519700101105"), null, "户主", null]];
        var fourth = await (await admin.PostAsJsonAsync($"/api/v1/imports/{(await (await UploadAsync(admin, Workbook(more))).JsonAsync()).Str("token")}/commit", new { })).JsonAsync();
        Assert.Equal(2, fourth.Int("newPeople"));
        var node = (await admin.GetJsonAsync($"/api/v1/territory/nodes/{grid}")).GetProperty("node");
        Assert.Equal((3, 5), (node.Int("households"), node.Int("residents")));
    }

    [Fact]
    public async Task A_utf8_csv_is_read_like_a_workbook()
    {
        var grid = await Scratch.LevelThreeAsync(app);
        var admin = await app.ApiAsync("admin");
        var csv = string.Join("\n", [string.Join(",", Columns), $"{grid},C01,丙路1号,蒋一,{Id("14112519700101101")},,户主,流动人口"]);
        var preview = await (await UploadAsync(admin, Encoding.UTF8.GetBytes(csv), "ledger.csv")).JsonAsync();
        Assert.Equal(1, preview.Int("goodRows"));
        Assert.Equal(1, preview.Int("newPeople"));
    }

    [Fact]
    public async Task Malformed_files_get_a_clear_error_and_change_nothing()
    {
        var admin = await app.ApiAsync("admin");
        var people = await app.AsSystemAsync(db => db.Set<Person>().CountAsync());

        await (await UploadAsync(admin, [0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x10], "ledger.xlsx")).ProblemAsync(HttpStatusCode.BadRequest, "import_not_spreadsheet");
        await (await UploadAsync(admin, Encoding.UTF8.GetBytes("a\0b\0c"), "ledger.csv")).ProblemAsync(HttpStatusCode.BadRequest, "import_not_spreadsheet");
        var gbk = new byte[] { 0xCD, 0xF8, 0xB8, 0xF1, 0xB4, 0xFA, 0xC2, 0xEB, 0x2C, 0xD0, 0xD5, 0xC3, 0xFB, 0x0A };
        await (await UploadAsync(admin, gbk, "ledger.csv")).ProblemAsync(HttpStatusCode.BadRequest, "import_bad_encoding");

        var plainZip = new MemoryStream();
        using (var zip = new ZipArchive(plainZip, ZipArchiveMode.Create, leaveOpen: true))
            await using (var entry = zip.CreateEntry("readme.txt").Open()) await entry.WriteAsync("hello"u8.ToArray());
        await (await UploadAsync(admin, plainZip.ToArray())).ProblemAsync(HttpStatusCode.BadRequest, "import_not_spreadsheet");

        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var wb = zip.CreateEntry("xl/workbook.xml").Open()) await wb.WriteAsync("<workbook/>"u8.ToArray());
            await using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++) await sheet.WriteAsync(zeros);
        }
        Assert.True(bomb.Length < 1024 * 1024);
        await (await UploadAsync(admin, bomb.ToArray())).ProblemAsync(HttpStatusCode.BadRequest, "import_zip_bomb");

        var huge = Encoding.UTF8.GetBytes(new string('x', 6 * 1024 * 1024));
        await (await UploadAsync(admin, huge, "ledger.csv")).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "import_too_large");

        var noColumns = Encoding.UTF8.GetBytes("姓名,身份证号\n张三,11010519491231002X\n");
        var missing = await (await UploadAsync(admin, noColumns, "ledger.csv")).ProblemAsync(HttpStatusCode.BadRequest, "import_missing_columns");
        Assert.Contains("网格代码", missing.Str("title"));

        Assert.Equal(people, await app.AsSystemAsync(db => db.Set<Person>().CountAsync()));
    }

    [Fact]
    public async Task The_template_lists_every_column_with_an_example_row()
    {
        var admin = await app.ApiAsync("admin");
        var response = await admin.GetAsync("/api/v1/imports/template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var example = Assert.Single(rows);
        Assert.Equal(Columns, example.Keys.ToArray());
        Assert.Equal("11010519491231002X", example["身份证号"]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImportOnSqlite(SqliteApp app) : ImportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ImportOnPostgres(PostgresApp app) : ImportTests(app);
