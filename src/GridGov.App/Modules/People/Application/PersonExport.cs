using GridGov.Modules.People.Contracts;
using GridGov.Data;
using GridGov.Kernel.Localization;
using GridGov.Kernel.Privacy;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using GridGov.Kernel.Documents;

namespace GridGov.Modules.People.Application;

/// <summary>
/// Any filtered list of people to Excel. Numbers are masked unless an entitled role asks for full
/// values; rows stream from the database to a temporary file; every export is recorded; text that
/// a spreadsheet would run as a formula is neutralised.
/// </summary>
public sealed class PersonExport(GridGovDbContext db, CurrentUser user, PersonSearch search, IStringLocalizer<Strings> text, ExportLog exports)
{
    public async Task<(Stream File, int Rows)> ExportAsync(string? q, string? tag, bool full, CancellationToken ct, string? area = null,
        PeopleFilter? filter = null)
    {
        var (people, _) = await search.FilterAsync(q, tag, includeInactive: false, ct, area, filter);
        if (full) user.Require(PeoplePermissions.Reveal);
        var rows = 0;
        IEnumerable<IReadOnlyDictionary<string, object?>> Rows()
        {
            var query = (filter ?? PeopleFilter.None).Order(people, byInitials: false).Select(p => new
            {
                p.Name, p.IdNumber, p.Sex, p.BirthDate, p.Phone, p.RelationToHead, p.Residency,
                Address = db.Set<Household>().Where(h => h.Id == p.HouseholdId).Select(h => h.Address).FirstOrDefault(),
            });
            foreach (var p in query.AsEnumerable())
            {
                rows++;
                yield return new Dictionary<string, object?>
                {
                    [text["Person.Name"]] = p.Name,
                    [text["Person.IdNumber"]] = full ? p.IdNumber : Mask.IdNumber(p.IdNumber),
                    [text["Person.Sex"]] = text[$"Sex.{p.Sex}"].Value,
                    [text["Export.BirthDate"]] = p.BirthDate.ToString("yyyy-MM-dd"),
                    [text["Person.Phone"]] = full ? p.Phone : Mask.Phone(p.Phone),
                    [text["Person.Relation"]] = p.RelationToHead,
                    [text["Person.Residency"]] = text[$"Residency.{p.Residency}"].Value,
                    [text["Household.Address"]] = p.Address,
                };
            }
        }

        // Every text cell is kept as text by the writer: a name or address may start with "=".
        var file = Spreadsheet.Write(Rows(), "people");
        exports.Record("people", $"q={q}; tag={tag}; area={area}", rows, full);
        await db.SaveChangesAsync(ct);
        return (file, rows);
    }
}
