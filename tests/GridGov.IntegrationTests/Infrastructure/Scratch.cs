using GridGov.Modules.People.Domain;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests.Infrastructure;

/// <summary>
/// A community of its own for a test that changes or breaks things, in Liulin County (outside
/// the demo's Lan County), so no test disturbs the demo or another test.
/// </summary>
public static class Scratch
{
    public const string Liulin = "141125000000";
    public const string LiulinTown = "141125100000";
    private static int _next = 100;
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<string> CommunityAsync(GridGovApp app, string? boundaryGeoJson = null)
    {
        await Gate.WaitAsync();
        try
        {
            var code = $"141125100{Interlocked.Increment(ref _next):D3}";
            await app.AsSystemAsync(async db =>
            {
                var county = await db.Set<AdminArea>().SingleAsync(a => a.Code == Liulin);
                var town = await db.Set<AdminArea>().SingleOrDefaultAsync(a => a.Code == LiulinTown);
                if (town is null)
                {
                    town = AdminArea.Create(LiulinTown, "柳林镇", county);
                    db.Add(town);
                    await db.SaveChangesAsync();
                }
                db.Add(AdminArea.Create(code, $"测试社区{code[^3..]}", town, boundaryGeoJson));
                await db.SaveChangesAsync();
            });
            return code;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh community cut down to one level-3 grid; answers that grid's code.</summary>
    public static async Task<string> LevelThreeAsync(GridGovApp app)
    {
        var community = await CommunityAsync(app);
        var admin = await app.ApiAsync("admin");
        var l1 = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = community, name = "甲" }, System.Net.HttpStatusCode.Created)).Str("code");
        var l2 = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l1, name = "甲一" }, System.Net.HttpStatusCode.Created)).Str("code");
        return (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l2, name = "甲一1" }, System.Net.HttpStatusCode.Created)).Str("code");
    }

    /// <summary>Adds households with one resident each on a grid, as the ledger would hold them.</summary>
    public static Task<List<int>> HouseholdsAsync(GridGovApp app, string gridCode, int count, (double Lon, double Lat)? at = null) =>
        app.AsSystemAsync(async db =>
        {
            var grid = await db.Set<Grid>().SingleAsync(g => g.Code == gridCode);
            var made = new List<Household>();
            for (var i = 0; i < count; i++)
            {
                var h = Household.Create($"T{gridCode[^6..]}-{Guid.NewGuid():N}"[..30], "测试地址", Placement.OnGrid(grid.Id, grid.Path), null, at?.Lon, at?.Lat);
                db.Add(h);
                made.Add(h);
            }
            await db.SaveChangesAsync();
            foreach (var h in made)
            {
                IdNumber.TryParse(IdNumber.Compose("141125", new DateOnly(1980, 1, 1).AddDays(h.Id % 5000), h.Id, Sex.Male),
                    new DateOnly(2026, 1, 1), out var id);
                var heads = new HouseholdHeads();
                heads.Know(h.Id, null);
                db.Add(Person.Register(h, "测试居民", id, null, Relations.Head, Residency.RegisteredResident, heads));
            }
            await db.SaveChangesAsync();
            return made.Select(h => h.Id).ToList();
        });

    public static string Box(double w, double s, double e, double n) =>
        $$"""{"type":"Polygon","coordinates":[[[{{w}},{{s}}],[{{e}},{{s}}],[{{e}},{{n}}],[{{w}},{{n}}],[{{w}},{{s}}]]]}""";
}
