using GridGov.Data;
using GridGov.Kernel.Documents;
using GridGov.Kernel.Localization;
using Microsoft.Extensions.Localization;

namespace GridGov.Modules.Training.Application;

/// <summary>The voucher list, filtered as on the screen, to Excel in the reader's language; every export is recorded with its filter.</summary>
public sealed class VoucherExport(GridGovDbContext db, VoucherBook vouchers, IStringLocalizer<Strings> text, ExportLog exports)
{
    public const int MaxRows = 20_000;

    public async Task<Stream> ExportAsync(VoucherQuery query, string filter, CancellationToken ct)
    {
        var rows = await vouchers.AllAsync(query, MaxRows, ct);
        var file = Spreadsheet.Write(rows.Select(v => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [text["Training.Code"]] = Domain.Voucher.Show(v.Code),
            [text["Training.Person"]] = v.PersonName,
            [text["Training.State"]] = text[$"VoucherState.{v.State}"].Value,
            [text["Training.FaceValue"]] = v.FaceValue,
            [text["Training.IssuedOn"]] = v.IssuedOn.ToString("yyyy-MM-dd"),
            [text["Training.UsableUntil"]] = v.UsableUntil?.ToString("yyyy-MM-dd"),
            [text["Training.Certificate"]] = v.Level is { } l ? text[$"CertificateLevel.{l}"].Value : null,
            [text["Training.Subsidy"]] = v.Subsidy,
        }), "vouchers");
        exports.Record("vouchers", filter.TrimStart('?'), rows.Count, fullValues: false);
        await db.SaveChangesAsync(ct);
        return file;
    }
}
