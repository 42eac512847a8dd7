using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Time;
using GridGov.Modules.FieldWork.Application;
using GridGov.Modules.FieldWork.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GridGov.Modules.FieldWork.Api;

public sealed record StopPlan(string Reason);

public sealed record AssignCare(string Worker);

public sealed record DecideProposal(bool Confirm, string? Reason = null);

public sealed record DecideTagging(bool Approve);

public sealed record HandOver(string Note);

public sealed record Attain(IReadOnlyList<string> Conditions, DateOnly? On = null);

public sealed record Lose(string Reason, DateOnly? On = null);

public static class FieldWorkEndpoints
{
    public static RouteGroupBuilder MapFieldWorkApi(this RouteGroupBuilder api)
    {
        MapVisits(api.MapGroup("/field").WithTags("Field work"));
        MapCampaigns(api.MapGroup("/campaigns").WithTags("Screening campaigns"));
        MapWatches(api.MapGroup("/watches").WithTags("Home health watch"));
        MapServices(api.MapGroup("/services").WithTags("Services to residents"));
        MapDuty(api.MapGroup("/communities/{code}").WithTags("Duty rosters and notices"), api);
        return api;
    }

    /// <summary>The pages show photos through the signed-in cookie; the API takes bearer tokens only.</summary>
    public static IEndpointRouteBuilder MapFieldWorkDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/field/visits/{id:int}/photos/{name}", async (int id, string name, VisitBook book, CancellationToken ct) =>
        {
            var (content, type) = await book.PhotoAsync(id, name, ct);
            return new Kernel.Files.UntrustedFileResult(TypedResults.Stream(content, type));
        }).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/field/campaigns/{id:int}/answers.xlsx", async (int id, string? under, CampaignExport export, TimeProvider clock, CancellationToken ct) =>
                TypedResults.File(await export.ExportAsync(id, under, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    $"campaign-{id}-{clock.FileStamp()}.xlsx"))
            .RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/field/visits.xlsx", ExportVisitsAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExportVisitsAsync(string? area, DateOnly? from, DateOnly? to, VisitExport export, ITerritoryDirectory territory,
        HttpContext http, TimeProvider clock, CancellationToken ct) =>
        TypedResults.File(await export.ExportAsync(await AreaPathAsync(area, territory, ct), from, to, http.Request.QueryString.Value ?? "", ct),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"visits-{clock.FileStamp()}.xlsx");

    private static void MapVisits(RouteGroupBuilder field)
    {
        field.MapGet("/today", (FieldToday today, CancellationToken ct) => today.ReadAsync(ct))
            .WithSummary("A grid worker's day: visits due (overdue first), campaign subjects pending on their grid, missing watch checks, open services");
        field.MapPost("/plans", async (PlanRequest body, VisitBook book, CancellationToken ct) =>
            {
                var plan = await book.CreatePlanAsync(body, ct);
                return TypedResults.Created($"/api/v1/field/plans/{plan.Id}", plan);
            })
            .WithSummary("Plans visits to a person, household, building or key place: anchor, repeat, window (days before and after), working days only, until");
        field.MapGet("/plans", (PlanList? list, bool? overdue, DateOnly? dueBy, VisitPurpose? purpose, PlanStatus? status, int? page, int? pageSize,
                VisitBook book, CancellationToken ct) =>
                book.PlansAsync(new PlanQuery(list ?? PlanList.Mine, overdue, dueBy, purpose, status ?? PlanStatus.Active), PageRequest.Of(page, pageSize), ct))
            .WithSummary("Visit plans: mine (on my grid, in my care or my grid's) or all in scope; overdue, or due by a day (its window open by then)");
        field.MapGet("/plans/{id:int}", (int id, VisitBook book, CancellationToken ct) => book.PlanAsync(id, ct)).WithSummary("One visit plan");
        field.MapPost("/plans/{id:int}/stop", (int id, StopPlan body, VisitBook book, CancellationToken ct) => book.StopPlanAsync(id, body.Reason, ct))
            .WithSummary("Stops a plan, with the reason (a watch's checks end with the watch instead)");
        field.MapPut("/households/{id:int}/care", async (int id, AssignCare body, VisitBook book, CancellationToken ct) =>
            {
                await book.AssignCareAsync(id, body.Worker, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Puts a household in a worker's care (their login); its open plans move to that worker");
        field.MapPost("/visits", async (RecordVisit body, VisitBook book, CancellationToken ct) =>
            {
                var recorded = await book.RecordAsync(body, ct);
                return recorded.Replayed ? (IResult)TypedResults.Ok(recorded) : TypedResults.Created($"/api/v1/field/visits/{recorded.Visit.Id}", recorded);
            })
            .WithSummary("Records a visit: outcome, notes, photos (uploaded first), position and accuracy, a service asked on the spot, an incident raised; "
                + "counted against its plan, flagged outside its window or with an unsure position; a retry with the same clientKey answers the visit saved (200)");
        field.MapGet("/visits", async (SubjectKind? subjectKind, int? subjectId, int? planId, DateOnly? from, DateOnly? to, bool? flagged, string? area,
                int? page, int? pageSize, VisitBook book, ITerritoryDirectory territory, CancellationToken ct) =>
                await book.VisitsAsync(subjectKind, subjectId, planId, from, to, flagged, PageRequest.Of(page, pageSize), ct, await AreaPathAsync(area, territory, ct)))
            .WithSummary("Visits in scope, newest first: by subject, plan, area, period, or flagged only");
        field.MapGet("/visits/export", ExportVisitsAsync)
            .WithSummary("The visits of an area and a period, as on the visits list, as an Excel workbook; each export is logged");
        field.MapGet("/visits/{id:int}", (int id, VisitBook book, CancellationToken ct) => book.VisitAsync(id, ct)).WithSummary("One visit");
        field.MapPost("/photos", async (IFormFile file, VisitBook book, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                var name = await book.SavePhotoAsync(content, ct);
                return TypedResults.Created($"/api/v1/field/photos/{name}", new { name });
            })
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Kernel.Files.FileStore.DefaultMaxBytes + 64 * 1024))
            .WithSummary("Uploads a photo for a visit or a door seal; name it in the visit or step that claims it");
        field.MapGet("/visits/{id:int}/photos/{name}", async (int id, string name, VisitBook book, CancellationToken ct) =>
            {
                var (content, type) = await book.PhotoAsync(id, name, ct);
                return new Kernel.Files.UntrustedFileResult(TypedResults.Stream(content, type));
            })
            .WithSummary("A visit's photo, to whoever may see the visit");
        field.MapGet("/proposals", (ProposalState? state, int? page, int? pageSize, MoveProposals proposals, CancellationToken ct) =>
                proposals.ListAsync(state ?? ProposalState.Proposed, PageRequest.Of(page, pageSize), ct))
            .WithSummary("Deregistrations proposed after a 'moved away' visit, for staff to decide");
        field.MapPost("/proposals/{id:int}/decision", (int id, DecideProposal body, MoveProposals proposals, CancellationToken ct) =>
                proposals.DecideAsync(id, body.Confirm, body.Reason, ct))
            .WithSummary("Confirms a proposal (the ledger deregisters the person as moved away, by its rules) or declines it with a reason; never by the proposer");
        field.MapGet("/figures", (string? area, DateOnly? from, DateOnly? to, ServiceCut? cut, FieldFigures figures, TimeProvider clock, CancellationToken ct) =>
                figures.ReadAsync(area, from ?? clock.Today().AddDays(-29), to ?? clock.Today(), cut ?? ServiceCut.Worker, ct))
            .WithSummary("Visits, home sampling visits and services done under an area in a period, with the workers who did them, counted from the records");
    }

    private static void MapCampaigns(RouteGroupBuilder campaigns)
    {
        campaigns.MapPost("/", async (DefineCampaign body, CampaignBook book, CancellationToken ct) =>
            {
                var campaign = await book.DefineAsync(body, ct);
                return TypedResults.Created($"/api/v1/campaigns/{campaign.Id}", campaign);
            })
            .WithSummary("Defines a screening campaign: area, population (every household, or people carrying any of the tags), period, form and grids");
        campaigns.MapGet("/", async (CampaignState? state, string? area, DateOnly? from, DateOnly? to, int? page, int? pageSize, CampaignBook book,
                ITerritoryDirectory territory, CancellationToken ct) =>
                await book.ListAsync(state, PageRequest.Of(page, pageSize), ct, await AreaPathAsync(area, territory, ct), from, to))
            .WithSummary("Campaigns run in or above the caller's scope; with an area, those run in, above or below it; with a period, those running in it");
        campaigns.MapGet("/{id:int}", (int id, CampaignBook book, CancellationToken ct) => book.GetAsync(id, ct)).WithSummary("One campaign");
        campaigns.MapPost("/{id:int}/start", (int id, CampaignBook book, CancellationToken ct) => book.StartAsync(id, ct))
            .WithSummary("Starts the campaign: its universe of households and people is copied from the ledger and frozen");
        campaigns.MapPost("/{id:int}/close", (int id, CampaignBook book, CancellationToken ct) => book.CloseAsync(id, ct)).WithSummary("Closes the campaign");
        campaigns.MapGet("/{id:int}/coverage", (int id, string? area, CampaignCoverageReader coverage, CancellationToken ct) =>
                coverage.CoverageAsync(id, area, ct))
            .WithSummary("Coverage 'x of y' for a place (default: the campaign's area, or the caller's own place) and each place one level down");
        campaigns.MapGet("/{id:int}/answers", async (int id, string? under, CampaignExport export, TimeProvider clock, CancellationToken ct) =>
                TypedResults.File(await export.ExportAsync(id, under, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    $"campaign-{id}-{clock.FileStamp()}.xlsx"))
            .WithSummary("The subjects in scope (under a place) with their state and a column per question, as an Excel workbook; each export is logged");
        campaigns.MapGet("/{id:int}/taggings", (int id, CampaignTaggings taggings, CancellationToken ct) => taggings.ListAsync(id, ct))
            .WithSummary("Tags proposed from the campaign's answers, with how many screened subjects have the answer and how many people were tagged");
        campaigns.MapPost("/{id:int}/taggings", async (int id, ProposeTagging body, CampaignTaggings taggings, CancellationToken ct) =>
            {
                var tagging = await taggings.ProposeAsync(id, body, ct);
                return TypedResults.Created($"/api/v1/campaigns/{id}/taggings/{tagging.Id}", tagging);
            })
            .WithSummary("Proposes tagging everyone screened with an answer (a yes/no or choice question) with a tag; home_watch opens a fortnight's watch");
        campaigns.MapPost("/{id:int}/taggings/{taggingId:int}/decision", (int id, int taggingId, DecideTagging body, CampaignTaggings taggings,
                CancellationToken ct) => taggings.DecideAsync(id, taggingId, body.Approve, ct))
            .WithSummary("A second person approves (the tags are attached, or the watches opened) or declines the proposal");
        campaigns.MapGet("/{id:int}/subjects", (int id, SubjectState? state, string? under, string? search, int? page, int? pageSize, CampaignBook book,
                CancellationToken ct) => book.SubjectsAsync(id, state, under, search, PageRequest.Of(page, pageSize), ct))
            .WithSummary("The campaign's subjects in scope (a grid worker's: their grid's), by state, under a place, or by label");
        campaigns.MapGet("/{id:int}/subjects/{subjectId:long}", (int id, long subjectId, CampaignBook book, CancellationToken ct) =>
            book.SubjectAsync(id, subjectId, ct)).WithSummary("One subject, with its answers and the steps open to the caller");
        campaigns.MapPost("/{id:int}/subjects/{subjectId:long}/steps", (int id, long subjectId, SubjectStep body, CampaignBook book, CancellationToken ct) =>
                book.StepAsync(id, subjectId, body, ct))
            .WithSummary("Works a subject: Complete (the form's required answers), NotAtHome, Refuse, RequestExclusion; a reviewer (never the requester) "
                + "ApproveExclusion or DeclineExclusion, or Reopen; a retry with the same clientKey is saved once");
    }

    private static void MapWatches(RouteGroupBuilder watches)
    {
        watches.MapPost("/", async (OpenWatch body, WatchBook book, CancellationToken ct) =>
            {
                var watch = await book.OpenAsync(body, ct);
                return TypedResults.Created($"/api/v1/watches/{watch.Id}", watch);
            })
            .WithSummary("Opens a home health watch on a person, with its daily checks and the home-watch tag kept from it");
        watches.MapGet("/", (bool? active, bool? missingToday, int? page, int? pageSize, WatchBook book, CancellationToken ct) =>
                book.ListAsync(active ?? true, missingToday ?? false, PageRequest.Of(page, pageSize), ct))
            .WithSummary("Watches in scope: active today (or all), or those whose check for today is missing");
        watches.MapGet("/counts", (string? area, string? by, WatchBook book, Territory.Contracts.ITerritoryDirectory territory, Kernel.Security.CurrentUser user,
                CancellationToken ct) => WatchCountsAsync(area, book, territory, user, ct))
            .WithSummary("Active watches and missing checks today per place one level under the area");
        watches.MapGet("/{id:int}", (int id, WatchBook book, CancellationToken ct) => book.GetAsync(id, ct)).WithSummary("One watch");
        watches.MapPost("/{id:int}/steps", (int id, WatchStep body, WatchBook book, CancellationToken ct) => book.StepAsync(id, body, ct))
            .WithSummary("Extend (to, reason), End (on, reason), Support (supplies, help needed), PostSeal (property manager, photos), RemoveSeal");
    }

    private static async Task<IResult> WatchCountsAsync(string? area, WatchBook book, Territory.Contracts.ITerritoryDirectory territory,
        Kernel.Security.CurrentUser user, CancellationToken ct)
    {
        var path = area is null ? user.ViewPath ?? "" : await territory.PathOfAsync(area, ct) ?? throw new Kernel.Errors.NotFoundException("area_not_found", area);
        var length = Kernel.Scoping.TreePath.GridDepth(path) > 0 || IsCommunity(path)
            ? path.Length + Kernel.Scoping.TreePath.GridSegmentLength : path.Length + Kernel.Scoping.TreePath.AreaSegmentLength;
        return TypedResults.Ok(await book.CountsAsync(path, length, ct));
    }

    /// <summary>A community's (村/社区) children are grids.</summary>
    private static bool IsCommunity(string path) => Kernel.Scoping.TreePath.Codes(path) is { Length: > 0 } codes && DutyBook.IsCommunity(codes[^1]);

    private static void MapDuty(RouteGroupBuilder community, RouteGroupBuilder api)
    {
        community.MapGet("/shifts", (string code, DateOnly? from, DateOnly? to, DutyBook duty, TimeProvider clock, CancellationToken ct) =>
                duty.ShiftsAsync(code, from ?? clock.Today(), to ?? (from ?? clock.Today()).AddDays(6), ct))
            .WithSummary("The community's duty roster for a period (a week from today unless given)");
        community.MapPost("/shifts", async (string code, PlanShift body, DutyBook duty, CancellationToken ct) =>
            {
                var shift = await duty.PlanShiftAsync(code, body, ct);
                return TypedResults.Created($"/api/v1/communities/{code}/shifts", shift);
            })
            .WithSummary("Puts a day or night shift on the roster: who leads, who is on duty; one of each kind a day");
        api.MapPost("/duty-shifts/{id:int}/handover", (int id, HandOver body, DutyBook duty, CancellationToken ct) => duty.HandOverAsync(id, body.Note, ct))
            .WithTags("Duty rosters and notices").WithSummary("The handover note at the end of a shift, once");
        community.MapGet("/notices", (string code, int? page, int? pageSize, DutyBook duty, CancellationToken ct) =>
            duty.NoticesAsync(code, PageRequest.Of(page, pageSize), ct)).WithSummary("The community's loudspeaker, door and board notices, newest first");
        community.MapPost("/notices", async (string code, PostNotice body, DutyBook duty, CancellationToken ct) =>
            {
                var notice = await duty.PostNoticeAsync(code, body, ct);
                return TypedResults.Created($"/api/v1/communities/{code}/notices", notice);
            })
            .WithSummary("Records a notice put out, with the day it was posted (today, or up to 30 days back)");
        community.MapGet("/epidemic-free", (string code, DutyBook duty, CancellationToken ct) => duty.StatusAsync(code, ct))
            .WithSummary("The community's no-epidemic status: held or not, since when, the conditions checked");
        community.MapPost("/epidemic-free", (string code, Attain body, DutyBook duty, CancellationToken ct) => duty.AttainAsync(code, body.On, body.Conditions, ct))
            .WithSummary("Attains the status on a day, every condition of the standard checked");
        community.MapPost("/epidemic-free/lose", (string code, Lose body, DutyBook duty, CancellationToken ct) => duty.LoseAsync(code, body.On, body.Reason, ct))
            .WithSummary("Loses the status on a day, with the reason");
    }

    private static void MapServices(RouteGroupBuilder services)
    {
        services.MapPost("/", async (ServiceAsk body, ServiceBook book, CancellationToken ct) =>
            {
                var service = await book.AskAsync(body, ct);
                return TypedResults.Created($"/api/v1/services/{service.Id}", service);
            })
            .WithSummary("Asks a service for a resident (buying goods, rubbish, home sampling, medicine, other); a retry with the same clientKey is saved once");
        services.MapGet("/", (ServiceState? state, ServiceKind? kind, bool? mine, int? householdId, int? page, int? pageSize, ServiceBook book,
                CancellationToken ct) => book.ListAsync(state, kind, mine ?? false, householdId, PageRequest.Of(page, pageSize), ct))
            .WithSummary("Services in scope, newest first; mine: my open work (those I took and have not done, and the open ones on my grid)");
        services.MapGet("/{id:int}", (int id, ServiceBook book, CancellationToken ct) => book.GetAsync(id, ct)).WithSummary("One service");
        services.MapPost("/{id:int}/steps", (int id, ServiceStep body, ServiceBook book, CancellationToken ct) => book.StepAsync(id, body, ct))
            .WithSummary("Take, Complete (by the one who took it), Confirm (the resident's name), Cancel (reason)");
    }

    /// <summary>An area named by its code, within the caller's view; null for none, not found outside the view.</summary>
    internal static async Task<string?> AreaPathAsync(string? area, ITerritoryDirectory territory, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(area) ? null : await territory.PathOfAsync(area, ct) ?? throw new NotFoundException("area_not_found", area);
}
