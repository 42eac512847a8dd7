using System.Net;
using System.Net.Http.Json;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Modules.People.Domain;

namespace GridGov.IntegrationTests;

public abstract class PlacesTests(GridGovApp app)
{

    [Fact]
    public async Task Buildings_with_heads_households_and_key_places_are_kept_on_a_level_three_grid()
    {
        var grid = await Scratch.LevelThreeAsync(app);
        var admin = await app.ApiAsync("admin");
        var building = (await admin.PostJsonAsync($"/api/v1/grids/{grid}/buildings", new { name = "1号楼", address = "滨河路1号", headName = "赵楼长", headPhone = "13700001111" }, HttpStatusCode.Created)).GetInt32();
        var household = (await admin.PostJsonAsync($"/api/v1/grids/{grid}/households", new { number = "0101", address = "滨河路1号1单元101", buildingId = building }, HttpStatusCode.Created)).GetInt32();
        await admin.PostJsonAsync($"/api/v1/grids/{grid}/key-places", new { name = "滨河小学", kind = "School", address = "滨河路8号", contactName = "钱校长", contactPhone = "13900002222" }, HttpStatusCode.Created);
        await (await admin.PutAsJsonAsync($"/api/v1/buildings/{building}/head", new { headName = "孙楼长", headPhone = "13600003333" })).JsonAsync(HttpStatusCode.NoContent);

        var places = await admin.GetJsonAsync($"/api/v1/grids/{grid}/places");
        var b = places.GetProperty("buildings")[0];
        Assert.Equal("孙楼长", b.Str("headName"));
        Assert.Equal("136****3333", b.Str("maskedHeadPhone"));
        Assert.Equal(1, b.Int("households"));
        var k = places.GetProperty("keyPlaces")[0];
        Assert.Equal("School", k.Str("kind"));
        Assert.Equal("139****2222", k.Str("maskedContactPhone"));

        await (await admin.PutAsJsonAsync($"/api/v1/households/{household}", new { number = "0102", address = "滨河路1号1单元102", buildingId = building })).JsonAsync(HttpStatusCode.NoContent);
        Assert.Equal("0102", (await admin.GetJsonAsync($"/api/v1/households/{household}")).Str("number"));

        async Task<HttpResponseMessage> Register(string name, string first17, string relation) =>
            await admin.PostAsJsonAsync($"/api/v1/households/{household}/members", new { name, idNumber = first17 + IdNumber.CheckCharacterOf(first17), relationToHead = relation });
        var head = await (await Register("周户主", "14112519600101101", "户主")).JsonAsync(HttpStatusCode.Created);
        await (await Register("吴第二", "14112519610101101", "户主")).ProblemAsync(HttpStatusCode.Conflict, "household_has_head");
        await (await admin.PostAsync($"/api/v1/households/{household}/close", null)).ProblemAsync(HttpStatusCode.Conflict, "household_has_members");
        await admin.PostJsonAsync($"/api/v1/people/{head.Int("id")}/deregister", new { reason = "MovedAway" });
        await (await admin.PostAsync($"/api/v1/households/{household}/close", null)).JsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, (await admin.GetJsonAsync($"/api/v1/grids/{grid}/places")).GetProperty("buildings")[0].Int("households"));
    }

    [Fact]
    public async Task Places_outside_the_capture_scope_cannot_be_added()
    {
        var community = await app.ApiAsync("community");
        // A grid the user cannot see answers as one that does not exist.
        await (await community.PostAsJsonAsync("/api/v1/grids/14112710000230001/buildings", new { name = "越界楼", address = "某路" }))
            .ProblemAsync(HttpStatusCode.NotFound, "grid_not_found");
        await (await community.PostAsJsonAsync("/api/v1/grids/14112710000110001/households", new { number = "x", address = "某路" }))
            .ProblemAsync(HttpStatusCode.Conflict, "grid_level_three_only");
        await (await community.GetAsync("/api/v1/grids/14112710000230001/places")).ProblemAsync(HttpStatusCode.NotFound, "grid_not_found");
        var problem = await (await community.PostAsJsonAsync("/api/v1/grids/14112710000130001/key-places", new { name = "", kind = "Market", address = "", contactName = "" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("fieldCodes").TryGetProperty("contactName", out _));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PlacesOnSqlite(SqliteApp app) : PlacesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PlacesOnPostgres(PostgresApp app) : PlacesTests(app);
