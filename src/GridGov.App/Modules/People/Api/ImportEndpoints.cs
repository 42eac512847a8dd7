using GridGov.Modules.People.Application.Import;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using MiniExcelLibs;

namespace GridGov.Modules.People.Api;

public sealed record CommitRequest(bool GoodRowsOnly = false);

public static class ImportEndpoints
{
    public const long MaxUploadBytes = 110L * 1024 * 1024;

    public static RouteGroupBuilder MapImportApi(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Import");
        imports.MapGet("/template", Template).WithSummary("The ledger template: every column and an example row");
        imports.MapPost("/", async (IFormFile file, LedgerImport import, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return await import.UploadAsync(content, ct);
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithSummary("Uploads an Excel or CSV ledger and answers the preview: every bad row with its row number, column and reason");
        imports.MapGet("/{token}", (string token, LedgerImport import, CancellationToken ct) => import.PreviewAsync(token, ct))
            .WithSummary("The preview of an uploaded file again");
        imports.MapPost("/{token}/commit", (string token, CommitRequest body, LedgerImport import, CancellationToken ct) =>
                import.CommitAsync(token, body.GoodRowsOnly, ct))
            .WithSummary("Writes the file in one transaction; refused while bad rows remain unless goodRowsOnly is true");
        return api;
    }

    public static IEndpointRouteBuilder MapImportDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/people/import/template.xlsx", Template).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static IResult Template()
    {
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, new[] { LedgerColumns.Example() }, sheetName: "ledger", excelType: ExcelType.XLSX);
        stream.Position = 0;
        return TypedResults.File(stream, PersonEndpoints.ExcelType, "ledger-template.xlsx");
    }
}
