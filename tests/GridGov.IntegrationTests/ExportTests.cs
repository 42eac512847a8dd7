using System.Net;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace GridGov.IntegrationTests;

public abstract class ExportTests(GridGovApp app)
{
    private const string Grid = "14112710000130001";

    private static async Task<List<IDictionary<string, object>>> SheetAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }

    [Fact]
    public async Task An_export_is_masked_by_default_scoped_and_recorded()
    {
        var worker = await app.ApiAsync("gridworker");
        var rows = await SheetAsync(await worker.GetAsync("/api/v1/people/export"));
        var onGrid = await app.AsSystemAsync(db => db.Set<Person>().CountAsync(p => p.IsActive && p.Path.EndsWith(Grid + "/")));
        Assert.Equal(onGrid, rows.Count);
        Assert.All(rows, r => Assert.Matches(@"^\d{6}\*{8}[0-9X]{4}$", r["身份证号"].ToString()!));
        Assert.All(rows.Where(r => r["手机号"] is string { Length: > 0 }), r => Assert.Contains("****", r["手机号"].ToString()));

        var auditor = await app.ApiAsync("auditor");
        var log = await auditor.GetJsonAsync("/api/v1/exports?pageSize=200");
        var mine = log.GetProperty("items").EnumerateArray().First(e => e.Str("userName") == "gridworker");
        Assert.Equal(onGrid, mine.Int("rows"));
        Assert.False(mine.GetProperty("fullValues").GetBoolean());
    }

    [Fact]
    public async Task The_file_is_named_by_the_county_clock_not_the_hosts()
    {
        static string Stamp() => (DateTimeOffset.UtcNow + TimeSpan.FromHours(8)).ToString("yyyyMMdd-HHmm");
        var worker = await app.ApiAsync("gridworker");
        var before = Stamp();
        var response = await worker.GetAsync("/api/v1/people/export");
        var after = Stamp();
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName;
        Assert.Contains(name, new[] { $"people-{before}.xlsx", $"people-{after}.xlsx" });
    }

    [Fact]
    public async Task Full_values_are_for_entitled_roles_only()
    {
        var county = await app.ApiAsync("county", "en");
        var rows = await SheetAsync(await county.GetAsync($"/api/v1/people/export?full=true&q=zh"));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Matches(@"^\d{17}[0-9X]$", r["ID number"].ToString()!));
        var auditor = await app.ApiAsync("auditor");
        await (await auditor.GetAsync("/api/v1/people/export?full=true")).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/people/export?q=zh")).StatusCode);
        var department = await app.ApiAsync("department");
        await (await department.GetAsync("/api/v1/people/export")).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task Cells_that_would_run_as_formulas_are_neutralised()
    {
        var l3 = await Scratch.LevelThreeAsync(app);
        var admin = await app.ApiAsync("admin");
        var household = (await Scratch.HouseholdsAsync(app, l3, 1))[0];
        foreach (var (name, id) in new[] { ("=HYPERLINK(\"x\")", "11010519800101001"), ("@SUM(A1)", "11010519800101002"), ("+1-2", "11010519800101003"), ("-3", "11010519800101004") })
        {
            var number = id + IdNumber.CheckCharacterOf(id);
            await admin.PostJsonAsync($"/api/v1/households/{household}/members", new { name, idNumber = number, relationToHead = "其他" }, HttpStatusCode.Created);
        }
        foreach (var q in new[] { "=", "@", "+", "-" })
        {
            var rows = await SheetAsync(await admin.GetAsync($"/api/v1/people/export?q={Uri.EscapeDataString(q)}"));
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.StartsWith("'" + q, r["姓名"].ToString()));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ExportOnSqlite(SqliteApp app) : ExportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ExportOnPostgres(PostgresApp app) : ExportTests(app);
