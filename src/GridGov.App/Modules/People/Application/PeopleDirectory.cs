using GridGov.Data;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Privacy;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

internal sealed class PeopleDirectory(GridGovDbContext db, CurrentUser user, TimeProvider clock, PersonTags tags, PersonSearch search) : IPeopleDirectory
{
    public async Task<IReadOnlyList<PersonPick>> FindAsync(string text, int limit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var found = await search.SearchAsync(text, includeInactive: false, PageRequest.Of(1, limit), ct);
        return found.Items.Select(p => new PersonPick(p.Id, p.Name, p.MaskedIdNumber, p.HouseholdId, p.Address)).ToList();
    }

    // Member-initialised, so that a filter after the join still translates to SQL.
    private sealed class Row
    {
        public required Person Person { get; init; }
        public required string HouseholdNumber { get; init; }
        public int? GridId { get; init; }
    }

    private IQueryable<Row> Rows => db.Set<Person>().AsNoTracking()
        .Join(db.Set<Household>(), p => p.HouseholdId, h => h.Id, (p, h) => new Row { Person = p, HouseholdNumber = h.Number, GridId = h.GridId });

    private IQueryable<TagDefinition> VisibleTags => db.Set<TagDefinition>().Where(t => !t.IsSensitive || user.Has(PeoplePermissions.SensitiveTags));

    public async Task<PersonRef?> PersonAsync(int id, CancellationToken ct) =>
        (await WithTagsAsync(await Rows.Where(r => r.Person.Id == id).ToListAsync(ct), ct)).FirstOrDefault();

    public async Task<PersonRef?> PersonByIdNumberAsync(string idNumber, CancellationToken ct)
    {
        var index = Person.IndexOfId(idNumber.Trim().ToUpperInvariant());
        return (await WithTagsAsync(await Rows.Where(r => r.Person.IdNumberIndex == index && r.Person.IsActive).ToListAsync(ct), ct)).FirstOrDefault();
    }

    public Task<Page<PersonRef>> PeopleOnGridAsync(int gridId, PageRequest page, CancellationToken ct) =>
        PageAsync(Rows.Where(r => r.GridId == gridId && r.Person.IsActive), page, ct);

    public async Task<Page<PersonRef>> PeopleWithTagAsync(string tagCode, PageRequest page, CancellationToken ct)
    {
        // The tag as the ledger's own search reads it: a sensitive one only for those who may, the elderly by age.
        var carriers = tags.Carrying(db.Set<Person>(), await tags.FindAsync(tagCode, ct)).Select(p => p.Id);
        return await PageAsync(Rows.Where(r => r.Person.IsActive && carriers.Contains(r.Person.Id)), page, ct);
    }

    public async Task<HouseholdRef?> HouseholdAsync(int id, CancellationToken ct) =>
        await Households(h => h.Id == id).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<PersonRef>> MembersAsync(int householdId, CancellationToken ct) =>
        await WithTagsAsync(await Rows.Where(r => r.Person.HouseholdId == householdId && r.Person.IsActive)
            .OrderBy(r => r.Person.RelationToHead != Relations.Head).ThenBy(r => r.Person.Id).ToListAsync(ct), ct);

    public Task<Page<HouseholdRef>> HouseholdsOnGridAsync(int gridId, PageRequest page, CancellationToken ct) =>
        Households(h => h.GridId == gridId && h.IsActive, ordered: true).ToPageAsync(page, ct);

    private IQueryable<HouseholdRef> Households(System.Linq.Expressions.Expression<Func<Household, bool>> which, bool ordered = false)
    {
        var households = db.Set<Household>().AsNoTracking().Where(which);
        return (ordered ? households.OrderBy(h => h.Number) : households).Select(h => new HouseholdRef(h.Id, h.Number, h.Address,
        h.GridId, h.Path, h.IsActive,
        db.Set<Person>().Count(p => p.HouseholdId == h.Id && p.IsActive),
        db.Set<Person>().Where(p => p.HouseholdId == h.Id && p.IsActive && p.RelationToHead == Relations.Head).Select(p => p.Name).FirstOrDefault()));
    }

    private async Task<Page<PersonRef>> PageAsync(IQueryable<Row> rows, PageRequest page, CancellationToken ct)
    {
        var found = await rows.OrderBy(r => r.Person.Id).ToPageAsync(page, ct);
        return new Page<PersonRef>(await WithTagsAsync(found.Items, ct), found.PageNumber, found.PageSize, found.Total);
    }

    /// <summary>Each person with the codes of their tags active today, read in one query for the whole page.</summary>
    private async Task<IReadOnlyList<PersonRef>> WithTagsAsync(IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Person.Id).ToList();
        var today = clock.Today();
        var attached = await db.Set<PersonTag>().Where(pt => ids.Contains(pt.PersonId) && pt.ValidFrom <= today && (pt.ValidTo == null || pt.ValidTo >= today))
            .Join(VisibleTags, pt => pt.TagId, t => t.Id, (pt, t) => new { pt.PersonId, t.Code }).ToListAsync(ct);
        return rows.Select(r => new PersonRef(r.Person.Id, r.Person.Name, Masked.IdNumber(r.Person.IdNumber), r.Person.Sex.ToString(), r.Person.BirthDate,
            r.Person.HouseholdId, r.HouseholdNumber, r.GridId, r.Person.Path, r.Person.IsActive,
            attached.Where(t => t.PersonId == r.Person.Id).Select(t => t.Code)
                .Concat(r.Person.AgeOn(today) >= TagDefinition.ElderlyAge ? [TagDefinition.Elderly] : []).Order().ToList())).ToList();
    }
}
