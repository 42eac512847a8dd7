using GridGov.Kernel.Errors;

namespace GridGov.Modules.People.Domain;

/// <summary>
/// Who heads each household in play (户主): a household has one head at a time. Every
/// <see cref="Person"/> method that makes someone a head or brings a head into a household takes
/// this and asks it, so no path (form, API, import, move, duplicate decision) can add a second.
/// A household whose head was not loaded is a programming error, not a pass.
/// </summary>
public sealed class HouseholdHeads
{
    // Household id → its head: a stored person's id, or the claimant (a new person, a file's row) of this unit of work.
    private readonly Dictionary<int, object?> _heads = [];

    /// <summary>Records what the database holds: the household's active head, or none.</summary>
    public void Know(int householdId, int? headId) => _heads.TryAdd(householdId, headId);

    public bool Knows(int householdId) => _heads.ContainsKey(householdId);

    /// <summary>Whether <paramref name="claimant"/> may head the household: it has no head, or this one.</summary>
    public bool MayHead(int householdId, object claimant) =>
        HeadOf(householdId) is not { } head || IsSame(head, claimant);

    /// <summary>Makes <paramref name="claimant"/> the household's head; a second head is refused with 409 household_has_head.</summary>
    public void Claim(int householdId, object claimant)
    {
        if (!MayHead(householdId, claimant)) throw new ConflictException("household_has_head");
        _heads[householdId] = claimant is Person { Id: > 0 } stored ? stored.Id : claimant;
    }

    public void Release(int householdId, object claimant)
    {
        if (HeadOf(householdId) is { } head && IsSame(head, claimant)) _heads[householdId] = null;
    }

    private object? HeadOf(int householdId) => _heads.TryGetValue(householdId, out var head)
        ? head : throw new InvalidOperationException($"The head of household {householdId} was not loaded.");

    private static bool IsSame(object head, object claimant) =>
        ReferenceEquals(head, claimant) || (head is int id && claimant is Person { Id: > 0 } p && p.Id == id);

    public static bool IsHead(string relation) => relation.Trim() == Relations.Head;
}
