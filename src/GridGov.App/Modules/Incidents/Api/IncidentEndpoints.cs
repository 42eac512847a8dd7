using GridGov.Data;
using GridGov.Kernel.Time;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Security;
using GridGov.Modules.Incidents.Application;
using GridGov.Modules.Incidents.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace GridGov.Modules.Incidents.Api;

public static class IncidentEndpoints
{
    /// <summary>The pages show timeline photos through the signed-in cookie; the API takes bearer tokens only.</summary>
    public static IEndpointRouteBuilder MapIncidentDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/incidents/{id:int}/photos/{name}", Photo).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/incidents/export.xlsx", Export).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    /// <summary>The desk list on the screen, filtered the same, as an Excel file; recorded in the export log.</summary>
    private static async Task<IResult> Export(HttpRequest request, IncidentExport export, TimeProvider clock, CancellationToken ct) =>
        TypedResults.File(await export.ExportAsync(DeskParameters.Read(request.Query, clock.Today()), request.QueryString.Value ?? "", ct),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"incidents-{clock.FileStamp()}.xlsx");

    private static async Task<IResult> Photo(int id, string name, IncidentPhotos photos, CancellationToken ct)
    {
        var (content, type) = await photos.OpenAsync(id, name, ct);
        return new Kernel.Files.UntrustedFileResult(TypedResults.Stream(content, type));
    }

    public static RouteGroupBuilder MapIncidentApi(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapPost("/", async (ReportRequest body, IncidentDesk desk, CancellationToken ct) =>
            {
                var result = await desk.ReportAsync(body, ct);
                return TypedResults.Created($"/api/v1/incidents/{result.Incident.Id}", result);
            })
            .WithSummary("Reports an incident on a grid (the reporter's own by default); answers it with possible duplicates nearby");
        incidents.MapGet("/", (IncidentList? list, IncidentState? state, string? category, bool? overdue, string? number, Urgency? urgency,
                DeskSort? sort, PeriodPreset? period, string? area, DateOnly? from, DateOnly? to, string? group, string? department, Measure? measure,
                int? page, int? pageSize, IncidentDesk desk, TimeProvider clock, CancellationToken ct) =>
            {
                if (period is { } p && from is null && to is null) (from, to) = p.Range(clock.Today());
                var filter = (area ?? group ?? department) is null && measure is null && from is null && to is null ? null
                    : new IncidentFilter(area, from, to, group, department, measure);
                return desk.ListAsync(list ?? IncidentList.All, new DeskQuery(state, category, overdue, number, urgency, sort ?? DeskSort.Due, filter),
                    PageRequest.Of(page, pageSize), ct);
            })
            .WithSummary("Incidents in scope: all, mine (reported by me), toVerify, queue (my centre's desk) or department (dispatched to mine); "
                + "narrowed by state, category, urgency, overdue, number (or its start) and period (week, month, quarter, year, or from/to), "
                + "ordered by sort (Due, Newest, Oldest, Urgency); area, category group, lead department and measure give a metric's own list");
        incidents.MapPost("/bulk-steps", (BulkStepRequest body, IncidentBulk bulk, CancellationToken ct) => bulk.StepAsync(body, ct))
            .WithSummary("Accepts, or dispatches on the routing table's suggestion, up to 100 incidents at once; each goes through the same step "
                + "as one would, and the answer gives each one's outcome (done, or the problem code that stopped it)");
        incidents.MapGet("/metrics", (string? area, DateOnly? from, DateOnly? to, IncidentMetrics metrics, CancellationToken ct) =>
                metrics.ReportAsync(new IncidentFilter(area, from, to), ct))
            .WithSummary("Reported, accepted, closed, closure and on-time closure rates, rework, extensions, escalations, self-resolution, "
                + "mean handling time, for an area and period, by category group and by lead department");
        incidents.MapGet("/{id:int}", (int id, IncidentDesk desk, CancellationToken ct) => desk.GetAsync(id, ct))
            .WithSummary("One incident with its timeline and the steps the caller may take");
        incidents.MapPost("/{id:int}/steps", (int id, StepRequest body, IncidentDesk desk, CancellationToken ct) => desk.StepAsync(id, body, ct))
            .WithSummary("Takes one step of the workflow; an illegal step answers 409 with the allowed ones, a stale version 409");
        incidents.MapPost("/photos", async (IFormFile file, IncidentPhotos photos, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                var name = await photos.SaveAsync(content, ct);
                return TypedResults.Created($"/api/v1/incidents/photos/{name}", new { name });
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(Kernel.Files.FileStore.DefaultMaxBytes + 64 * 1024))
            .WithSummary("Uploads a JPEG, PNG or WebP photo (checked by its bytes, size capped) to attach to a step");
        incidents.MapGet("/{id:int}/photos/{name}", Photo).WithSummary("A photo from an incident's timeline");

        api.MapGet("/incident-categories", (IncidentCatalogue catalogue, CancellationToken ct) => catalogue.CategoriesAsync(ct))
            .WithTags("Incidents").WithSummary("The two-level category catalogue");
        api.MapPut("/incident-categories/{code}", (string code, CategoryChange body, IncidentCatalogue catalogue, CancellationToken ct) =>
                catalogue.SetCategoryAsync(code, body, ct))
            .WithTags("Incidents").WithSummary("Adds or changes a category (a group, or an item GROUP.ITEM under it); kept in history");
        api.MapGet("/departments", (IncidentCatalogue catalogue, CancellationToken ct) => catalogue.DepartmentsAsync(ct))
            .WithTags("Incidents").WithSummary("Departments incidents are dispatched to");
        api.MapGet("/routing-rules", (RoutingTable routes, CancellationToken ct) => routes.ListAsync(ct))
            .WithTags("Incidents").WithSummary("The routing table in the caller's scope");
        api.MapPut("/routing-rules", (RouteChange body, RoutingTable routes, CancellationToken ct) => routes.SetAsync(body, ct))
            .WithTags("Incidents").WithSummary("Sets a category's route in an area: level, departments, step time limits; kept in history");
        return api;
    }
}
