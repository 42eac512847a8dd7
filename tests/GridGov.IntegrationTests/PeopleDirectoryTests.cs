using GridGov.IntegrationTests.Infrastructure;
using GridGov.Kernel.Paging;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.IntegrationTests;

/// <summary>The People contract the coming programmes read the ledger through: scoped, masked, paged.</summary>
public abstract class PeopleDirectoryTests(GridGovApp app)
{
    private const string Grid = "14112710000130001";

    private async Task<T> AsViewerAsync<T>(string path, Func<IPeopleDirectory, Task<T>> work)
    {
        app.SkipIfUnavailable();
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<GridGov.Kernel.Security.CurrentUser>()
            .SignIn("viewer", "viewer", [GridGov.Kernel.Security.Roles.CommunityStaff], path, path);
        return await work(scope.ServiceProvider.GetRequiredService<IPeopleDirectory>());
    }

    [Fact]
    public async Task Persons_and_households_are_found_within_scope_masked_and_by_grid_tag_and_id_number()
    {
        var (gridId, gridPath, person, idNumber) = await app.AsSystemAsync(async db =>
        {
            var grid = await db.Set<GridGov.Modules.Territory.Domain.Grid>().SingleAsync(g => g.Code == Grid);
            var p = await db.Set<Person>().Where(x => x.Path == grid.Path && x.IsActive && x.RelationToHead == Relations.Head).OrderBy(x => x.Id).FirstAsync();
            return (grid.Id, grid.Path, p, p.IdNumber);
        });
        var found = await AsViewerAsync(gridPath, d => d.PersonAsync(person.Id, CancellationToken.None));
        Assert.NotNull(found);
        Assert.Equal((person.Name, gridId), (found.Name, found.GridId));
        Assert.Matches(@"^\d{6}\*{8}[0-9X]{4}$", found.MaskedIdNumber.Text);
        Assert.Equal(person.Id, (await AsViewerAsync(gridPath, d => d.PersonByIdNumberAsync(idNumber, CancellationToken.None)))?.Id);

        // A viewer of another county sees none of it, by any door.
        const string Liulin = "140000000000/141100000000/141125000000/";
        Assert.Null(await AsViewerAsync(Liulin, d => d.PersonAsync(person.Id, CancellationToken.None)));
        Assert.Null(await AsViewerAsync(Liulin, d => d.PersonByIdNumberAsync(idNumber, CancellationToken.None)));
        Assert.Equal(0, (await AsViewerAsync(Liulin, d => d.PeopleOnGridAsync(gridId, PageRequest.Of(1, 10), CancellationToken.None))).Total);

        var onGrid = await AsViewerAsync(gridPath, d => d.PeopleOnGridAsync(gridId, PageRequest.Of(1, 10), CancellationToken.None));
        var expected = await app.AsSystemAsync(db => db.Set<Person>().CountAsync(p => p.Path == gridPath && p.IsActive));
        Assert.Equal(expected, onGrid.Total);
        Assert.True(onGrid.Items.Count <= 10);

        var household = await AsViewerAsync(gridPath, d => d.HouseholdAsync(person.HouseholdId, CancellationToken.None));
        Assert.Equal(person.Name, household?.HeadName);
        Assert.True(household!.Members >= 1);
        var households = await AsViewerAsync(gridPath, d => d.HouseholdsOnGridAsync(gridId, PageRequest.Of(1, 500), CancellationToken.None));
        Assert.Contains(households.Items, h => h.Id == person.HouseholdId);

        var elderly = await AsViewerAsync(gridPath, d => d.PeopleWithTagAsync(TagDefinition.Elderly, PageRequest.Of(1, 200), CancellationToken.None));
        var born = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddYears(-TagDefinition.ElderlyAge);
        Assert.Equal(await app.AsSystemAsync(db => db.Set<Person>().CountAsync(p => p.Path == gridPath && p.IsActive && p.BirthDate <= born)), elderly.Total);
        Assert.True(elderly.Total > 0, "the demo grid has elderly residents");
        Assert.All(elderly.Items, p => Assert.Contains(TagDefinition.Elderly, p.TagCodes));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PeopleDirectoryOnSqlite(SqliteApp app) : PeopleDirectoryTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PeopleDirectoryOnPostgres(PostgresApp app) : PeopleDirectoryTests(app);
