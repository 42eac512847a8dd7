using GridGov.Modules.Audit.Contracts;
using GridGov.Modules.People.Contracts;
using GridGov.Data;
using GridGov.Kernel.Localization;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Privacy;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace GridGov.Modules.People.Application;

public sealed record ExportView(DateTime At, string UserName, string Filter, int Rows, bool FullValues);

/// <summary>
/// Any filtered list of people to Excel. Numbers are masked unless an entitled role asks for full
/// values; rows stream from the database to a temporary file; every export is recorded; text that
/// a spreadsheet would run as a formula is neutralised.
/// </summary>
public sealed class PersonExport(GridGovDbContext db, CurrentUser user, PersonSearch search, IStringLocalizer<Strings> text, TimeProvider clock)
{
    public async Task<(Stream File, int Rows)> ExportAsync(string? q, string? tag, bool full, CancellationToken ct)
    {
        var (people, _) = await search.FilterAsync(q, tag, includeInactive: false, ct);
        if (full) user.Require(PeoplePermissions.Reveal);
        var rows = 0;
        IEnumerable<Dictionary<string, object?>> Rows()
        {
            var query = people.OrderBy(p => p.Id).Select(p => new
            {
                p.Name, p.IdNumber, p.Sex, p.BirthDate, p.Phone, p.RelationToHead, p.Residency,
                Address = db.Set<Household>().Where(h => h.Id == p.HouseholdId).Select(h => h.Address).FirstOrDefault(),
            });
            foreach (var p in query.AsEnumerable())
            {
                rows++;
                yield return new Dictionary<string, object?>
                {
                    [text["Person.Name"]] = Neutralise(p.Name),
                    [text["Person.IdNumber"]] = full ? p.IdNumber : Mask.IdNumber(p.IdNumber),
                    [text["Person.Sex"]] = text[$"Sex.{p.Sex}"].Value,
                    [text["Export.BirthDate"]] = p.BirthDate.ToString("yyyy-MM-dd"),
                    [text["Person.Phone"]] = full ? p.Phone : Mask.Phone(p.Phone),
                    [text["Person.Relation"]] = Neutralise(p.RelationToHead),
                    [text["Person.Residency"]] = text[$"Residency.{p.Residency}"].Value,
                    [text["Household.Address"]] = Neutralise(p.Address),
                };
            }
        }

        var path = Path.GetTempFileName();
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
            MiniExcel.SaveAs(file, Rows(), sheetName: "people", excelType: ExcelType.XLSX);
        db.Add(ExportRecord.Of(user.ViewPath ?? "", user.UserId ?? "", user.UserName, clock.GetUtcNow().UtcDateTime,
            $"q={q}; tag={tag}", rows, full));
        await db.SaveChangesAsync(ct);
        return (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.DeleteOnClose), rows);
    }

    public async Task<Page<ExportView>> ListAsync(PageRequest page, CancellationToken ct)
    {
        user.Require(AuditPermissions.View);
        var query = db.Set<ExportRecord>().AsNoTracking();
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.Id).Skip(page.Skip).Take(page.Size)
            .Select(e => new ExportView(e.At, e.UserName, e.Filter, e.Rows, e.FullValues)).ToListAsync(ct);
        return new Page<ExportView>(items, page.Number, page.Size, total);
    }

    /// <summary>A cell a spreadsheet would read as a formula or command is prefixed with an apostrophe and kept as text.</summary>
    public static string? Neutralise(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
