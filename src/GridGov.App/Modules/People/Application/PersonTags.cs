using GridGov.Kernel.Time;
using GridGov.Modules.People.Contracts;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

public sealed record TagView(int Id, string Code, string Name, string EnglishName, bool IsSensitive, bool HasValidity, bool IsDerived);

public sealed record PersonTagView(int? Id, string Code, string Name, string EnglishName, DateOnly? ValidFrom, DateOnly? ValidTo, bool IsActive, bool IsDerived);

public sealed record AttachTag(string Code, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>The tag catalogue and the tags on people. Sensitive tags exist only for roles entitled to them.</summary>
public sealed class PersonTags(GridGovDbContext db, CurrentUser user, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    private IQueryable<TagDefinition> Visible =>
        db.Set<TagDefinition>().AsNoTracking().Where(t => !t.IsSensitive || user.Has(PeoplePermissions.SensitiveTags));

    public async Task<IReadOnlyList<TagView>> CatalogueAsync(CancellationToken ct)
    {
        user.Require(PeoplePermissions.View);
        return await Visible.OrderBy(t => t.Id)
            .Select(t => new TagView(t.Id, t.Code, t.Name, t.EnglishName, t.IsSensitive, t.HasValidity, t.IsDerived)).ToListAsync(ct);
    }

    public async Task<TagView> DefineAsync(TagView input, CancellationToken ct)
    {
        user.Require(PlatformPermissions.SharedReferenceData);
        if (await db.Set<TagDefinition>().AnyAsync(t => t.Code == input.Code, ct)) throw new ValidationException("code", "duplicate");
        var tag = TagDefinition.Define(input.Code, input.Name, input.EnglishName, input.IsSensitive, input.HasValidity);
        db.Add(tag);
        await db.SaveChangesAsync(ct);
        return new TagView(tag.Id, tag.Code, tag.Name, tag.EnglishName, tag.IsSensitive, tag.HasValidity, tag.IsDerived);
    }

    /// <summary>A tag entitled to the caller, by code; an unknown or hidden code reads as unknown.</summary>
    public async Task<TagDefinition> FindAsync(string code, CancellationToken ct)
    {
        user.Require(PeoplePermissions.View);
        return await Visible.FirstOrDefaultAsync(t => t.Code == code, ct) ?? throw new ValidationException("tag", "unknown_tag");
    }

    public async Task<IReadOnlyList<PersonTagView>> OfPersonAsync(int personId, CancellationToken ct)
    {
        user.Require(PeoplePermissions.View);
        var person = await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw new NotFoundException("person_not_found", personId);
        var today = Today;
        var tags = await db.Set<PersonTag>().AsNoTracking().Where(pt => pt.PersonId == personId)
            .Join(Visible, pt => pt.TagId, t => t.Id, (pt, t) => new { pt, t })
            .OrderByDescending(x => x.pt.Id)
            .Select(x => new PersonTagView(x.pt.Id, x.t.Code, x.t.Name, x.t.EnglishName, x.pt.ValidFrom, x.pt.ValidTo,
                x.pt.ValidFrom <= today && (x.pt.ValidTo == null || x.pt.ValidTo >= today), false))
            .ToListAsync(ct);
        if (person.IsActive && person.AgeOn(today) >= TagDefinition.ElderlyAge
            && await db.Set<TagDefinition>().FirstOrDefaultAsync(t => t.Code == TagDefinition.Elderly, ct) is { } elderly)
            tags.Insert(0, new PersonTagView(null, elderly.Code, elderly.Name, elderly.EnglishName, null, null, true, true));
        return tags;
    }

    public async Task<PersonTagView> AttachAsync(int personId, AttachTag input, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Manage);
        var person = await db.Set<Person>().ForChangeAsync(p => p.Id == personId, user, "person_not_found", personId, ct);
        var tag = await FindAsync(input.Code, ct);
        var from = input.ValidFrom ?? Today;
        var active = await db.Set<PersonTag>().AnyAsync(pt => pt.PersonId == personId && pt.TagId == tag.Id
            && (pt.ValidTo == null || pt.ValidTo >= from), ct);
        var attached = PersonTag.Attach(person, tag, from, input.ValidTo, active);
        db.Add(attached);
        await db.SaveChangesAsync(ct);
        return new PersonTagView(attached.Id, tag.Code, tag.Name, tag.EnglishName, attached.ValidFrom, attached.ValidTo, attached.IsActiveOn(Today), false);
    }

    public async Task EndAsync(int personId, int personTagId, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Manage);
        var attached = await db.Set<PersonTag>().ForChangeAsync(pt => pt.Id == personTagId && pt.PersonId == personId, user, "tag_not_found", personTagId, ct);
        var tag = await FindAsync(await db.Set<TagDefinition>().Where(t => t.Id == attached.TagId).Select(t => t.Code).FirstAsync(ct), ct);
        if (tag.IsKeptByProgramme) throw new ConflictException("tag_kept_by_programme");
        attached.End(Today);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>People who carry the tag today, as a query to filter or count on.</summary>
    internal IQueryable<Person> Carrying(IQueryable<Person> people, TagDefinition tag)
    {
        var today = Today;
        if (tag.Code == TagDefinition.Elderly)
        {
            var born = today.AddYears(-TagDefinition.ElderlyAge);
            return people.Where(p => p.BirthDate <= born);
        }
        var id = tag.Id;
        return people.Where(p => db.Set<PersonTag>().Any(pt => pt.PersonId == p.Id && pt.TagId == id && pt.ValidFrom <= today
            && (pt.ValidTo == null || pt.ValidTo >= today)));
    }
}

/// <summary>Tags carry their person's path; when people move, their tags follow in the same transaction.</summary>
internal static class TagPaths
{
    public static Task FollowHouseholdsAsync(GridGovDbContext db, IReadOnlyCollection<int> householdIds, string path, CancellationToken ct) =>
        db.Set<PersonTag>().Where(t => db.Set<Person>().Any(p => p.Id == t.PersonId && householdIds.Contains(p.HouseholdId)))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Path, path), ct);

    public static Task FollowPersonAsync(GridGovDbContext db, int personId, string path, CancellationToken ct) =>
        db.Set<PersonTag>().Where(t => t.PersonId == personId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Path, path), ct);
}
