using GridGov.Kernel.Errors;
using GridGov.Modules.FieldWork.Domain;
using GridGov.Modules.People.Contracts;

namespace GridGov.Modules.FieldWork.Application;

/// <summary>Finds the subject of a plan, visit or service in the ledger, within the caller's view: one the caller cannot see is not found.</summary>
public sealed class FieldSubjects(IPeopleDirectory people, IProgrammeLedger ledger)
{
    public async Task<Subject> FindAsync(SubjectKind kind, int id, CancellationToken ct)
    {
        Subject? found = kind switch
        {
            SubjectKind.Person => await people.PersonAsync(id, ct) is { IsActive: true, GridId: { } grid } p ? new Subject(kind, id, p.Name, grid, p.Path) : null,
            SubjectKind.Household => await people.HouseholdAsync(id, ct) is { IsActive: true, GridId: { } grid } h
                ? new Subject(kind, id, h.HeadName is null ? h.Address : $"{h.HeadName} · {h.Address}", grid, h.Path) : null,
            SubjectKind.Building => await ledger.BuildingAsync(id, ct) is { GridId: { } grid } b ? new Subject(kind, id, $"{b.Name} · {b.Address}", grid, b.Path) : null,
            SubjectKind.KeyPlace => await ledger.KeyPlaceAsync(id, ct) is { GridId: { } grid } k ? new Subject(kind, id, $"{k.Name} · {k.Address}", grid, k.Path) : null,
            _ => throw new ValidationException("subjectKind", "unknown"),
        };
        return found ?? throw new NotFoundException("subject_not_found", id);
    }

    public Task<IReadOnlyList<PersonRef>> MembersAsync(int householdId, CancellationToken ct) => people.MembersAsync(householdId, ct);

    /// <summary>A person's household, as the subject a service or a watch's household is.</summary>
    public async Task<(Subject Person, int HouseholdId)> PersonAsync(int personId, CancellationToken ct)
    {
        var person = await people.PersonAsync(personId, ct);
        if (person is not { IsActive: true, GridId: { } grid }) throw new NotFoundException("subject_not_found", personId);
        return (new Subject(SubjectKind.Person, personId, person.Name, grid, person.Path), person.HouseholdId);
    }
}
