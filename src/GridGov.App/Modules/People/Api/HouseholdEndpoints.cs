using GridGov.Modules.People.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        households.MapGet("/{id:int}/as-of", (int id, DateTime at, HouseholdHistory history, CancellationToken ct) =>
            history.AsOfAsync(id, at.ToUniversalTime(), ct)).WithSummary("The household's members as they stood at a past moment");
        return api;
    }
}
