using GridGov.Data;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

/// <summary>A row of the population tallies or of their pending changes.</summary>
internal sealed class PopulationPart
{
    public string Path { get; init; } = "";
    public int Households { get; init; }
    public int Residents { get; init; }
}

internal static class PopulationParts
{
    /// <summary>
    /// Tallies and pending changes as one query (UNION ALL), so that a fold between two reads
    /// cannot count a change twice or not at all; within the reader's scope, as each table is.
    /// </summary>
    public static IQueryable<PopulationPart> Of(GridGovDbContext db) =>
        db.Set<PopulationTally>().AsNoTracking().Select(t => new PopulationPart { Path = t.Path, Households = t.Households, Residents = t.Residents })
            .Concat(db.Set<PopulationTallyChange>().AsNoTracking().Select(t => new PopulationPart { Path = t.Path, Households = t.Households, Residents = t.Residents }));

    /// <summary>The rollups per level-1 grid and their pending changes, as one query like <see cref="Of"/>.</summary>
    public static IQueryable<PopulationPart> Rolled(GridGovDbContext db) =>
        db.Set<PopulationRollup>().AsNoTracking().Select(t => new PopulationPart { Path = t.Path, Households = t.Households, Residents = t.Residents })
            .Concat(db.Set<PopulationRollupChange>().AsNoTracking().Select(t => new PopulationPart { Path = t.Path, Households = t.Households, Residents = t.Residents }));

    /// <summary>The parts whose sums under <paramref name="place"/> are its counts: the rollups where they answer, else the tallies.</summary>
    public static IQueryable<PopulationPart> Under(GridGovDbContext db, string place) =>
        (PopulationRollup.Answers(place) ? Rolled(db) : Of(db)).Where(t => t.Path.StartsWith(place));
}
