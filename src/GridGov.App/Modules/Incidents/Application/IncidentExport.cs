using GridGov.Data;
using GridGov.Kernel.Documents;
using GridGov.Kernel.Localization;
using GridGov.Kernel.Time;
using Microsoft.Extensions.Localization;

namespace GridGov.Modules.Incidents.Application;

/// <summary>
/// A desk list, filtered as on the screen, to Excel: labels and states in the reader's language,
/// times in China time, no contact details; every export is recorded with its filter.
/// </summary>
public sealed class IncidentExport(GridGovDbContext db, IncidentDesk desk, IncidentCatalogue catalogue, IStringLocalizer<Strings> text,
    ExportLog exports)
{
    public const int MaxRows = 20_000;

    public async Task<Stream> ExportAsync(DeskParameters parameters, string filter, CancellationToken ct)
    {
        var list = Enum.TryParse<IncidentList>(parameters.List, true, out var l) ? l : IncidentList.All;
        var rows = await desk.AllAsync(list, parameters.Query, MaxRows, ct);
        var categories = (await catalogue.CategoriesAsync(ct)).ToDictionary(c => c.Code, c => c.Label);
        var file = Spreadsheet.Write(rows.Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [text["Incident.Number"]] = i.Number,
            [text["Incident.Category"]] = categories.GetValueOrDefault(i.CategoryCode, i.CategoryCode),
            [text["Incident.State"]] = text[$"IncidentState.{i.State}"].Value,
            [text["Incident.Urgency"]] = text[$"Urgency.{i.Urgency}"].Value,
            [text["Incident.ReportedAt"]] = i.ReportedAt.ToChinaTime().ToString("yyyy-MM-dd HH:mm"),
            [text["Incident.StepDue"]] = i.StepDueAt?.ToChinaTime().ToString("yyyy-MM-dd HH:mm"),
            [text["Incident.Overdue"]] = i.IsOverdue ? text["Common.Yes"].Value : text["Common.No"].Value,
            [text["Incident.Address"]] = i.Address,
        }), "incidents");
        exports.Record("incidents", filter.TrimStart('?'), rows.Count, fullValues: false);
        await db.SaveChangesAsync(ct);
        return file;
    }
}
