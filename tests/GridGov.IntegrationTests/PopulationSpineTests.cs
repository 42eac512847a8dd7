using System.Net;
using System.Security.Cryptography;
using System.Text;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Domain;
using GridGov.Modules.Territory.Application;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.IntegrationTests;

/// <summary>The population under the tree: tallies that stay equal to the rows, bounded queries, a valid and repeatable demo.</summary>
public abstract class PopulationSpineTests(GridGovApp app)
{
    [Fact]
    public async Task Tallies_equal_a_recount_after_moves_splits_merges_and_grid_moves()
    {
        var community = await Scratch.CommunityAsync(app);
        var admin = await app.ApiAsync("admin");
        var l1a = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = community, name = "甲" }, HttpStatusCode.Created)).Str("code");
        var l1b = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = community, name = "乙" }, HttpStatusCode.Created)).Str("code");
        var l2 = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l1a, name = "甲一" }, HttpStatusCode.Created)).Str("code");
        var l3a = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l2, name = "一" }, HttpStatusCode.Created)).Str("code");
        var l3b = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l2, name = "二" }, HttpStatusCode.Created)).Str("code");
        var ids = await Scratch.HouseholdsAsync(app, l3a, 5);
        await admin.PostJsonAsync($"/api/v1/households/{ids[0]}/move", new { gridCode = l3b });
        var split = (await admin.PostJsonAsync($"/api/v1/grids/{l3a}/split", new { newName = "三", householdIds = ids.Skip(1).Take(2) }, HttpStatusCode.Created)).Str("code");
        await admin.PostJsonAsync($"/api/v1/grids/{split}/merge", new { targetCode = l3b });
        await admin.PostJsonAsync($"/api/v1/grids/{l2}/move", new { parentCode = l1b });

        var communityPath = (await admin.GetJsonAsync($"/api/v1/territory/nodes/{community}")).GetProperty("node").Str("path");
        var (tallies, counted) = await app.AsSystemAsync(async db => (
            (await db.Set<PopulationTally>().IgnoreQueryFilters().Where(t => t.Path.StartsWith(communityPath)).Select(t => new { t.Path, t.Households, t.Residents }).ToListAsync())
                .Concat(await db.Set<PopulationTallyChange>().IgnoreQueryFilters().Where(t => t.Path.StartsWith(communityPath)).Select(t => new { t.Path, t.Households, t.Residents }).ToListAsync())
                .GroupBy(t => t.Path).Select(g => new { Path = g.Key, Households = g.Sum(t => t.Households), Residents = g.Sum(t => t.Residents) })
                .Where(t => t.Households > 0 || t.Residents > 0).OrderBy(t => t.Path, StringComparer.Ordinal).ToList(),
            await db.Set<Household>().Where(h => h.IsActive && h.Path.StartsWith(communityPath)).GroupBy(h => h.Path)
                .Select(g => new { Path = g.Key, Households = g.Count(), Residents = db.Set<Person>().Count(p => p.IsActive && p.Path == g.Key) })
                .ToListAsync()));
        Assert.Equal(counted.OrderBy(t => t.Path, StringComparer.Ordinal), tallies);
        // Folded, the tallies say the same.
        await app.AsSystemAsync(db => GridGov.Kernel.Tallies.TallyFold.FoldAsync(db, GridGov.Modules.People.Application.PopulationTallies.Shape, CancellationToken.None));
        Assert.Equal(0, await app.AsSystemAsync(db => db.Set<PopulationTallyChange>().IgnoreQueryFilters().CountAsync()));
        Assert.Equal(5, tallies.Sum(t => t.Households));
        Assert.Equal(5, (await admin.GetJsonAsync($"/api/v1/territory/nodes/{community}")).GetProperty("node").Int("households"));
    }

    [Theory]
    [InlineData("140000000000")]
    [InlineData("141127000000")]
    [InlineData("141127100001")]
    [InlineData("14112710000110001")]
    [InlineData("14112710000130001")]
    public async Task A_tree_page_costs_a_bounded_number_of_queries_at_any_level(string code)
    {
        app.SkipIfUnavailable();
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        var tree = scope.ServiceProvider.GetRequiredService<TerritoryTree>();
        using (app.Commands.Start(out var count))
        {
            var view = await tree.GetAsync(code, false, CancellationToken.None);
            Assert.NotNull(view.Node);
            Assert.InRange(count(), 1, 8);
        }
    }

    [Fact]
    public async Task Every_demo_resident_has_a_valid_id_number_that_agrees_with_the_record()
    {
        var bad = await app.AsSystemAsync(async db =>
        {
            var problems = 0;
            await foreach (var p in db.Set<Person>().AsNoTracking().Select(p => new { p.IdNumber, p.BirthDate, p.Sex }).AsAsyncEnumerable())
            {
                if (IdNumber.TryParse(p.IdNumber, new DateOnly(2026, 11, 23), out var id) != IdNumberError.None || id.BirthDate != p.BirthDate || id.Sex != p.Sex)
                    problems++;
            }
            return problems;
        });
        Assert.Equal(0, bad);
        var duplicates = await app.AsSystemAsync(db => db.Set<Person>().GroupBy(p => p.IdNumber).CountAsync(g => g.Count() > 1));
        Assert.Equal(0, duplicates);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_county()
    {
        app.SkipIfUnavailable();
        await using var other = new SqliteApp();
        await other.InitializeAsync();
        Assert.Equal(await DigestAsync(app), await DigestAsync(other));
    }

    private static Task<string> DigestAsync(GridGovApp app) => app.AsSystemAsync(async db =>
    {
        var text = new StringBuilder();
        // The demo county only: other tests add scratch communities elsewhere.
        const string lan = "140000000000/141100000000/141127000000/";
        foreach (var g in await db.Set<GridGov.Modules.Territory.Domain.Grid>().Where(g => g.Path.StartsWith(lan) && g.OpenedOn < new DateOnly(2022, 1, 1))
                     .OrderBy(g => g.Code).Select(g => new { g.Code, g.Path }).ToListAsync()) text.AppendLine($"{g.Code}{g.Path}");
        foreach (var h in await db.Set<Household>().Where(h => h.Path.StartsWith(lan)).OrderBy(h => h.Id)
                     .Select(h => new { h.Number, h.Address, h.Longitude, h.Latitude }).ToListAsync())
            text.AppendLine(FormattableString.Invariant($"{h.Number}{h.Address}{h.Longitude:R}{h.Latitude:R}"));
        foreach (var p in await db.Set<Person>().Where(p => p.Path.StartsWith(lan)).OrderBy(p => p.Id)
                     .Select(p => new { p.Name, p.IdNumber, p.Phone, p.RelationToHead }).ToListAsync())
            text.AppendLine($"{p.Name}{p.IdNumber}{p.Phone}{p.RelationToHead}");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    });
}

[Collection(SqliteCollection.Name)]
public sealed class PopulationSpineOnSqlite(SqliteApp app) : PopulationSpineTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PopulationSpineOnPostgres(PostgresApp app) : PopulationSpineTests(app);
