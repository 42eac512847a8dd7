using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

internal sealed class ProgrammeLedger(GridGovDbContext db, CurrentUser user, TimeProvider clock, PersonRegistry registry, PersonTags tags,
    Kernel.Notices.ITextMessageSender texts) : IProgrammeLedger
{
    public async Task<bool> AttachTagAsync(int personId, string tagCode, DateOnly from, CancellationToken ct)
    {
        var tag = await tags.FindAsync(tagCode, ct);
        if (await db.Set<PersonTag>().AnyAsync(pt => pt.PersonId == personId && pt.TagId == tag.Id && (pt.ValidTo == null || pt.ValidTo >= from), ct)) return false;
        await tags.AttachAsync(personId, new AttachTag(tagCode, from, null), ct);
        return true;
    }

    public Task<PlaceRef?> BuildingAsync(int id, CancellationToken ct) =>
        db.Set<Building>().AsNoTracking().Where(b => b.Id == id).Select(b => new PlaceRef(b.Id, b.Name, b.Address, b.GridId, b.Path)).FirstOrDefaultAsync(ct);

    public Task<PlaceRef?> KeyPlaceAsync(int id, CancellationToken ct) =>
        db.Set<KeyPlace>().AsNoTracking().Where(k => k.Id == id).Select(k => new PlaceRef(k.Id, k.Name, k.Address, k.GridId, k.Path)).FirstOrDefaultAsync(ct);

    public async Task DeregisterMovedAwayAsync(int personId, DateOnly on, string? destination, CancellationToken ct) =>
        await registry.DeregisterAsync(personId, PersonStatus.MovedAway, on, ct, destination);

    public async Task KeepTagAsync(int personId, string tagCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var person = await db.Set<Person>().ForChangeAsync(p => p.Id == personId, user, "person_not_found", personId, ct);
        var tag = await db.Set<TagDefinition>().FirstOrDefaultAsync(t => t.Code == tagCode, ct) ?? throw new ValidationException("tag", "unknown_tag");
        var kept = await db.Set<PersonTag>().Where(pt => pt.PersonId == personId && pt.TagId == tag.Id && pt.ValidFrom == from)
            .OrderByDescending(pt => pt.Id).FirstOrDefaultAsync(ct);
        if (kept is not null) kept.Reschedule(to);
        else
        {
            var active = await db.Set<PersonTag>().AnyAsync(pt => pt.PersonId == personId && pt.TagId == tag.Id && pt.ValidFrom <= to
                && (pt.ValidTo == null || pt.ValidTo >= from), ct);
            db.Add(PersonTag.Attach(person, tag, from, to, active, byProgramme: true));
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<UniverseMember>> UniverseAsync(UniverseQuery query, int afterKey, int take, CancellationToken ct)
    {
        var grids = query.GridIds is { Count: > 0 } g ? g.ToList() : null;
        var households = db.Set<Household>().AsNoTracking()
            .Where(h => h.IsActive && h.GridId != null && h.Path.StartsWith(query.UnderPath) && (grids == null || grids.Contains(h.GridId!.Value)));
        if (query.TagCodes is not { Count: > 0 } codes)
            return await households.Where(h => h.Id > afterKey).OrderBy(h => h.Id).Take(take)
                .Select(h => new UniverseMember(h.Id, h.Id, null, h.GridId!.Value, h.Path, h.Address,
                    db.Set<Person>().Count(p => p.HouseholdId == h.Id && p.IsActive)))
                .ToListAsync(ct);
        var today = clock.Today();
        var tagIds = await db.Set<TagDefinition>().Where(t => codes.Contains(t.Code)).Select(t => t.Id).ToListAsync(ct);
        if (tagIds.Count != codes.Distinct().Count()) throw new ValidationException("tagCodes", "unknown_tag");
        var elderly = codes.Contains(TagDefinition.Elderly);
        var born = today.AddYears(-TagDefinition.ElderlyAge);
        return await db.Set<Person>().AsNoTracking()
            .Where(p => p.IsActive && p.Id > afterKey
                && ((elderly && p.BirthDate <= born)
                    || db.Set<PersonTag>().Any(pt => pt.PersonId == p.Id && tagIds.Contains(pt.TagId) && pt.ValidFrom <= today && (pt.ValidTo == null || pt.ValidTo >= today))))
            .Join(households, p => p.HouseholdId, h => h.Id, (p, h) => new { p.Id, p.Name, HouseholdId = h.Id, h.GridId, h.Path, h.Address })
            .OrderBy(x => x.Id).Take(take)
            .Select(x => new UniverseMember(x.Id, x.HouseholdId, x.Id, x.GridId!.Value, x.Path, x.Name + " · " + x.Address, 1))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<LedgerFacts>> FactsAsync(string underPath, int afterId, int take, DateOnly on, CancellationToken ct)
    {
        var people = await db.Set<Person>().AsNoTracking().Where(p => p.IsActive && p.Id > afterId && p.Path.StartsWith(underPath))
            .OrderBy(p => p.Id).Take(take)
            .Select(p => new { p.Id, p.Name, p.IsActive, p.Path, p.BirthDate, p.Residency, CanReceiveText = p.PhoneIndex != null }).ToListAsync(ct);
        if (people.Count == 0) return [];
        var tagsOf = await TagsOnAsync(people[0].Id, people[^1].Id, underPath, on, ct);
        return people.Select(p => new LedgerFacts(p.Id, p.Name, p.IsActive, p.Path, p.BirthDate, p.Residency.ToString(),
            tagsOf.TryGetValue(p.Id, out var t) ? t : [], p.CanReceiveText)).ToList();
    }

    public async Task<LedgerFacts?> FactsOfAsync(int personId, DateOnly on, CancellationToken ct)
    {
        // The person and the tags active on the day in one round trip: a voucher's verification at enrolment reads them each time.
        var p = await db.Set<Person>().AsNoTracking().Where(x => x.Id == personId)
            .Select(x => new
            {
                x.Id, x.Name, x.IsActive, x.Path, x.BirthDate, x.Residency, CanReceiveText = x.PhoneIndex != null,
                Tags = db.Set<PersonTag>().Where(pt => pt.PersonId == x.Id && pt.ValidFrom <= on && (pt.ValidTo == null || pt.ValidTo >= on))
                    .Join(db.Set<TagDefinition>(), pt => pt.TagId, t => t.Id, (pt, t) => t.Code).ToList(),
            }).FirstOrDefaultAsync(ct);
        if (p is null) return null;
        return new LedgerFacts(p.Id, p.Name, p.IsActive, p.Path, p.BirthDate, p.Residency.ToString(), p.Tags.Distinct().ToList(), p.CanReceiveText);
    }

    public async Task<IReadOnlyDictionary<string, int>> FindByIdNumbersAsync(IReadOnlyCollection<string> idNumbers, CancellationToken ct)
    {
        var byIndex = idNumbers.Select(n => n.Trim().ToUpperInvariant()).Distinct().ToDictionary(Person.IndexOfId);
        var found = new Dictionary<string, int>();
        foreach (var chunk in byIndex.Keys.Chunk(500))
        {
            var rows = await db.Set<Person>().AsNoTracking().Where(p => p.IsActive && chunk.Contains(p.IdNumberIndex))
                .Select(p => new { p.Id, p.IdNumberIndex }).ToListAsync(ct);
            foreach (var row in rows) found.TryAdd(byIndex[row.IdNumberIndex], row.Id);
        }
        return found;
    }

    /// <summary>Tags active on a day for the people in an id range under a path: one query for a whole batch of people.</summary>
    private async Task<Dictionary<int, List<string>>> TagsOnAsync(int fromId, int toId, string underPath, DateOnly on, CancellationToken ct)
    {
        var rows = await db.Set<PersonTag>().AsNoTracking()
            .Where(pt => pt.PersonId >= fromId && pt.PersonId <= toId && pt.Path.StartsWith(underPath) && pt.ValidFrom <= on && (pt.ValidTo == null || pt.ValidTo >= on))
            .Join(db.Set<TagDefinition>(), pt => pt.TagId, t => t.Id, (pt, t) => new { pt.PersonId, t.Code }).ToListAsync(ct);
        return rows.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.Select(r => r.Code).Distinct().ToList());
    }

    public async Task<bool> SendTextAsync(int personId, string text, CancellationToken ct)
    {
        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person?.Phone is not { } phone) return false;
        db.Add(PersonAccess.Record(person, user.UserId ?? "", user.UserName, AccessKind.TextSent, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        await texts.SendAsync(phone, text, ct);
        return true;
    }
}
