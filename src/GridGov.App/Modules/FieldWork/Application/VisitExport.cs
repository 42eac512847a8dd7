using GridGov.Data;
using GridGov.Kernel.Documents;
using GridGov.Kernel.Localization;
using GridGov.Kernel.Paging;
using Microsoft.Extensions.Localization;

namespace GridGov.Modules.FieldWork.Application;

/// <summary>The visits list, filtered as on the screen (area and period), to Excel in the reader's language; recorded in the export log.</summary>
public sealed class VisitExport(GridGovDbContext db, VisitBook book, IStringLocalizer<Strings> text, ExportLog exports)
{
    public const int MaxRows = 20_000;

    public async Task<Stream> ExportAsync(string? under, DateOnly? from, DateOnly? to, string filter, CancellationToken ct)
    {
        var rows = new List<VisitView>();
        for (var page = 1; rows.Count < MaxRows; page++)
        {
            var found = await book.VisitsAsync(null, null, null, from, to, null, PageRequest.Of(page, PageRequest.MaxSize), ct, under);
            rows.AddRange(found.Items);
            if (found.Items.Count < PageRequest.MaxSize) break;
        }
        var file = Spreadsheet.Write(rows.Take(MaxRows).Select(v => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [text["Field.VisitedOn"]] = v.VisitedOn.ToString("yyyy-MM-dd"),
            [text["Field.Subject"]] = v.SubjectLabel,
            [text["Field.Purpose"]] = text[$"VisitPurpose.{v.Purpose}"].Value,
            [text["Field.Outcome"]] = text[$"VisitOutcome.{v.Outcome}"].Value,
            [text["Field.VisitedBy"]] = v.VisitedBy,
        }), "visits");
        exports.Record("visits", filter.TrimStart('?'), Math.Min(rows.Count, MaxRows), fullValues: false);
        await db.SaveChangesAsync(ct);
        return file;
    }
}
