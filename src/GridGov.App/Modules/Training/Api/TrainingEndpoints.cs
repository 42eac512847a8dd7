using GridGov.Kernel.Paging;
using GridGov.Modules.Training.Application;
using GridGov.Modules.Training.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GridGov.Modules.Training.Api;

public sealed record ChangeProvider(string Name, string CreditCode, string AreaCode, string Contact, IReadOnlyList<ApprovedOccupation> Occupations,
    int? Version = null);

public sealed record CommitList(bool GoodRowsOnly = false);

public static class TrainingEndpoints
{
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const long MaxUploadBytes = 20L * 1024 * 1024;

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The pages download through the signed-in cookie; the API takes bearer tokens only.</summary>
    public static IEndpointRouteBuilder MapTrainingDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/training/vouchers.xlsx", ExportVouchersAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/training/exports/{list}.xlsx", ExportListAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/training/voucher-list-template.xlsx", ListTemplate).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/training/batches/{id:int}/document.docx", async (int id, BatchDocument document, CancellationToken ct) =>
        {
            var (content, reference) = await document.WriteAsync(id, ct);
            return TypedResults.File(content, DocxType, $"{reference}.docx");
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    public static RouteGroupBuilder MapTrainingApi(this RouteGroupBuilder api)
    {
        var training = api.MapGroup("/training");
        MapProgrammes(training.MapGroup("/programmes").WithTags("Training vouchers: programmes"));
        MapVouchers(training.WithTags("Training vouchers"));
        MapProviders(training.MapGroup("/providers").WithTags("Training providers"));
        MapClasses(training.WithTags("Training classes"));
        MapPayments(training.MapGroup("/payment-batches").WithTags("Training subsidy payments"));
        MapStudios(training.MapGroup("/studios").WithTags("Skill master studios"));
        var brands = training.MapGroup("/brand").WithTags("Labour brands");
        brands.MapGet("/", (string? name, BrandBook book, CancellationToken ct) => book.ReadAsync(name, ct))
            .WithSummary("A labour brand (吕梁山护工 unless named): its cohorts, trained, placed in work by city, and its offices and stations");
        brands.MapPost("/stations", async (OpenStation body, BrandBook book, CancellationToken ct) =>
            {
                var station = await book.OpenAsync(body, ct);
                return TypedResults.Created("/api/v1/training/brand", station);
            })
            .WithSummary("Registers a brand's service office or station in a city");
        return api;
    }

    private static void MapProgrammes(RouteGroupBuilder programmes)
    {
        programmes.MapPost("/", async (DefineProgramme body, ProgrammeBook book, CancellationToken ct) =>
            {
                var programme = await book.DefineAsync(body, ct);
                return TypedResults.Created($"/api/v1/training/programmes/{programme.Id}", programme);
            })
            .WithSummary("Defines a voucher programme for an area: period, budget, subsidy per certificate level (the face value is the highest), expiry, and its first rules");
        programmes.MapGet("/", (bool? running, int? page, int? pageSize, ProgrammeBook book, CancellationToken ct) =>
            book.ListAsync(running, PageRequest.Of(page, pageSize), ct)).WithSummary("Programmes run in or above the caller's scope, newest first");
        programmes.MapGet("/{id:int}", (int id, ProgrammeBook book, CancellationToken ct) => book.GetAsync(id, ct))
            .WithSummary("One programme: budget committed, rules in force and every version, vouchers by state");
        programmes.MapPost("/{id:int}/rules", (int id, RulesInput body, ProgrammeBook book, CancellationToken ct) => book.AddRulesAsync(id, body, ct))
            .WithSummary("A new version of the eligibility rules, effective from its day (today or later)");
        programmes.MapGet("/{id:int}/eligibility", (int id, string? area, Verdict? verdict, int? after, int? take, EligibilityCheck check, CancellationToken ct) =>
                check.ListAsync(id, area, verdict, after ?? 0, take ?? 50, ct))
            .WithSummary("The people of an area with their verdicts under the rules in force today, in id order from 'after'; nextAfter continues the list");
        programmes.MapGet("/{id:int}/eligibility/count", (int id, string? area, EligibilityCheck check, CancellationToken ct) => check.CountAsync(id, area, ct))
            .WithSummary("Every person of an area (default: the programme's) judged by the rules in force today, counted by verdict and by each rule failed or fact missing");
        programmes.MapGet("/{id:int}/eligibility/{personId:int}", (int id, int personId, DateOnly? on, EligibilityCheck check, CancellationToken ct) =>
                check.PersonAsync(id, personId, on, ct))
            .WithSummary("One person's verdict: eligible, not eligible with every rule that failed, or unknown with every fact missing");
        programmes.MapPost("/{id:int}/vouchers", async (int id, IssueOne body, VoucherIssuer issuer, VoucherBook book, CancellationToken ct) =>
            {
                var voucherId = await issuer.IssueAsync(id, body, ct);
                return TypedResults.Created($"/api/v1/training/vouchers/{voucherId}", await book.GetAsync(voucherId, ct));
            })
            .WithSummary("Issues a voucher to one eligible person (the rules are applied again); a retry with the same clientKey answers the voucher issued");
        programmes.MapPost("/{id:int}/voucher-lists", async (int id, IFormFile file, VoucherListImport import, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return await import.UploadAsync(id, content, ct);
            })
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxUploadBytes))
            .WithSummary("Uploads a list of people (Excel or CSV, column 身份证号) and answers the preview: every row not on the ledger or not eligible, "
                + "with its row number and reason, and who holds a voucher already");
        programmes.MapGet("/{id:int}/voucher-lists/{token}", (int id, string token, VoucherListImport import, CancellationToken ct) =>
            import.PreviewAsync(id, token, ct)).WithSummary("The preview of an uploaded list again");
        programmes.MapPost("/{id:int}/voucher-lists/{token}/commit", (int id, string token, CommitList body, VoucherListImport import, CancellationToken ct) =>
                import.CommitAsync(id, token, body.GoodRowsOnly, ct))
            .WithSummary("Issues the list's vouchers in one transaction, refused while bad rows remain unless goodRowsOnly; people holding one are skipped, so a list uploaded twice issues once");
        programmes.MapPost("/{id:int}/issue-eligible", (int id, IssueEligible body, VoucherIssuer issuer, CancellationToken ct) =>
                issuer.IssueEligibleAsync(id, body, ct))
            .WithSummary("Issues a voucher to every eligible person of an area who holds none of the programme, as far as the budget goes; issuing again issues nobody twice");
    }

    private static void MapVouchers(RouteGroupBuilder training)
    {
        training.MapGet("/vouchers", async ([AsParameters] VoucherFilter filter, int? page, int? pageSize, VoucherBook book,
                Territory.Contracts.ITerritoryDirectory territory, Kernel.Security.CurrentUser user, CancellationToken ct) =>
                await book.ListAsync(await filter.ToQueryAsync(territory, user, ct), PageRequest.Of(page, pageSize), ct))
            .WithSummary("Vouchers in view (a provider's staff: their provider's), newest first; a voucher past its day reads as expired; "
                + "with an area, a measure and a period: the vouchers a figure counts, issued or paid in the period by where their holders live");
        training.MapGet("/vouchers/export", ExportVouchersAsync)
            .WithSummary("The voucher list, filtered as on the screen, as an Excel workbook; each export is logged");
        training.MapGet("/exports/{list}", ExportListAsync)
            .WithSummary("A training list (programmes, providers, classes, batches, trainees, studios) as an Excel workbook, filtered as its page; each export is logged");
        training.MapGet("/voucher-lists/template", ListTemplate).WithSummary("The template of a list of people to issue vouchers to");
        training.MapGet("/vouchers/{id:long}", (long id, VoucherBook book, CancellationToken ct) => book.GetAsync(id, ct))
            .WithSummary("One voucher: state, balance and expiry as its steps made them, and every step");
        training.MapPost("/vouchers/{id:long}/steps", (long id, BureauStep body, VoucherBook book, CancellationToken ct) => book.StepAsync(id, body, ct))
            .WithSummary("The bureau's steps: Cancel (reason), Review (a second person, never who issued, enrolled or certified it), Return (reason)");
        training.MapPost("/redemptions", async (Redeem body, Redemption redemption, CancellationToken ct) =>
            {
                var done = await redemption.RedeemAsync(body, ct);
                return done.Replayed ? (IResult)TypedResults.Ok(done) : TypedResults.Created($"/api/v1/training/vouchers/{done.VoucherId}", done);
            })
            .WithSummary("A provider verifies a claimed voucher at enrolment by its code: it binds to one of the provider's classes; tried again, it answers the first (200)");
    }

    private static void MapProviders(RouteGroupBuilder providers)
    {
        providers.MapPost("/", async (ProviderInput body, ProviderBook book, CancellationToken ct) =>
            {
                var provider = await book.ApproveAsync(body, ct);
                return TypedResults.Created($"/api/v1/training/providers/{provider.Id}", provider);
            })
            .WithSummary("Approves a training provider for occupations up to a level each");
        providers.MapGet("/", (string? search, int? page, int? pageSize, ProviderBook book, CancellationToken ct) =>
            book.ListAsync(search, PageRequest.Of(page, pageSize), ct)).WithSummary("Providers in view (a provider's staff: their own)");
        providers.MapGet("/{id:int}", (int id, ProviderBook book, CancellationToken ct) => book.GetAsync(id, ct)).WithSummary("One provider, its staff and classes");
        providers.MapPut("/{id:int}", (int id, ChangeProvider body, ProviderBook book, CancellationToken ct) =>
                book.ChangeAsync(id, new ProviderInput(body.Name, body.CreditCode, body.AreaCode, body.Contact, body.Occupations), body.Version, ct))
            .WithSummary("Changes a provider's name, code, contact and approved occupations");
        providers.MapPut("/{id:int}/staff/{userName}", (int id, string userName, ProviderBook book, CancellationToken ct) => book.AddStaffAsync(id, userName, ct))
            .WithSummary("Puts an account holding the provider role to work for the provider");
    }

    private static void MapClasses(RouteGroupBuilder training)
    {
        training.MapPost("/classes", async (PlanClass body, ClassBook book, CancellationToken ct) =>
            {
                var planned = await book.PlanAsync(body, ct);
                return TypedResults.Created($"/api/v1/training/classes/{planned.Id}", planned);
            })
            .WithSummary("A provider plans a class for an occupation and level it is approved for: order (with its employer), directed, project or open");
        training.MapGet("/classes", (int? providerId, bool? finished, int? page, int? pageSize, ClassBook book, CancellationToken ct) =>
            book.ListAsync(providerId, finished, PageRequest.Of(page, pageSize), ct)).WithSummary("Classes in view (a provider's staff: their own), newest first");
        training.MapGet("/classes/{id:int}", (int id, ClassBook book, CancellationToken ct) => book.GetAsync(id, ct))
            .WithSummary("One class with its trainees, days attended and certificates");
        training.MapPost("/classes/{id:int}/trainees", (int id, AddTrainee body, ClassBook book, CancellationToken ct) => book.AddTraineeAsync(id, body, ct))
            .WithSummary("Adds a trainee without a voucher (an order class's employee), matched on the ledger by ID number");
        training.MapPost("/classes/{id:int}/attendance", (int id, MarkAttendance body, ClassBook book, CancellationToken ct) => book.MarkAsync(id, body, ct))
            .WithSummary("Marks the trainees present on a school day of the class; answers how many marks were new");
        training.MapPost("/classes/{id:int}/finish", (int id, ClassBook book, CancellationToken ct) => book.FinishAsync(id, ct))
            .WithSummary("Finishes the class after its last day: who attended the days required finished; the others' vouchers end without a certificate");
        training.MapPost("/enrolments/{id:int}/employment", (int id, RecordEmployment body, TrainingOutcomes outcomes, CancellationToken ct) =>
                outcomes.RecordEmploymentAsync(id, body, ct))
            .WithSummary("The follow-up after a class: employed by whom, from when, and how it was checked (employer, social insurance, contract, call)");
        training.MapGet("/trainees", async (string? area, DateOnly? from, DateOnly? to, OutcomeMeasure? measure, string? brand, string? city, int? page,
                int? pageSize, TrainingOutcomes outcomes, Territory.Contracts.ITerritoryDirectory territory, Kernel.Security.CurrentUser user, CancellationToken ct) =>
                await outcomes.ListAsync(await AreaPathAsync(area, territory, user, ct), from, to, measure ?? OutcomeMeasure.Trained, PageRequest.Of(page, pageSize), ct,
                    brand, city))
            .WithSummary("The trainees a training figure counts, by where they live: finished, certified, skilled, high-skilled or employed in a period");
        training.MapPost("/enrolments/{id:int}/certificate", (int id, RecordCertificate body, ClassBook book, CancellationToken ct) => book.CertifyAsync(id, body, ct))
            .WithSummary("Records the certificate a trainee won (level, number, date), or that they won none (reason); a voucher moves with it");
    }

    private static void MapStudios(RouteGroupBuilder studios)
    {
        studios.MapPost("/", async (ApplyStudio body, StudioBook book, CancellationToken ct) =>
            {
                var studio = await book.ApplyAsync(body, ct);
                return TypedResults.Created($"/api/v1/training/studios/{studio.Id}", studio);
            })
            .WithSummary("An application for a skill master studio in a round: the master (技师 or 高级技师), the trade and the host organisation");
        studios.MapGet("/", (int? round, StudioState? state, int? page, int? pageSize, StudioBook book, CancellationToken ct) =>
            book.ListAsync(round, state, PageRequest.Of(page, pageSize), ct)).WithSummary("Applications in view, by round and state, with their scores");
        studios.MapGet("/{id:int}", (int id, StudioBook book, CancellationToken ct) => book.GetAsync(id, ct)).WithSummary("One application with its scores");
        studios.MapPost("/{id:int}/scores", (int id, ScoreStudio body, StudioBook book, CancellationToken ct) => book.ScoreAsync(id, body, ct))
            .WithSummary("An expert's score out of 100, once per expert and application");
        studios.MapPost("/selection", (SelectStudios body, StudioBook book, CancellationToken ct) => book.SelectAsync(body, ct))
            .WithSummary("Selects a round's studios: the best average scores up to the places, ties at the last place included; refused while any lacks three scores");
        studios.MapPost("/{id:int}/grant", (int id, PayStudioGrant body, StudioBook book, CancellationToken ct) => book.PayGrantAsync(id, body, ct))
            .WithSummary("Pays a selected studio's one-off grant (30,000 yuan unless given), once, never by who selected it");
    }

    private static void MapPayments(RouteGroupBuilder batches)
    {
        batches.MapPost("/", async (DraftBatch body, PaymentBook book, CancellationToken ct) =>
            {
                var batch = await book.DraftAsync(body, ct);
                return TypedResults.Created($"/api/v1/training/payment-batches/{batch.Id}", batch);
            })
            .WithSummary("Drafts a payment batch of a provider's reviewed vouchers under a programme that are on no batch yet");
        batches.MapGet("/", (int? programmeId, BatchState? state, int? page, int? pageSize, PaymentBook book, CancellationToken ct) =>
            book.ListAsync(programmeId, state, PageRequest.Of(page, pageSize), ct)).WithSummary("Payment batches in view, newest first");
        batches.MapGet("/{id:int}", (int id, PaymentBook book, CancellationToken ct) => book.GetAsync(id, ct)).WithSummary("One batch with its vouchers");
        batches.MapGet("/{id:int}/document", async (int id, BatchDocument document, CancellationToken ct) =>
            {
                var (content, reference) = await document.WriteAsync(id, ct);
                return TypedResults.File(content, DocxType, $"{reference}.docx");
            })
            .WithSummary("The batch as a Word document for the finance office: every voucher with its level and subsidy, the total and who drafted, approved and paid it");
        batches.MapPost("/{id:int}/steps", (int id, BatchStep body, PaymentBook book, CancellationToken ct) => book.StepAsync(id, body, ct))
            .WithSummary("Approve (a second person), Pay (the transfer's reference; a paid batch answers the first payment and pays nothing more), Fail (reason), Withdraw");
    }

    private static async Task<IResult> ExportVouchersAsync([AsParameters] VoucherFilter filter, VoucherExport export, HttpContext http,
        Territory.Contracts.ITerritoryDirectory territory, Kernel.Security.CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        TypedResults.File(await export.ExportAsync(await filter.ToQueryAsync(territory, user, ct), http.Request.QueryString.Value ?? "", ct), ExcelType,
            $"vouchers-{Kernel.Time.ChinaTime.FileStamp(clock)}.xlsx");

    private static async Task<IResult> ExportListAsync(TrainingList list, string? area, DateOnly? from, DateOnly? to, OutcomeMeasure? measure, string? brand,
        string? city, int? round, TrainingExports exports, Territory.Contracts.ITerritoryDirectory territory, Kernel.Security.CurrentUser user, HttpContext http,
        TimeProvider clock, CancellationToken ct)
    {
        var path = list == TrainingList.Trainees ? await AreaPathAsync(area, territory, user, ct) : null;
        var file = await exports.ExportAsync(list, new ExportFilter(path, from, to, measure, brand, city, round), http.Request.QueryString.Value ?? "", ct);
        return TypedResults.File(file, ExcelType, $"{list.ToString().ToLowerInvariant()}-{Kernel.Time.ChinaTime.FileStamp(clock)}.xlsx");
    }

    private static IResult ListTemplate()
    {
        var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new[] { VoucherListColumns.Example() }, sheetName: "list", excelType: MiniExcelLibs.ExcelType.XLSX);
        stream.Position = 0;
        return TypedResults.File(stream, ExcelType, "voucher-list-template.xlsx");
    }

    /// <summary>An area or grid code within the reader's view, or the reader's own place.</summary>
    internal static async Task<string> AreaPathAsync(string? area, Territory.Contracts.ITerritoryDirectory territory, Kernel.Security.CurrentUser user,
        CancellationToken ct) =>
        string.IsNullOrWhiteSpace(area) ? user.ViewPath ?? "\u0000"
            : await territory.PathOfAsync(area, ct) ?? throw new Kernel.Errors.NotFoundException("area_not_found", area);
}

/// <summary>The voucher list's filters as a query string carries them; an area is named by its code and read within the caller's view.</summary>
public readonly record struct VoucherFilter(int? ProgrammeId, VoucherState? State, int? ClassId, int? ProviderId, string? Search, string? Area,
    VoucherMeasure? Measure, DateOnly? From, DateOnly? To)
{
    public async Task<VoucherQuery> ToQueryAsync(Territory.Contracts.ITerritoryDirectory territory, Kernel.Security.CurrentUser user, CancellationToken ct) =>
        new(ProgrammeId, State, ClassId, ProviderId, Search, string.IsNullOrWhiteSpace(Area) ? null : await TrainingEndpoints.AreaPathAsync(Area, territory, user, ct),
            Measure, From, To);
}
