using GridGov.Data;
using GridGov.Kernel.Documents;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Localization;
using GridGov.Kernel.Paging;
using Microsoft.Extensions.Localization;

namespace GridGov.Modules.Training.Application;

/// <summary>The lists an export is offered for (the vouchers have their own, filtered as on the screen).</summary>
public enum TrainingList
{
    Programmes = 1,
    Providers = 2,
    Classes = 3,
    Batches = 4,
    Trainees = 5,
    Studios = 6,
}

/// <summary>What a list's export is filtered by, as its page's query string names it.</summary>
public sealed record ExportFilter(string? AreaPath = null, DateOnly? From = null, DateOnly? To = null, OutcomeMeasure? Measure = null, string? Brand = null,
    string? City = null, int? Round = null);

/// <summary>Every training list as an Excel workbook, read as its page reads it, in the reader's language; each export is logged with its filter.</summary>
public sealed class TrainingExports(GridGovDbContext db, ExportLog log, IStringLocalizer<Strings> text, ProgrammeBook programmes, ProviderBook providers,
    ClassBook classes, PaymentBook payments, TrainingOutcomes outcomes, StudioBook studios)
{
    public async Task<Stream> ExportAsync(TrainingList list, ExportFilter filter, string query, CancellationToken ct)
    {
        var (file, rows) = list switch
        {
            TrainingList.Programmes => await PagedExport.WriteAsync(p => programmes.ListAsync(null, p, ct), r => Row(
                ("Training.Programme", r.Name), ("Training.Kind", text[$"ProgrammeKind.{r.Kind}"].Value), ("Training.StartsOn", r.StartsOn.ToString("yyyy-MM-dd")),
                ("Training.EndsOn", r.EndsOn.ToString("yyyy-MM-dd")), ("Training.Budget", r.Budget), ("Training.FaceValue", r.FaceValue)), "programmes"),
            TrainingList.Providers => await PagedExport.WriteAsync(p => providers.ListAsync(null, p, ct), r => Row(
                ("Training.Provider", r.Name), ("Training.Area", r.AreaCode), ("Training.State", r.IsActive ? "" : text["Training.Suspended"].Value)), "providers"),
            TrainingList.Classes => await PagedExport.WriteAsync(p => classes.ListAsync(null, null, p, ct), r => Row(
                ("Training.Class", r.Name), ("Training.ClassKind", text[$"ClassKind.{r.Kind}"].Value), ("Training.Occupation", r.Occupation),
                ("Training.Level", text[$"CertificateLevel.{r.Level}"].Value), ("Training.Employer", r.Employer), ("Training.StartsOn", r.StartsOn.ToString("yyyy-MM-dd")),
                ("Training.EndsOn", r.EndsOn.ToString("yyyy-MM-dd")), ("Training.Capacity", r.Capacity)), "classes"),
            TrainingList.Batches => await PagedExport.WriteAsync(p => payments.ListAsync(null, null, p, ct), r => Row(
                ("Training.Reference", r.Reference), ("Training.State", text[$"BatchState.{r.State}"].Value), ("Training.Vouchers", r.Count), ("Training.Total", r.Total)),
                "batches"),
            TrainingList.Trainees => await PagedExport.WriteAsync(p => outcomes.ListAsync(filter.AreaPath ?? "\u0000", filter.From, filter.To,
                filter.Measure ?? OutcomeMeasure.Trained, p, ct, filter.Brand, filter.City), r => Row(
                ("Training.Person", r.PersonName), ("Training.Result", r.Level is { } l ? text[$"CertificateLevel.{l}"].Value : r.Finished == true
                    ? text["Training.FinishedTraining"].Value : text["Training.InTraining"].Value), ("Training.Certificate", r.CertifiedOn?.ToString("yyyy-MM-dd")),
                ("Training.Employer", r.Employer), ("Training.City", r.WorkCity), ("Training.EmployedOn", r.EmployedOn?.ToString("yyyy-MM-dd"))), "trainees"),
            TrainingList.Studios => await PagedExport.WriteAsync(p => studios.ListAsync(filter.Round, null, p, ct), r => Row(
                ("Training.Studio", r.StudioName), ("Training.Master", r.Master), ("Training.Occupation", r.Occupation), ("Training.Host", r.Host),
                ("Training.Scores", r.Average), ("Training.State", text[$"StudioState.{r.State}"].Value), ("Training.PayGrant", r.Grant)), "studios"),
            _ => throw new ValidationException("list", "unknown"),
        };
        log.Record("training-" + list.ToString().ToLowerInvariant(), query.TrimStart('?'), rows, fullValues: false);
        await db.SaveChangesAsync(ct);
        return file;
    }

    private IReadOnlyDictionary<string, object?> Row(params (string Key, object? Value)[] cells) =>
        cells.ToDictionary(c => text[c.Key].Value, c => c.Value);
}
