using GridGov.Kernel.Errors;
using GridGov.Kernel.Time;
using GridGov.Modules.People.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GridGov.Modules.People.Api;

public sealed record MoveHouseholdRequest(string GridCode);

public static class HouseholdEndpoints
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        var households = api.MapGroup("/households").WithTags("Households");
        households.MapGet("/{id:int}", (int id, HouseholdPlacement households, CancellationToken ct) => households.GetAsync(id, ct))
            .WithSummary("A household and its members; ID numbers and phones masked");
        households.MapPost("/{id:int}/move", async (int id, MoveHouseholdRequest body, HouseholdPlacement households, CancellationToken ct) =>
        {
            await households.MoveAsync(id, body.GridCode, ct);
            return await households.GetAsync(id, ct);
        }).WithSummary("Moves a household and its members to another level-3 grid");
        households.MapPut("/{id:int}", async Task<NoContent> (int id, HouseholdChange body, GridPlaces places, CancellationToken ct) =>
        {
            await places.ChangeHouseholdAsync(id, body, ct);
            return TypedResults.NoContent();
        }).WithSummary("Changes a household's number, address, building or location; send the version you read, a newer one answers 409");
        households.MapPost("/{id:int}/close", async Task<NoContent> (int id, GridPlaces places, CancellationToken ct) =>
        {
            await places.CloseHouseholdAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Closes a household with no active members; the record stays");

        var grids = api.MapGroup("/grids").WithTags("Households");
        grids.MapGet("/{code}/places", (string code, GridPlaces places, CancellationToken ct) => places.GetAsync(code, ct))
            .WithSummary("Buildings (with their heads) and key places on a level-3 grid");
        grids.MapPost("/{code}/households", async Task<Created<int>> (string code, NewHousehold body, GridPlaces places, CancellationToken ct) =>
        {
            var id = await places.AddHouseholdAsync(code, body, ct);
            return TypedResults.Created($"/api/v1/households/{id}", id);
        }).WithSummary("Opens a household on a level-3 grid");
        grids.MapPost("/{code}/buildings", async Task<Created<int>> (string code, NewBuilding body, GridPlaces places, CancellationToken ct) =>
        {
            var id = await places.AddBuildingAsync(code, body, ct);
            return TypedResults.Created($"/api/v1/grids/{code}/places", id);
        }).WithSummary("Adds a building to a level-3 grid, with its building head");
        grids.MapPost("/{code}/key-places", async Task<Created<int>> (string code, KeyPlaceInput body, GridPlaces places, CancellationToken ct) =>
        {
            var id = await places.AddKeyPlaceAsync(code, body, ct);
            return TypedResults.Created($"/api/v1/grids/{code}/places", id);
        }).WithSummary("Adds a school, enterprise, hospital or market to a level-3 grid, with its contact person");
        api.MapPut("/buildings/{id:int}/head", async Task<NoContent> (int id, BuildingHead body, GridPlaces places, CancellationToken ct) =>
        {
            await places.AppointHeadAsync(id, body, ct);
            return TypedResults.NoContent();
        }).WithTags("Households").WithSummary("Names a building's head (楼栋长)");
        api.MapPut("/key-places/{id:int}", async Task<NoContent> (int id, KeyPlaceChange body, GridPlaces places, CancellationToken ct) =>
        {
            await places.ChangeKeyPlaceAsync(id, body, ct);
            return TypedResults.NoContent();
        }).WithTags("Households").WithSummary("Changes a key place or its contact person; send the version you read, a newer one answers 409");

        households.MapGet("/{id:int}/as-of", (int id, string at, HouseholdHistory history, CancellationToken ct) =>
            history.AsOfAsync(id, ChinaTime.ReadInstant(at) ?? throw new ValidationException("at", "invalid_value"), ct)).WithSummary("The household's members as they stood at a past moment");
        return api;
    }
}
