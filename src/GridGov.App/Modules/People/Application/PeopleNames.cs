using GridGov.Data;
using GridGov.Kernel.Naming;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

/// <summary>Households by number and address, buildings, people and tags by name in history lines, read through the caller's scope.</summary>
internal sealed class PeopleNames(GridGovDbContext db) : IRecordNamer
{
    public IReadOnlyCollection<string> Types { get; } = [nameof(Household), nameof(Building), nameof(Person), "Tag", nameof(TagDefinition)];

    public async Task<IReadOnlyDictionary<int, string>> NamesAsync(string type, IReadOnlyCollection<int> ids, CancellationToken ct) => type switch
    {
        nameof(Household) => await db.Set<Household>().AsNoTracking().Where(h => ids.Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => h.Number + " · " + h.Address, ct),
        nameof(Building) => await db.Set<Building>().AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct),
        nameof(Person) => await db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct),
        _ => await db.Set<TagDefinition>().AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct),
    };
}
