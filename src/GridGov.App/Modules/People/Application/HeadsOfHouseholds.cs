using GridGov.Kernel.Scoping;
using GridGov.Data;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

internal static class HeadsOfHouseholds
{
    /// <summary>
    /// The active heads of the given households, whatever the caller's view: the rule counts heads
    /// the caller may not see (the answer says no more than "this household has a head").
    /// </summary>
    public static async Task<HouseholdHeads> LoadAsync(GridGovDbContext db, IReadOnlyCollection<int> householdIds, CancellationToken ct,
        HouseholdHeads? into = null)
    {
        var heads = into ?? new HouseholdHeads();
        var wanted = householdIds.Where(id => !heads.Knows(id)).Distinct().ToList();
        if (wanted.Count == 0) return heads;
        var found = await db.Set<Person>().OutsideScope("the one-head rule counts heads the caller may not see")
            .Where(p => wanted.Contains(p.HouseholdId) && p.IsActive && p.RelationToHead == Relations.Head)
            .Select(p => new { p.HouseholdId, p.Id }).ToListAsync(ct);
        foreach (var head in found) heads.Know(head.HouseholdId, head.Id);
        foreach (var id in wanted) heads.Know(id, null);
        return heads;
    }
}
