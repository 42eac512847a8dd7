namespace GridGov.Modules.People.Contracts;

/// <summary>A building or key place as a programme names it on a list.</summary>
public sealed record PlaceRef(int Id, string Name, string Address, int? GridId, string Path);

/// <summary>Who a screening's universe is drawn from: under an area, on the grids listed (none: all), households or the people carrying any of the tags.</summary>
public sealed record UniverseQuery(string UnderPath, IReadOnlyCollection<int>? GridIds, IReadOnlyCollection<string>? TagCodes);

/// <summary>One member of a universe: a household (with its active members counted), or a tagged person in theirs.</summary>
public sealed record UniverseMember(int Key, int HouseholdId, int? PersonId, int GridId, string Path, string Label, int People);

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
}
