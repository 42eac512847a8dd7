using GridGov.Kernel.Privacy;
using GridGov.Kernel.Paging;

namespace GridGov.Modules.People.Contracts;

/// <summary>A person as other modules see them: masked, with their household, grid and active tags.</summary>
public sealed record PersonRef(int Id, string Name, Masked MaskedIdNumber, string Sex, DateOnly BirthDate, int HouseholdId,
    string HouseholdNumber, int? GridId, string Path, bool IsActive, IReadOnlyList<string> TagCodes);

/// <summary>A person as a picker lists them: enough to tell two of the same name apart, nothing more.</summary>
public sealed record PersonPick(int Id, string Name, Masked MaskedIdNumber, int HouseholdId, string Address);

public sealed record HouseholdRef(int Id, string Number, string Address, int? GridId, string Path, bool IsActive, int Members, string? HeadName);

/// <summary>
/// What the coming programmes (field work, vouchers, targets) ask of the ledger: persons and
/// households by id, by ID number (through its blind index), by grid and by tag, always within
/// the caller's view scope, personal numbers masked.
/// </summary>
public interface IPeopleDirectory
{
    Task<PersonRef?> PersonAsync(int id, CancellationToken ct);

    /// <summary>The active person with this ID number, if the caller may see them.</summary>
    Task<PersonRef?> PersonByIdNumberAsync(string idNumber, CancellationToken ct);

    Task<Page<PersonRef>> PeopleOnGridAsync(int gridId, PageRequest page, CancellationToken ct);

    /// <summary>Active people holding the tag today (elderly, disabled, …), sensitive tags only for those who may see them.</summary>
    Task<Page<PersonRef>> PeopleWithTagAsync(string tagCode, PageRequest page, CancellationToken ct);

    Task<HouseholdRef?> HouseholdAsync(int id, CancellationToken ct);

    /// <summary>Active people found by name, pinyin, ID number or its tail, phone or address, as the ledger's own search finds them.</summary>
    Task<IReadOnlyList<PersonPick>> FindAsync(string text, int limit, CancellationToken ct);

    /// <summary>The household's active members, heads first.</summary>
    Task<IReadOnlyList<PersonRef>> MembersAsync(int householdId, CancellationToken ct);

    Task<Page<HouseholdRef>> HouseholdsOnGridAsync(int gridId, PageRequest page, CancellationToken ct);
}
