using GridGov.Data;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Privacy;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

public sealed record PersonListItem(int Id, string Name, string MaskedIdNumber, Sex Sex, DateOnly BirthDate, string? MaskedPhone,
    int HouseholdId, string Address, PersonStatus Status);

/// <summary>
/// Finds people within the user's scope by what a grid worker has at hand: a name or its pinyin
/// ("zs", "zhangsan"), a whole ID number or its last 4–6 characters, a phone number, an address.
/// Every form uses an indexed column except the address, which is narrowed by the scope first.
/// </summary>
public sealed class PersonSearch(GridGovDbContext db, CurrentUser user, PersonTags tags)
{
    public async Task<Page<PersonListItem>> SearchAsync(string? text, bool includeInactive, PageRequest page, CancellationToken ct, string? tag = null)
    {
        var people = await FilterAsync(text, tag, includeInactive, ct);
        var total = await people.CountAsync(ct);
        var rows = await people.OrderBy(p => p.Id).Skip(page.Skip).Take(page.Size)
            .Select(p => new
            {
                p.Id, p.Name, p.IdNumber, p.Sex, p.BirthDate, p.Phone, p.HouseholdId, p.Status,
                Address = db.Set<Household>().Where(h => h.Id == p.HouseholdId).Select(h => h.Address).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new Page<PersonListItem>(rows.Select(r => new PersonListItem(r.Id, r.Name, Mask.IdNumber(r.IdNumber), r.Sex, r.BirthDate,
            Mask.Phone(r.Phone), r.HouseholdId, r.Address ?? "", r.Status)).ToList(), page.Number, page.Size, total);
    }

    /// <summary>The people a search matches, as a query: the list pages it, the export streams it.</summary>
    public async Task<IQueryable<Person>> FilterAsync(string? text, string? tag, bool includeInactive, CancellationToken ct)
    {
        user.Require(Permission.PeopleView);
        var people = db.Set<Person>().AsNoTracking().Where(p => includeInactive || p.IsActive);
        var q = (text ?? "").Trim();
        if (q.Length > 0) people = Match(people, q);
        if (!string.IsNullOrWhiteSpace(tag)) people = tags.Carrying(people, await tags.FindAsync(tag, ct));
        return people;
    }

    private IQueryable<Person> Match(IQueryable<Person> people, string q)
    {
        var upper = q.ToUpperInvariant();
        if (upper.Length == 18 && IdNumber.TryParse(upper, DateOnly.MaxValue, out var id) == IdNumberError.None)
            return people.Where(p => p.IdNumber == id.Value);
        if (upper.Length is >= 4 and <= 6 && upper.All(c => char.IsAsciiDigit(c) || c == 'X') && upper[..^1].All(char.IsAsciiDigit))
        {
            var tail = new string(upper.Reverse().ToArray());
            return people.Where(p => p.IdTailReversed.StartsWith(tail));
        }
        if (q.All(char.IsAsciiDigit) && q.Length is >= 7 and <= 11) return people.Where(p => p.Phone != null && p.Phone.StartsWith(q));
        var lower = q.ToLowerInvariant();
        if (lower.All(char.IsAsciiLetterLower))
            return people.Where(p => p.PinyinInitials.StartsWith(lower) || p.PinyinFull.StartsWith(lower));
        return people.Where(p => p.Name.StartsWith(q)
            || db.Set<Household>().Any(h => h.Id == p.HouseholdId && h.Address.Contains(q)));
    }
}
