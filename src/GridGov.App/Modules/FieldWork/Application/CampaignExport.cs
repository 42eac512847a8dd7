using GridGov.Data;
using GridGov.Kernel.Documents;
using GridGov.Kernel.Localization;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Time;
using GridGov.Modules.FieldWork.Domain;
using Microsoft.Extensions.Localization;

namespace GridGov.Modules.FieldWork.Application;

/// <summary>A campaign's subjects in the caller's view, with a column per question, to Excel; recorded in the export log.</summary>
public sealed class CampaignExport(GridGovDbContext db, CampaignBook book, IStringLocalizer<Strings> text, ExportLog exports)
{
    public const int MaxRows = 20_000;

    public async Task<Stream> ExportAsync(int campaignId, string? under, CancellationToken ct)
    {
        var campaign = await book.GetAsync(campaignId, ct);
        var rows = new List<SubjectView>();
        for (var page = 1; rows.Count < MaxRows; page++)
        {
            var found = await book.SubjectsAsync(campaignId, null, under, null, PageRequest.Of(page, PageRequest.MaxSize), ct);
            rows.AddRange(found.Items);
            if (found.Items.Count < PageRequest.MaxSize) break;
        }
        var file = Spreadsheet.Write(rows.Select(s =>
        {
            var row = new Dictionary<string, object?>
            {
                [text["Field.Subject"]] = s.Label,
                [text["Field.Grid"]] = Kernel.Scoping.TreePath.Codes(s.GridPath).LastOrDefault(),
                [text["Field.People"]] = s.People,
                [text["Field.State"]] = text[$"SubjectState.{s.State}"].Value,
                [text["Field.RecordedAt"]] = s.RecordedAt?.ToChinaTime().ToString("yyyy-MM-dd HH:mm"),
                [text["Field.RecordedBy"]] = s.RecordedBy,
                [text["Field.Note"]] = s.Note,
            };
            foreach (var q in campaign.Questions) row[q.Label] = s.Answers.GetValueOrDefault(q.Key);
            return (IReadOnlyDictionary<string, object?>)row;
        }), "answers");
        exports.Record("campaign-answers", $"campaign={campaignId}&under={under}", rows.Count, fullValues: false);
        await db.SaveChangesAsync(ct);
        return file;
    }
}
