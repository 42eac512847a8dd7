using GridGov.Modules.People.Contracts;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Privacy;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Domain;
using GridGov.Modules.People.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

public sealed record PersonListItem(int Id, string Name, Masked MaskedIdNumber, Sex Sex, DateOnly BirthDate, Masked MaskedPhone,
    int HouseholdId, string Address, PersonStatus Status);

/// <summary>
/// Finds people within the user's scope by what a grid worker has at hand: a name or its pinyin
/// ("zs", "zhangsan"), a whole ID number or its last 4–6 characters, a phone number, an address.
/// Each kind of input is matched on its own indexed column, and results come in pinyin order so
/// that the first page of a broad search is read straight off the pinyin index.
/// </summary>
public sealed class PersonSearch(GridGovDbContext db, CurrentUser user, PersonTags tags, Territory.Contracts.ITerritoryDirectory? territory = null)
{
    /// <summary>Counting stops here: past it a list is browsed by narrowing the search, not by paging.</summary>
    public const int CountLimit = 200;

    /// <param name="area">An area or grid code within the caller's view: only the people under it.</param>
    public async Task<Page<PersonListItem>> SearchAsync(string? text, bool includeInactive, PageRequest page, CancellationToken ct, string? tag = null,
        string? area = null, PeopleFilter? filter = null)
    {
        filter ??= PeopleFilter.None;
        var q = (text ?? "").Trim();
        if (q.Length > 0 && SearchInput.Classify(q) == SearchKind.Address)
        {
            var scoped = await ScopedAsync(tag, includeInactive, area, filter, ct);
            return await db.ReadQuicklyAsync(false, () => AddressListAsync(scoped, AddressHouseholds(q), filter.Sort, page, ct), ct);
        }
        var (people, kind) = await FilterAsync(text, tag, includeInactive, ct, area, filter);
        var walkPinyinOrder = kind is SearchKind.Everyone or SearchKind.FullPinyin or SearchKind.Initials or SearchKind.InitialsOrFullPinyin or SearchKind.Name
            && string.IsNullOrWhiteSpace(tag) && filter == PeopleFilter.None && await ScopeIsLargeAsync(ct);
        return await db.ReadQuicklyAsync(walkPinyinOrder, () => ListAsync(people, kind, filter, page, ct), ct);
    }

    /// <summary>
    /// Whether the user's scope holds so many people that a page of a name search is best read
    /// in pinyin order off its index; a small scope is cheaper to gather whole and sort.
    /// </summary>
    private async Task<bool> ScopeIsLargeAsync(CancellationToken ct)
    {
        const int Large = 20_000;
        var residents = await db.Set<PopulationTally>().Select(t => t.Residents).Take(Large / 10).SumAsync(ct);
        return residents >= Large;
    }

    private async Task<Page<PersonListItem>> ListAsync(IQueryable<Person> people, SearchKind kind, PeopleFilter filter, PageRequest page,
        CancellationToken ct)
    {
        // Each kind is listed in the order of the index it searches, so a page is read off that index, unless another order is asked.
        var ordered = filter.Order(people, byInitials: kind == SearchKind.Initials);
        var rows = await Rows(ordered.Skip(page.Skip).Take(page.Size)).ToListAsync(ct);
        // A short first page already is the whole answer; otherwise count, but only so far.
        var total = page.Skip == 0 && rows.Count < page.Size
            ? rows.Count
            : await people.Take(CountLimit + 1).CountAsync(ct);
        return PageOf(rows, page, total);
    }

    /// <summary>
    /// Address matches come from a text index that knows no order. The households are found first,
    /// in id order a batch at a time, and then their people by the household index, until the
    /// count is past its limit: joined in one statement the planner would walk a county's people by
    /// path to meet the addresses (190 ms for a broad address where this takes 20). The matched set,
    /// bounded so, is the count and is listed in pinyin order; the page's rows are read by their ids.
    /// </summary>
    private async Task<Page<PersonListItem>> AddressListAsync(IQueryable<Person> people, IQueryable<Household> households, PeopleSort sort,
        PageRequest page, CancellationToken ct)
    {
        const int Batch = CountLimit + 1;
        var matched = new List<(int Id, string PinyinFull, DateOnly BirthDate, DateOnly? LeftOn)>();
        var after = 0;
        while (matched.Count <= CountLimit)
        {
            var from = after;
            var ids = await households.Where(h => h.Id > from).OrderBy(h => h.Id).Select(h => h.Id).Take(Batch).ToListAsync(ct);
            if (ids.Count == 0) break;
            matched.AddRange((await people.Where(p => ids.Contains(p.HouseholdId))
                    .Select(p => new { p.Id, p.PinyinFull, p.BirthDate, p.DeregisteredOn }).ToListAsync(ct))
                .Select(p => (p.Id, p.PinyinFull, p.BirthDate, p.DeregisteredOn)));
            if (ids.Count < Batch) break;
            after = ids[^1];
        }
        var ordered = sort switch
        {
            PeopleSort.Oldest => matched.OrderBy(p => p.BirthDate).ThenBy(p => p.Id),
            PeopleSort.Youngest => matched.OrderByDescending(p => p.BirthDate).ThenByDescending(p => p.Id),
            PeopleSort.RecentlyLeft => matched.OrderByDescending(p => p.LeftOn).ThenByDescending(p => p.Id),
            _ => matched.OrderBy(p => p.PinyinFull, StringComparer.Ordinal).ThenBy(p => p.Id),
        };
        var pageIds = ordered
            .Take(Batch).Skip(page.Skip).Take(page.Size).Select(p => p.Id).ToList();
        var rows = pageIds.Count == 0 ? [] : await Rows(db.Set<Person>().AsNoTracking().Where(p => pageIds.Contains(p.Id))).ToListAsync(ct);
        return PageOf(rows.OrderBy(r => pageIds.IndexOf(r.Id)).ToList(), page, matched.Count);
    }

    private sealed record Row(int Id, string Name, string IdNumber, Sex Sex, DateOnly BirthDate, string? Phone, int HouseholdId, PersonStatus Status, string? Address);

    private IQueryable<Row> Rows(IQueryable<Person> people) => people.Select(p => new Row(p.Id, p.Name, p.IdNumber, p.Sex, p.BirthDate, p.Phone,
        p.HouseholdId, p.Status, db.Set<Household>().Where(h => h.Id == p.HouseholdId).Select(h => h.Address).FirstOrDefault()));

    private static Page<PersonListItem> PageOf(List<Row> rows, PageRequest page, int total)
    {
        var items = rows.Select(r => new PersonListItem(r.Id, r.Name, Masked.IdNumber(r.IdNumber), r.Sex, r.BirthDate,
            Masked.Phone(r.Phone), r.HouseholdId, r.Address ?? "", r.Status)).ToList();
        return new Page<PersonListItem>(items, page.Number, page.Size, Math.Min(total, CountLimit)) { TotalIsLowerBound = total > CountLimit };
    }

    /// <summary>The people a search matches, as a query: the list pages it, the export streams it.</summary>
    public async Task<(IQueryable<Person> People, SearchKind Kind)> FilterAsync(string? text, string? tag, bool includeInactive, CancellationToken ct,
        string? area = null, PeopleFilter? filter = null)
    {
        var people = await ScopedAsync(tag, includeInactive, area, filter ?? PeopleFilter.None, ct);
        var q = (text ?? "").Trim();
        var kind = q.Length > 0 ? SearchInput.Classify(q) : SearchKind.Everyone;
        if (q.Length > 0) people = Match(people, q, kind);
        return (people, kind);
    }

    /// <summary>The people in scope (under the area, if one is named), active unless asked otherwise, with the tag if one is named.</summary>
    private async Task<IQueryable<Person>> ScopedAsync(string? tag, bool includeInactive, string? area, PeopleFilter filter, CancellationToken ct)
    {
        user.Require(PeoplePermissions.View);
        var active = !includeInactive && !filter.WantsInactive;
        var people = filter.Apply(db.Set<Person>().AsNoTracking().Where(p => !active || p.IsActive));
        if (!string.IsNullOrWhiteSpace(area))
        {
            // Unknown and out of view read alike: the code names no place the caller can see.
            var path = territory is null ? null : await territory.PathOfAsync(area.Trim(), ct);
            if (path is null) throw new ValidationException("area", "unknown_node");
            people = people.Where(p => p.Path.StartsWith(path));
        }
        if (!string.IsNullOrWhiteSpace(tag)) people = tags.Carrying(people, await tags.FindAsync(tag, ct));
        return people;
    }

    /// <summary>
    /// The households whose address holds the text. On PostgreSQL the match is fenced (OFFSET 0) so
    /// that the trigram index finds the addresses before the scope applies; left to itself the
    /// planner walks the scope's households by path and filters tens of thousands of addresses.
    /// The scope filter still applies to the fenced rows. (SQLite has no trigram index to choose,
    /// and no OFFSET without LIMIT.)
    /// </summary>
    private IQueryable<Household> AddressHouseholds(string q)
    {
        var pattern = "%" + q.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return db.Database.IsNpgsql()
            ? db.Set<Household>().FromSqlInterpolated(
                $"SELECT * FROM (SELECT * FROM \"Households\" WHERE \"Address\" LIKE {pattern} ESCAPE '\\' OFFSET 0) AS fenced")
            : db.Set<Household>().Where(h => h.Address.Contains(q));
    }

    private IQueryable<Person> Match(IQueryable<Person> people, string q, SearchKind kind)
    {
        switch (kind)
        {
            case SearchKind.IdNumber:
                var id = Person.IndexOfId(q.ToUpperInvariant());
                return people.Where(p => p.IdNumberIndex == id);
            case SearchKind.IdTail:
                var tail = Person.IndexOfTail(q.ToUpperInvariant());
                return q.Length switch
                {
                    4 => people.Where(p => p.IdTail4Index == tail),
                    5 => people.Where(p => p.IdTail5Index == tail),
                    _ => people.Where(p => p.IdTail6Index == tail),
                };
            case SearchKind.Phone:
                var phone = Person.IndexOfPhone(q);
                return people.Where(p => p.PhoneIndex == phone);
            case SearchKind.FullPinyin:
                var full = q.ToLowerInvariant();
                return people.Where(p => p.PinyinFull.StartsWith(full));
            case SearchKind.Initials:
                var initials = q.ToLowerInvariant();
                return people.Where(p => p.PinyinInitials.StartsWith(initials));
            case SearchKind.InitialsOrFullPinyin:
                var letters = q.ToLowerInvariant();
                // Both readings begin with the first letter: saying so bounds the walk along the pinyin index.
                var first = letters[..1];
                return people.Where(p => p.PinyinFull.StartsWith(first)
                    && (p.PinyinInitials.StartsWith(letters) || p.PinyinFull.StartsWith(letters)));
            case SearchKind.Address:
                var households = AddressHouseholds(q).Select(h => h.Id);
                return people.Where(p => households.Contains(p.HouseholdId));
            case SearchKind.Name:
                // A name's pinyin prefix is the pinyin of its prefix, so the pinyin index finds the
                // names; comparing the characters by substring keeps the planner on that index,
                // whose order is the list's, even where it misjudges how common a surname is.
                var reading = Pinyin.OfName(q).Full;
                if (reading.Length == 0) return people.Where(p => p.Name.StartsWith(q));
                return people.Where(p => p.PinyinFull.StartsWith(reading) && p.Name.Substring(0, q.Length) == q);
            default:
                throw new ValidationException("q", "search_too_short");
        }
    }
}

public enum SearchKind { Everyone, TooShort, IdNumber, IdTail, Phone, FullPinyin, Initials, InitialsOrFullPinyin, Name, Address }

/// <summary>Tells what a search box's input is: each kind has its own column and index.</summary>
public static class SearchInput
{
    // Characters that occur in addresses and almost never in names.
    private const string AddressMarks = "路街巷弄号楼栋幢单元室村组区镇乡县";

    public static SearchKind Classify(string q)
    {
        var upper = q.ToUpperInvariant();
        if (upper.Length == 18 && IdNumber.TryParse(upper, DateOnly.MaxValue, out _) == IdNumberError.None) return SearchKind.IdNumber;
        if (upper.Length is >= 4 and <= 6 && upper[..^1].All(char.IsAsciiDigit) && (char.IsAsciiDigit(upper[^1]) || upper[^1] == 'X'))
            return SearchKind.IdTail;
        // Phones are stored encrypted and found through a keyed hash of the whole number: part of one finds nothing.
        if (q.All(char.IsAsciiDigit) && q.Length is >= 7 and <= 11) return q.Length == 11 ? SearchKind.Phone : SearchKind.TooShort;
        if (q.All(char.IsAsciiLetter))
        {
            var letters = q.ToLowerInvariant();
            return (Pinyin.CouldBeInitials(letters), Pinyin.CouldBeFullPrefix(letters)) switch
            {
                (true, true) => SearchKind.InitialsOrFullPinyin,
                (true, false) => SearchKind.Initials,
                // Letters that read as neither still search as the start of a name written in letters.
                _ => SearchKind.FullPinyin,
            };
        }
        var looksLikeAddress = q.Any(char.IsAsciiDigit) || q.Skip(1).Any(c => AddressMarks.Contains(c));
        if (!looksLikeAddress) return SearchKind.Name;
        // Shorter fragments match a large part of any county and no index can narrow them.
        return q.Length >= 3 ? SearchKind.Address : SearchKind.TooShort;
    }
}
