using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.Territory.Application;
using GridGov.Modules.Territory.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GridGov.Modules.Territory.Api;

public sealed record GridDetail(string Code, string Name, int Level, string Path, DateOnly OpenedOn, DateOnly? ClosedOn, string? Boundary,
    int Households, int Residents, IReadOnlyList<TreeNode> Ancestors, IReadOnlyList<TreeNode> Children, int Version);

public sealed record CreateGridRequest(string ParentCode, string Name, DateOnly? OpenedOn, string? Boundary);
/// <param name="Version">The version read with the grid: a grid changed since answers 409.</param>
public sealed record UpdateGridRequest(string? Name, string? Boundary, int? Version, bool ClearBoundary = false);
public sealed record MoveGridRequest(string ParentCode);
public sealed record MergeGridRequest(string TargetCode);
public sealed record RetireGridRequest(DateOnly? ClosedOn);
public sealed record PartyOrganizationRequest(PartyOrganizationKind Kind, string Name, string? SecretaryName);

public static class TerritoryEndpoints
{
    public static RouteGroupBuilder MapTerritoryApi(this RouteGroupBuilder api)
    {
        var territory = api.MapGroup("/territory").WithTags("Territory");
        territory.MapGet("/nodes", (TerritoryTree tree, bool? includeRetired, string? tag, CancellationToken ct) => tree.GetAsync(null, includeRetired ?? false, ct, tag))
            .WithSummary("The user's scope root with its children and their household and resident counts");
        territory.MapGet("/nodes/{code}", (string code, TerritoryTree tree, bool? includeRetired, string? tag, CancellationToken ct) =>
                tree.GetAsync(code, includeRetired ?? false, ct, tag))
            .WithSummary("An area or grid with its children and their household and resident counts; with ?tag=, residents carrying that tag too");

        var areas = api.MapGroup("/areas").WithTags("Territory");
        areas.MapGet("/{code}/size-rules", (string code, SizeRules rules, CancellationToken ct) => rules.GetAsync(code, ct))
            .WithSummary("A county's households-per-grid rule for each level");
        areas.MapPut("/{code}/size-rules", (string code, SizeRuleView[] levels, SizeRules rules, CancellationToken ct) => rules.SetAsync(code, levels, ct))
            .WithSummary("Sets a county's households-per-grid rule");

        api.MapGet("/coverage/{areaCode}", (string areaCode, CoverageCheck check, CancellationToken ct) => check.RunAsync(areaCode, ct))
            .WithTags("Coverage").WithSummary("Every size, placement, nesting and boundary violation under an area");

        var grids = api.MapGroup("/grids").WithTags("Grids");
        grids.MapGet("/{code}", GetGrid).WithSummary("A grid with its ancestors, children and counts");
        grids.MapPost("/", async Task<Created<GridDetail>> (CreateGridRequest body, GridLifecycle grids, TerritoryTree tree, CancellationToken ct) =>
        {
            var grid = await grids.CreateAsync(new CreateGrid(body.ParentCode, body.Name, body.OpenedOn, body.Boundary), ct);
            return TypedResults.Created($"/api/v1/grids/{grid.Code}", await DetailAsync(grid.Code, tree, grids, ct));
        }).WithSummary("Opens a grid under an area (level 1) or a grid (one level down)");
        grids.MapPatch("/{code}", async (string code, UpdateGridRequest body, GridLifecycle grids, TerritoryTree tree, CancellationToken ct) =>
        {
            await grids.ChangeAsync(code, new GridChange(body.Name, body.Boundary, body.ClearBoundary, body.Version), ct);
            return await DetailAsync(code, tree, grids, ct);
        }).WithSummary("Renames a grid or redraws its boundary");
        grids.MapPost("/{code}/move", async (string code, MoveGridRequest body, GridReorganisation reorg, GridLifecycle grids, TerritoryTree tree, CancellationToken ct) =>
        {
            await reorg.MoveAsync(code, body.ParentCode, ct);
            return await DetailAsync(code, tree, grids, ct);
        }).WithSummary("Moves a grid, with everything on it, under another parent of the right level");
        grids.MapPost("/{code}/split", async Task<Created<GridDetail>> (string code, SplitGrid body, GridReorganisation reorg, GridLifecycle grids, TerritoryTree tree, CancellationToken ct) =>
        {
            var created = await reorg.SplitAsync(code, body, ct);
            return TypedResults.Created($"/api/v1/grids/{created.Code}", await DetailAsync(created.Code, tree, grids, ct));
        }).WithSummary("Opens a sibling grid and moves the chosen child grids or households to it");
        grids.MapPost("/{code}/merge", async (string code, MergeGridRequest body, GridReorganisation reorg, GridLifecycle grids, TerritoryTree tree, CancellationToken ct) =>
        {
            var target = await reorg.MergeAsync(code, body.TargetCode, ct);
            return await DetailAsync(target.Code, tree, grids, ct);
        }).WithSummary("Moves everything on a grid into another of the same level and retires it");
        grids.MapPost("/{code}/retire", async (string code, RetireGridRequest body, GridLifecycle grids, TerritoryTree tree, CancellationToken ct) =>
        {
            await grids.RetireAsync(code, body.ClosedOn, ct);
            return await DetailAsync(code, tree, grids, ct);
        }).WithSummary("Retires an empty grid; it is kept for history");
        grids.MapGet("/{code}/households", (string code, int? page, int? pageSize, GridHouseholds households, CancellationToken ct) =>
            households.ListAsync(code, PageRequest.Of(page, pageSize), ct)).WithSummary("Households on a level-3 grid, paged");
        grids.MapGet("/{code}/history", (string code, int? page, int? pageSize, GridHistory history, CancellationToken ct) =>
            history.GetAsync(code, PageRequest.Of(page, pageSize), ct)).WithSummary("Who changed the grid and when");

        grids.MapGet("/{code}/staff", (string code, bool? includeEnded, GridStaffing staffing, CancellationToken ct) =>
            staffing.StaffAsync(code, includeEnded ?? false, ct)).WithSummary("Grid leader, grid workers, building heads and volunteers");
        grids.MapPost("/{code}/staff", async Task<Created<StaffView>> (string code, AssignStaff body, GridStaffing staffing, CancellationToken ct) =>
        {
            var view = await staffing.AssignAsync(code, body, ct);
            return TypedResults.Created($"/api/v1/grids/{code}/staff/{view.Id}", view);
        }).WithSummary("Assigns a grid leader, worker, building head or volunteer");
        grids.MapPost("/{code}/staff/{id:int}/end", async Task<NoContent> (string code, int id, GridStaffing staffing, CancellationToken ct) =>
        {
            await staffing.EndAsync(code, id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Ends an assignment");
        grids.MapGet("/{code}/party", (string code, GridStaffing staffing, CancellationToken ct) => staffing.PartyAsync(code, ct))
            .WithSummary("The party organisation on a grid");
        grids.MapPost("/{code}/party", async Task<Created<PartyOrganizationView>> (string code, PartyOrganizationRequest body, GridStaffing staffing, CancellationToken ct) =>
        {
            var view = await staffing.AttachPartyAsync(code, body.Kind, body.Name, body.SecretaryName, ct);
            return TypedResults.Created($"/api/v1/grids/{code}/party", view);
        }).WithSummary("Attaches a party branch (level 1), group (level 2) or centre household");
        return api;
    }

    private static Task<GridDetail> GetGrid(string code, TerritoryTree tree, GridLifecycle grids, CancellationToken ct) => DetailAsync(code, tree, grids, ct);

    private static async Task<GridDetail> DetailAsync(string code, TerritoryTree tree, GridLifecycle grids, CancellationToken ct)
    {
        var grid = await grids.GetAsync(code, ct);
        var view = await tree.GetAsync(code, includeRetired: true, ct);
        return new GridDetail(grid.Code, grid.Name, grid.Level, grid.Path, grid.OpenedOn, grid.ClosedOn, grid.BoundaryGeoJson,
            view.Node!.Households, view.Node.Residents, view.Ancestors, view.Children, grid.Version);
    }
}
