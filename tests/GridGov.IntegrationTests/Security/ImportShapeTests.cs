using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace GridGov.IntegrationTests.Security;

/// <summary>Malformed and hostile files are refused with a reason the uploader can act on, never a 500; uploads stay private and go away.</summary>
public abstract class ImportShapeTests(GridGovApp app)
{
    private const string Header = "网格代码,户号,地址,姓名,身份证号,手机号,与户主关系,居住类型";

    private async Task<HttpResponseMessage> UploadAsync(byte[] content, string name)
    {
        var admin = await app.ApiAsync("admin");
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        return await admin.PostAsync("/api/v1/imports", form);
    }

    private static byte[] Xlsx(Action<ZipArchive> parts)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true)) parts(zip);
        return stream.ToArray();
    }

    private static void Part(ZipArchive zip, string name, string text)
    {
        using var entry = zip.CreateEntry(name).Open();
        entry.Write(Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public async Task A_ragged_csv_row_is_a_row_error_with_its_number()
    {
        var csv = $"{Header}\n14112710000130001,1,路,张三,11010519491231002X,,户主,\n14112710000130001,2,路\n14112710000130001,3,路,李\t四,110105194912310021,,户主,,多余\n";
        var preview = await (await UploadAsync(Encoding.UTF8.GetBytes(csv), "ledger.csv")).JsonAsync();
        var errors = preview.GetProperty("errors").EnumerateArray().Select(e => (e.Int("row"), e.Str("code"))).ToList();
        Assert.Contains((3, "wrong_field_count"), errors);
        Assert.Contains((4, "wrong_field_count"), errors);
    }

    [Fact]
    public async Task A_csv_wider_than_the_template_allows_is_refused_before_its_rows_are_read()
    {
        var wide = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"c{i}")) + "\n" + string.Join(",", Enumerable.Range(0, 10_000).Select(_ => "x")) + "\n";
        var watch = Stopwatch.StartNew();
        await (await UploadAsync(Encoding.UTF8.GetBytes(wide), "ledger.csv")).ProblemAsync(HttpStatusCode.BadRequest, "import_too_many_columns");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_workbook_with_a_dtd_with_no_sheet_or_with_a_sheet_that_is_not_xml_is_refused_with_its_reason()
    {
        var dtd = Xlsx(zip =>
        {
            Part(zip, "xl/workbook.xml", "<workbook/>");
            Part(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]><worksheet>&lol2;</worksheet>");
        });
        await (await UploadAsync(dtd, "ledger.xlsx")).ProblemAsync(HttpStatusCode.BadRequest, "import_dtd");
        var noSheet = Xlsx(zip => Part(zip, "xl/workbook.xml", "<workbook/>"));
        await (await UploadAsync(noSheet, "ledger.xlsx")).ProblemAsync(HttpStatusCode.BadRequest, "import_no_sheet");
        var notXml = Xlsx(zip =>
        {
            Part(zip, "[Content_Types].xml", "<Types/>");
            Part(zip, "xl/workbook.xml", "<workbook/>");
            Part(zip, "xl/worksheets/sheet1.xml", "this is not xml at all {{{");
        });
        var problem = await (await UploadAsync(notXml, "ledger.xlsx")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Str("code"), new[] { "import_unreadable", "import_missing_columns" });
    }

    [Fact]
    public async Task A_workbook_whose_parts_lie_about_their_size_is_refused()
    {
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, new[] { new Dictionary<string, object?> { ["网格代码"] = "14112710000130001", ["姓名"] = new string('张', 5000) } }, excelType: ExcelType.XLSX);
        var bytes = stream.ToArray();
        ShrinkDeclaredSize(bytes, "xl/worksheets/sheet1.xml", 16);
        var answer = await UploadAsync(bytes, "ledger.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    /// <summary>Rewrites the uncompressed size that a part's local and central headers declare.</summary>
    private static void ShrinkDeclaredSize(byte[] zip, string name, int size)
    {
        var nameBytes = Encoding.ASCII.GetBytes(name);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BitConverter.ToUInt32(zip, i);
            var (sizeAt, nameLengthAt, nameAt) = signature switch
            {
                0x04034b50 => (i + 22, i + 26, i + 30),
                0x02014b50 => (i + 24, i + 28, i + 46),
                _ => (-1, -1, -1),
            };
            if (sizeAt < 0 || BitConverter.ToUInt16(zip, nameLengthAt) != nameBytes.Length) continue;
            if (!zip.AsSpan(nameAt, nameBytes.Length).SequenceEqual(nameBytes)) continue;
            BitConverter.GetBytes(size).CopyTo(zip, sizeAt);
        }
    }

    [Fact]
    public async Task Uploads_are_private_to_the_app_and_deleted_at_commit()
    {
        var grid = await Scratch.LevelThreeAsync(app);
        var id = "14112519990101109";
        var csv = $"{Header}\n{grid},P1,私路1号,私密,{id}{IdNumber.CheckCharacterOf(id)},,户主,\n";
        var preview = await (await UploadAsync(Encoding.UTF8.GetBytes(csv), "ledger.csv")).JsonAsync();
        var token = preview.Str("token");
        var file = Path.Combine(app.ImportFolder, token);
        Assert.True(File.Exists(file));
        Assert.StartsWith(Path.GetFullPath(app.ImportFolder), Path.GetFullPath(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(app.ImportFolder));
        }
        var admin = await app.ApiAsync("admin");
        await (await admin.PostAsync($"/api/v1/imports/{token}/commit", System.Net.Http.Json.JsonContent.Create(new { }))).JsonAsync();
        Assert.False(File.Exists(file));
        Assert.False(File.Exists(file + ".owner"));
        Assert.Equal(1, await app.AsSystemAsync(db => db.Set<Person>().CountAsync(p => p.Name == "私密")));
    }

    [Fact]
    public async Task An_upload_never_committed_is_deleted_once_its_time_is_up()
    {
        var preview = await (await UploadAsync(Encoding.UTF8.GetBytes($"{Header}\n1,2,3,4,5,6,7,8\n"), "ledger.csv")).JsonAsync();
        var file = Path.Combine(app.ImportFolder, preview.Str("token"));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-2));
        await UploadAsync(Encoding.UTF8.GetBytes($"{Header}\n1,2,3,4,5,6,7,8\n"), "ledger.csv");
        Assert.False(File.Exists(file));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImportShapesOnSqlite(SqliteApp app) : ImportShapeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ImportShapesOnPostgres(PostgresApp app) : ImportShapeTests(app);
