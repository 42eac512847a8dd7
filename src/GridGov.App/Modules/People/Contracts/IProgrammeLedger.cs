namespace GridGov.Modules.People.Contracts;

/// <summary>A building or key place as a programme names it on a list.</summary>
public sealed record PlaceRef(int Id, string Name, string Address, int? GridId, string Path);

/// <summary>Who a screening's universe is drawn from: under an area, on the grids listed (none: all), households or the people carrying any of the tags.</summary>
public sealed record UniverseQuery(string UnderPath, IReadOnlyCollection<int>? GridIds, IReadOnlyCollection<string>? TagCodes);

/// <summary>One member of a universe: a household (with its active members counted), or a tagged person in theirs.</summary>
public sealed record UniverseMember(int Key, int HouseholdId, int? PersonId, int GridId, string Path, string Label, int People);

/// <summary>
/// What a programme's eligibility rules read of a person on a day: registration, where they live,
/// birth date, residency type, the tags active that day (sensitive ones too: only a verdict leaves
/// the programme) and whether the ledger holds a phone to send a claim code to.
/// </summary>
public sealed record LedgerFacts(int PersonId, string Name, bool IsActive, string Path, DateOnly BirthDate, string Residency,
    IReadOnlyList<string> Tags, bool CanReceiveText);

/// <summary>
/// What programmes change in the ledger, always through its own rules and within the caller's
/// scopes: a deregistration a visit proposed and staff confirmed, a tag a programme keeps (home
/// watch), and the universe a screening freezes.
/// </summary>
public interface IProgrammeLedger
{
    Task<PlaceRef?> BuildingAsync(int id, CancellationToken ct);

    Task<PlaceRef?> KeyPlaceAsync(int id, CancellationToken ct);

    /// <summary>Deregisters a person who moved away, as the caller, by the ledger's rules (the caller needs the ledger's manage permission).</summary>
    Task DeregisterMovedAwayAsync(int personId, DateOnly on, string? destination, CancellationToken ct);

    /// <summary>
    /// Keeps a programme's tag on a person from a day to a day: attached the first time, its end moved
    /// after. Only programmes keep such tags (home watch), so the ledger's hand-attach refuses them.
    /// </summary>
    Task KeepTagAsync(int personId, string tagCode, DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>Attaches an ordinary tag from a day, by the ledger's rules (sensitive tags only for those entitled); false when the person carries it already.</summary>
    Task<bool> AttachTagAsync(int personId, string tagCode, DateOnly from, CancellationToken ct);

    /// <summary>The next members of a universe after the key given, in key order; for the whole tree, acting as the caller's view.</summary>
    Task<IReadOnlyList<UniverseMember>> UniverseAsync(UniverseQuery query, int afterKey, int take, CancellationToken ct);

    /// <summary>The facts of the active people under an area after the id given, in id order, within the caller's view.</summary>
    Task<IReadOnlyList<LedgerFacts>> FactsAsync(string underPath, int afterId, int take, DateOnly on, CancellationToken ct);

    /// <summary>One person's facts, registered or not, if the caller may see them.</summary>
    Task<LedgerFacts?> FactsOfAsync(int personId, DateOnly on, CancellationToken ct);

    /// <summary>The active people with these ID numbers (through the blind index), by ID number as given, within the caller's view.</summary>
    Task<IReadOnlyDictionary<string, int>> FindByIdNumbersAsync(IReadOnlyCollection<string> idNumbers, CancellationToken ct);

    /// <summary>
    /// Sends a text to the phone the ledger holds for a person the caller may see, recording the use
    /// of the number; the number never leaves the ledger. False when there is no phone to send to.
    /// </summary>
    Task<bool> SendTextAsync(int personId, string text, CancellationToken ct);
}
