using GridGov.Kernel.Time;
using GridGov.Modules.People.Contracts;
using GridGov.Data;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Privacy;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

public sealed record PersonView(int Id, string Name, Masked MaskedIdNumber, Sex Sex, DateOnly BirthDate, int Age, Masked MaskedPhone,
    string RelationToHead, Residency Residency, PersonStatus Status, DateOnly? DeregisteredOn, int HouseholdId, string HouseholdNumber,
    string Address, string? GridCode, string? GridName, string Path, int Version, string? Destination = null);

public sealed record PersonInput(string Name, string? IdNumber, string? Phone, string RelationToHead, Residency Residency = Residency.RegisteredResident);

public sealed record PersonUpdate(string Name, string? Phone, string RelationToHead, Residency Residency, int Version);

/// <summary>
/// What a registration did: the person registered, or the number sent to review. The review's id is
/// given only to a caller who sees the person already holding the number; anyone else learns only
/// that the number is registered and that a reviewer above both records decides.
/// </summary>
public sealed record Registration(PersonView? Person, int? ReviewId, string? Notice = null);

public enum RevealField
{
    IdNumber,
    Phone,
}

/// <summary>
/// The ledger's people: opening a record (recorded), registering (a known ID number goes to review),
/// editing with a version check, moving between households, deregistering, and revealing a masked value.
/// </summary>
public sealed class PersonRegistry(GridGovDbContext db, CurrentUser user, ITerritoryDirectory territory, TimeProvider clock, ChangeLog log)
{
    private DateOnly Today => clock.Today();

    public async Task<PersonView> GetAsync(int id, CancellationToken ct)
    {
        user.Require(PeoplePermissions.View);
        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("person_not_found", id);
        db.Add(PersonAccess.Record(person, user.UserId ?? "", user.UserName, AccessKind.ViewRecord, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return await ViewAsync(person, ct);
    }

    public async Task<Registration> RegisterAsync(int householdId, PersonInput input, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Manage);
        var household = await db.Set<Household>().ForChangeAsync(h => h.Id == householdId, user, "household_not_found", householdId, ct);
        if (!household.IsActive) throw new ConflictException("household_inactive");
        var id = ParseId(input.IdNumber, Today);
        var index = Person.IndexOfId(id.Value);
        var existing = await db.Set<Person>().OutsideScope("an ID number is unique in the whole ledger; the answer reveals nothing outside scope").FirstOrDefaultAsync(p => p.IdNumberIndex == index, ct);
        if (existing is not null)
        {
            var review = DuplicateReview.Open(existing, household, input.Name, id, input.Phone, input.RelationToHead, input.Residency,
                user.UserName, clock.GetUtcNow().UtcDateTime);
            db.Add(review);
            await db.SaveChangesAsync(ct);
            return user.CanView(review.Path) ? new Registration(null, review.Id, "sent_to_review") : new Registration(null, null, "registered_elsewhere");
        }
        var heads = await HeadsOfHouseholds.LoadAsync(db, [household.Id], ct);
        var person = Person.Register(household, input.Name, id, input.Phone, input.RelationToHead, input.Residency, heads);
        db.Add(person);
        await db.SaveChangesAsync(ct);
        return new Registration(await ViewAsync(person, ct), null);
    }

    public async Task<PersonView> UpdateAsync(int id, PersonUpdate input, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Manage);
        var person = await ToChangeAsync(id, ct);
        db.Expect(person, input.Version);
        person.Edit(input.Name, input.Phone, input.RelationToHead, input.Residency, await HeadsOfHouseholds.LoadAsync(db, [person.HouseholdId], ct));
        await db.SaveChangesAsync(ct);
        return await ViewAsync(person, ct);
    }

    public async Task<PersonView> MoveAsync(int id, int householdId, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Manage);
        var person = await ToChangeAsync(id, ct);
        var household = await db.Set<Household>().ForChangeAsync(h => h.Id == householdId, user, "household_not_found", householdId, ct);
        person.MoveTo(household, await HeadsOfHouseholds.LoadAsync(db, [person.HouseholdId, household.Id], ct));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TagPaths.FollowPersonAsync(db, id, household.Path, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(person, ct);
    }

    public async Task<PersonView> DeregisterAsync(int id, PersonStatus reason, DateOnly? on, CancellationToken ct, string? destination = null)
    {
        user.Require(PeoplePermissions.Manage);
        var person = await ToChangeAsync(id, ct);
        person.Deregister(reason, on ?? Today, Today, destination);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(person, ct);
    }

    /// <summary>Puts a deregistered person back on the register, in their household, through the ledger's rules.</summary>
    public async Task<PersonView> ReinstateAsync(int id, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Manage);
        var person = await ToChangeAsync(id, ct);
        var household = await db.Set<Household>().FirstAsync(h => h.Id == person.HouseholdId, ct);
        var heads = await HeadsOfHouseholds.LoadAsync(db, [household.Id], ct);
        person.Reinstate(household, heads);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(person, ct);
    }

    /// <summary>The full value of a masked field, for a role entitled to it; every reveal is recorded.</summary>
    public async Task<string?> RevealAsync(int id, RevealField field, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Reveal);
        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("person_not_found", id);
        var kind = field == RevealField.IdNumber ? AccessKind.RevealIdNumber : AccessKind.RevealPhone;
        db.Add(PersonAccess.Record(person, user.UserId ?? "", user.UserName, kind, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return field == RevealField.IdNumber ? person.IdNumber : person.Phone;
    }

    public async Task<Page<ChangeView>> TimelineAsync(int id, PageRequest page, CancellationToken ct)
    {
        user.Require(PeoplePermissions.View);
        if (!await db.Set<Person>().AnyAsync(p => p.Id == id, ct)) throw new NotFoundException("person_not_found", id);
        var key = id.ToString();
        return await log.PageAsync(db.Set<ChangeRecord>().Where(c => c.EntityType == nameof(Person) && c.EntityId == key), page, ct);
    }

    internal static IdNumber ParseId(string? text, DateOnly today)
    {
        var error = Domain.IdNumber.TryParse(text, today, out var id);
        return error == IdNumberError.None ? id : throw new ValidationException("idNumber", "id_" + error.ToString().ToLowerInvariant());
    }

    private Task<Person> ToChangeAsync(int id, CancellationToken ct) =>
        db.Set<Person>().ForChangeAsync(p => p.Id == id, user, "person_not_found", id, ct);

    private async Task<PersonView> ViewAsync(Person p, CancellationToken ct)
    {
        var household = await db.Set<Household>().OutsideScope("a person seen is shown with their household, wherever it lies").AsNoTracking().FirstAsync(h => h.Id == p.HouseholdId, ct);
        var grid = household.GridId is { } gid ? await territory.FindGridAsync(gid, ct) : null;
        return new PersonView(p.Id, p.Name, Masked.IdNumber(p.IdNumber), p.Sex, p.BirthDate, p.AgeOn(Today), Masked.Phone(p.Phone),
            p.RelationToHead, p.Residency, p.Status, p.DeregisteredOn, household.Id, household.Number, household.Address, grid?.Code,
            grid?.Name, p.Path, p.Version, p.Destination);
    }
}
