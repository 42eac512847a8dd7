using GridGov.Kernel.Files;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Security;
using GridGov.Modules.Targets.Application;
using GridGov.Modules.Targets.Contracts;
using GridGov.Modules.Targets.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GridGov.Modules.Targets.Api;

/// <summary>Meetings and their decisions, supervision rounds and their rectifications, tracked items, and the policy register.</summary>
internal static class CycleEndpoints
{
    public static void MapCycle(RouteGroupBuilder targets)
    {
        MapTracked(targets.MapGroup("/tracked").WithTags("Targets: tracked items"));
        MapMeetings(targets.MapGroup("/meetings").WithTags("Targets: monthly reviews and quarterly pushes"));
        MapInspections(targets.MapGroup("/inspections").WithTags("Targets: supervision"));
        MapPolicies(targets.MapGroup("/policies").WithTags("Targets: policy documents"));
        targets.MapPost("/photos", async (IFormFile file, FileStore files, CurrentUser user, CancellationToken ct) =>
            {
                user.Require(TargetsPermissions.View);
                await using var content = file.OpenReadStream();
                var name = await files.SaveImageAsync(content, ct);
                return TypedResults.Created($"/api/v1/targets/photos/{name}", new { name });
            })
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(FileStore.DefaultMaxBytes + 64 * 1024))
            .WithTags("Targets")
            .WithSummary("Uploads a photo or scan (evidence of a finding or a rectification, a policy's scan); name it in the record that claims it");
    }

    /// <summary>The pages open photos and scans through the signed-in cookie; the API takes bearer tokens only.</summary>
    public static void MapDownloads(IEndpointRouteBuilder app)
    {
        app.MapGet("/targets/tracked/{id:long}/photos/{name}", TrackedPhotoAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/targets/supervision/{id:int}/findings/{findingId:long}/photos/{name}", FindingPhotoAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/targets/policies/{id:int}/scan/{name}", PolicyScanAsync).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<UntrustedFileResult> TrackedPhotoAsync(long id, string name, TrackedBook book, FileStore files, CancellationToken ct)
    {
        await book.GetAsync(id, ct);
        var (content, type) = await files.OpenAsync(TrackedBook.FileOwner, id.ToString(System.Globalization.CultureInfo.InvariantCulture), name, ct);
        return new UntrustedFileResult(TypedResults.Stream(content, type));
    }

    private static async Task<UntrustedFileResult> FindingPhotoAsync(int id, long findingId, string name, InspectionBook book, CancellationToken ct)
    {
        var (content, type) = await book.PhotoAsync(id, findingId, name, ct);
        return new UntrustedFileResult(TypedResults.Stream(content, type));
    }

    private static async Task<UntrustedFileResult> PolicyScanAsync(int id, string name, PolicyBook book, FileStore files, CancellationToken ct)
    {
        await book.GetAsync(id, ct);
        var (content, type) = await files.OpenAsync(PolicyBook.FileOwner, id.ToString(System.Globalization.CultureInfo.InvariantCulture), name, ct);
        return new UntrustedFileResult(TypedResults.Stream(content, type));
    }

    private static void MapTracked(RouteGroupBuilder group)
    {
        group.MapGet("/", (TrackedKind? kind, TrackedState? state, bool? overdue, int? page, int? pageSize, TrackedBook book, CancellationToken ct) =>
            book.ListAsync(kind, state, overdue ?? false, PageRequest.Of(page, pageSize), ct)).WithSummary("Tracked items in view: open first, soonest due first");
        group.MapGet("/{id:long}", (long id, TrackedBook book, CancellationToken ct) => book.GetAsync(id, ct))
            .WithSummary("One tracked item with its timeline and the steps open to the caller");
        group.MapPost("/{id:long}/steps", (long id, TakeTracked body, TrackedBook book, CancellationToken ct) => book.TakeAsync(id, body, ct))
            .WithSummary("A step: the owner's progress or report (with photos), the issuer's verification or return (never by whoever reported it)");
        group.MapGet("/{id:long}/photos/{name}", TrackedPhotoAsync).WithSummary("A tracked item's evidence photo");
    }

    private static void MapMeetings(RouteGroupBuilder group)
    {
        group.MapGet("/", (MeetingKind? kind, int? page, int? pageSize, MeetingBook book, CancellationToken ct) =>
            book.ListAsync(kind, PageRequest.Of(page, pageSize), ct)).WithSummary("Meetings in view, newest first");
        group.MapGet("/{id:int}", (int id, MeetingBook book, CancellationToken ct) => book.GetAsync(id, ct)).WithSummary("A meeting with its decisions");
        group.MapPost("/", async (HoldMeeting body, MeetingBook book, CancellationToken ct) =>
        {
            var meeting = await book.HoldAsync(body, ct);
            return TypedResults.Created($"/api/v1/targets/meetings/{meeting.Id}", meeting);
        }).WithSummary("Records a monthly review or quarterly push: day, participants, minutes");
        group.MapPost("/{id:int}/decisions", (int id, AddDecision body, MeetingBook book, CancellationToken ct) => book.DecideAsync(id, body, ct))
            .WithSummary("Adds a decision as a tracked item for a unit, due in working days");
    }

    private static void MapInspections(RouteGroupBuilder group)
    {
        group.MapGet("/", (RoundState? state, int? page, int? pageSize, InspectionBook book, CancellationToken ct) =>
            book.ListAsync(state, PageRequest.Of(page, pageSize), ct)).WithSummary("Supervision rounds in view, newest first");
        group.MapGet("/{id:int}", (int id, InspectionBook book, CancellationToken ct) => book.GetAsync(id, ct))
            .WithSummary("A round with its findings and rectifications");
        group.MapPost("/", async (PlanRound body, InspectionBook book, CancellationToken ct) =>
        {
            var round = await book.PlanAsync(body, ct);
            return TypedResults.Created($"/api/v1/targets/inspections/{round.Id}", round);
        }).WithSummary("Plans a supervision round: its team and days");
        group.MapPost("/{id:int}/findings", (int id, RecordFinding body, InspectionBook book, CancellationToken ct) => book.FindAsync(id, body, ct))
            .WithSummary("Records a finding at a unit with its evidence photos, and the rectification it asks for");
        group.MapPost("/{id:int}/close", (int id, InspectionBook book, CancellationToken ct) => book.CloseAsync(id, ct))
            .WithSummary("Closes a round once every rectification is verified");
        group.MapGet("/{id:int}/findings/{findingId:long}/photos/{name}", FindingPhotoAsync).WithSummary("A finding's evidence photo");
    }

    private static void MapPolicies(RouteGroupBuilder group)
    {
        group.MapGet("/", (int? year, int? indicatorId, string? search, int? page, int? pageSize, PolicyBook book, CancellationToken ct) =>
            book.ListAsync(year, indicatorId, search, PageRequest.Of(page, pageSize), ct)).WithSummary("Policy documents in view, newest first");
        group.MapGet("/count", (DateOnly? from, DateOnly? to, PolicyBook book, CancellationToken ct) => book.CountAsync(from, to, ct))
            .WithSummary("Documents issued per month in a period (default: this year)");
        group.MapGet("/{id:int}", (int id, PolicyBook book, CancellationToken ct) => book.GetAsync(id, ct)).WithSummary("One policy document");
        group.MapGet("/{id:int}/scan/{name}", PolicyScanAsync).WithSummary("A policy document's scan");
        group.MapPost("/", async (RegisterPolicy body, PolicyBook book, CancellationToken ct) =>
        {
            var policy = await book.RegisterAsync(body, ct);
            return TypedResults.Created($"/api/v1/targets/policies/{policy.Id}", policy);
        }).WithSummary("Registers a policy document: issuer, number (吕政办发〔2021〕12号), day, title, scan, the indicators and programmes it concerns");
    }
}
