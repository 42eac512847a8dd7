using GridGov.Kernel.Files;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Security;
using GridGov.Modules.Targets.Application;
using GridGov.Modules.Targets.Contracts;
using GridGov.Modules.Targets.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GridGov.Modules.Targets.Api;

public sealed record WriteText(string? Text);

public sealed record Decision(bool Approve);

public sealed record BindTargets(IReadOnlyList<int>? TargetIds);

internal static class TargetsEndpoints
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The pages download through the signed-in cookie; the API takes bearer tokens only.</summary>
    public static IEndpointRouteBuilder MapTargetsDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/targets/bulletins/{id:int}/bulletin.docx", WordAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/targets/bulletins/{id:int}/bulletin.xlsx", WorkbookAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/targets/pledges/{id:int}/scan/{name}", ScanAsync).RequireAuthorization().ExcludeFromDescription();
        CycleEndpoints.MapDownloads(app);
        return app;
    }

    public static RouteGroupBuilder MapTargetsApi(this RouteGroupBuilder api)
    {
        var targets = api.MapGroup("/targets");
        MapIndicators(targets.MapGroup("/indicators").WithTags("Targets: indicators"));
        MapTargets(targets.WithTags("Targets"));
        MapPledges(targets.MapGroup("/pledges").WithTags("Targets: pledges"));
        MapReports(targets.MapGroup("/reported-figures").WithTags("Targets: figures reported by hand"));
        MapBulletins(targets.MapGroup("/bulletins").WithTags("Targets: weekly bulletins"));
        CycleEndpoints.MapCycle(targets);
        targets.MapGet("/board", (string? area, int? year, BoardReader board, CancellationToken ct) => board.ReadAsync(area, year, ct)).WithTags("Targets")
            .WithSummary("The board of an area (the caller's by default): each unit's completion in the latest published bulletin of the year, lowest first, "
                + "with the list of records each figure counts, and the area's completion over the year's bulletins");
        targets.MapGet("/cycle", (string? area, CycleBook book, CancellationToken ct) => book.GetAsync(area, ct)).WithTags("Targets")
            .WithSummary("An area's cycle settings (its own or the nearest above): the bulletin week's first day, the rounding rule, the issuing office");
        targets.MapPut("/cycle", (ChangeCycle body, CycleBook book, CancellationToken ct) => book.ChangeAsync(body, ct)).WithTags("Targets")
            .WithSummary("Sets an area's cycle settings: first day of the week, rounding (halfUp or truncate) to 0–2 decimals, the issuing office");
        return api;
    }

    private static void MapIndicators(RouteGroupBuilder group)
    {
        group.MapGet("/", (IndicatorBook book, CancellationToken ct) => book.ListAsync(ct)).WithSummary("The indicators, by code");
        group.MapGet("/figures", (IndicatorBook book, CurrentUser user) =>
        {
            user.Require(TargetsPermissions.View);
            return book.Countable();
        }).WithSummary("The counts of every module an indicator may be read from");
        group.MapPost("/", async (DefineIndicator body, IndicatorBook book, CancellationToken ct) =>
        {
            var indicator = await book.DefineAsync(body, ct);
            return TypedResults.Created($"/api/v1/targets/indicators/{indicator.Id}", indicator);
        }).WithSummary("Defines an indicator: a count or a rate with its unit, read from figures by key and/or reported by hand, its periods and cut-offs");
    }

    private static void MapTargets(RouteGroupBuilder group)
    {
        group.MapGet("/", (int? indicatorId, int? year, string? area, int? page, int? pageSize, TargetBook book, CancellationToken ct) =>
            book.ListAsync(indicatorId, year, area, PageRequest.Of(page, pageSize), ct)).WithSummary("Targets in view, by indicator and unit");
        group.MapGet("/{id:int}", (int id, TargetBook book, CancellationToken ct) => book.GetAsync(id, ct)).WithSummary("One target");
        group.MapPost("/", (SetTarget body, TargetBook book, CancellationToken ct) => book.SetAsync(body, ct))
            .WithSummary("Sets a unit's target for a period, or changes it while no signed pledge locks it");
        group.MapPost("/{id:int}/split", (int id, SplitTarget body, TargetBook book, CancellationToken ct) => book.SplitAsync(id, body, ct))
            .WithSummary("Splits a count target over the units directly below; refused when the parts fall short of the whole, a surplus stated");
        group.MapGet("/{id:int}/revisions", (int id, TargetBook book, CancellationToken ct) => book.RevisionsAsync(id, ct))
            .WithSummary("The revisions asked for on a target, with their decisions");
        group.MapPost("/{id:int}/revisions", (int id, ReviseTarget body, TargetBook book, CancellationToken ct) => book.ProposeAsync(id, body, ct))
            .WithSummary("Asks for a change to a locked target, with its reason");
        group.MapPost("/revisions/{revisionId:int}/decision", (int revisionId, Decision body, TargetBook book, CancellationToken ct) =>
                book.DecideAsync(revisionId, body.Approve, ct))
            .WithSummary("Approves (the target takes the value as its next version) or refuses a revision; never the one who asked");
    }

    private static void MapPledges(RouteGroupBuilder group)
    {
        group.MapGet("/", (int? year, int? page, int? pageSize, PledgeBook book, CancellationToken ct) => book.ListAsync(year, PageRequest.Of(page, pageSize), ct))
            .WithSummary("Pledges in view, newest year first");
        group.MapGet("/{id:int}", (int id, PledgeBook book, CancellationToken ct) => book.GetAsync(id, ct)).WithSummary("One pledge with its targets");
        group.MapPost("/", async (DraftPledge body, PledgeBook book, CancellationToken ct) =>
        {
            var pledge = await book.DraftAsync(body, ct);
            return TypedResults.Created($"/api/v1/targets/pledges/{pledge.Id}", pledge);
        }).WithSummary("Draws up a pledge for a unit and binds targets of the unit or below");
        group.MapPost("/scans", async (IFormFile file, FileStore files, CurrentUser user, CancellationToken ct) =>
            {
                user.Require(TargetsPermissions.Manage);
                await using var content = file.OpenReadStream();
                var name = await files.SaveImageAsync(content, ct);
                return TypedResults.Created($"/api/v1/targets/pledges/scans/{name}", new { name });
            })
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(FileStore.DefaultMaxBytes + 64 * 1024))
            .WithSummary("Uploads the scan of a signed pledge (an image); name it when signing");
        group.MapPost("/{id:int}/targets", (int id, BindTargets body, PledgeBook book, CancellationToken ct) => book.BindTargetsAsync(id, body.TargetIds ?? [], ct))
            .WithSummary("Binds more targets of the unit or below to a pledge not yet signed");
        group.MapPost("/{id:int}/sign", (int id, SignPledge body, PledgeBook book, CancellationToken ct) => book.SignAsync(id, body, ct))
            .WithSummary("Signs a pledge with its signatories, day and scan: its targets are locked from then on");
        group.MapGet("/{id:int}/scan/{name}", ScanAsync).WithSummary("The scan of a signed pledge");
    }

    private static void MapReports(RouteGroupBuilder group)
    {
        group.MapGet("/", async (ReportState? state, int? indicatorId, string? area, DateOnly? from, DateOnly? to, int? page, int? pageSize, ReportBook book,
                CancellationToken ct) =>
                await book.ListAsync(state, PageRequest.Of(page, pageSize), ct, await book.CountedAsync(indicatorId, area, from, to, ct)))
            .WithSummary("Figures reported by hand in view, newest first; with an indicator, an area and a period: those a bulletin line of that unit counts");
        group.MapPost("/", async (EnterFigure body, ReportBook book, CancellationToken ct) =>
        {
            var figure = await book.EnterAsync(body, ct);
            return TypedResults.Created($"/api/v1/targets/reported-figures/{figure.Id}", figure);
        }).WithSummary("Reports a unit's figure for a period by hand, with its source; counted once approved, never overlapping another of the unit");
        group.MapPost("/{id:long}/decision", (long id, Decision body, ReportBook book, CancellationToken ct) => book.DecideAsync(id, body.Approve, ct))
            .WithSummary("Approves or refuses a reported figure; never the one who entered it");
    }

    private static void MapBulletins(RouteGroupBuilder group)
    {
        group.MapGet("/", (BulletinState? state, int? page, int? pageSize, BulletinDesk desk, CancellationToken ct) =>
            desk.ListAsync(state, PageRequest.Of(page, pageSize), ct)).WithSummary("Bulletins in view (published ones from the areas above too), newest week first");
        group.MapGet("/{id:int}", (int id, BulletinDesk desk, CancellationToken ct) => desk.GetAsync(id, ct))
            .WithSummary("One bulletin: its tables of units with actual, target, completion, rank and change, and its text");
        group.MapPost("/", async (CompileBulletin body, BulletinDesk desk, CancellationToken ct) =>
        {
            var bulletin = await desk.CompileAsync(body, ct);
            return TypedResults.Created($"/api/v1/targets/bulletins/{bulletin.Id}", bulletin);
        }).WithSummary("Compiles an area's bulletin for a week: the figures are read and frozen (a failure fails the bulletin) and the text written from them");
        group.MapPut("/{id:int}/text", (int id, WriteText body, BulletinDesk desk, CancellationToken ct) => desk.WriteAsync(id, body.Text ?? "", ct))
            .WithSummary("Edits the bulletin's text before publication (an approved bulletin needs approving again)");
        group.MapPost("/{id:int}/approve", (int id, BulletinDesk desk, CancellationToken ct) => desk.ApproveAsync(id, ct))
            .WithSummary("Approves a computed bulletin; a failed one never");
        group.MapPost("/{id:int}/publish", (int id, BulletinDesk desk, CancellationToken ct) => desk.PublishAsync(id, ct))
            .WithSummary("Publishes an approved bulletin and tells each unit it names");
        group.MapGet("/{id:int}/bulletin.docx", WordAsync).WithSummary("The bulletin as a Word document");
        group.MapGet("/{id:int}/bulletin.xlsx", WorkbookAsync).WithSummary("The bulletin as an Excel workbook, with the raw figures");
    }

    private static async Task<FileStreamHttpResult> WordAsync(int id, BulletinDocuments documents, CancellationToken ct)
    {
        var (content, name) = await documents.WordAsync(id, ct);
        return TypedResults.File(content, DocxType, name);
    }

    private static async Task<FileStreamHttpResult> WorkbookAsync(int id, BulletinDocuments documents, CancellationToken ct)
    {
        var (content, name) = await documents.WorkbookAsync(id, ct);
        return TypedResults.File(content, ExcelType, name);
    }

    private static async Task<UntrustedFileResult> ScanAsync(int id, string name, PledgeBook book, FileStore files, CancellationToken ct)
    {
        await book.GetAsync(id, ct);
        var (content, type) = await files.OpenAsync(PledgeBook.FileOwner, id.ToString(System.Globalization.CultureInfo.InvariantCulture), name, ct);
        return new UntrustedFileResult(TypedResults.Stream(content, type));
    }
}
