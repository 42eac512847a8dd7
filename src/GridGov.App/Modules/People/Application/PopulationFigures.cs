using GridGov.Data;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Tallies;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

/// <summary>Households and residents now, on the Kernel's read contract: sums of the population tallies under a place.</summary>
internal sealed class PopulationFigureSource(GridGovDbContext db) : IFigureSource
{
    public const string Households = "people.households";
    public const string Residents = "people.residents";

    public IReadOnlyList<FigureDefinition> Figures { get; } =
    [
        new(Households, "Figure.people.households", FigureKind.Count, PeriodBound: false, ListLink: "/territory/{area}"),
        new(Residents, "Figure.people.residents", FigureKind.Count, PeriodBound: false, ListLink: "/people?area={area}"),
    ];

    public bool MayRead(CurrentUser user) => user.Has(PeoplePermissions.View);

    public async Task<IReadOnlyDictionary<string, double?>> ReadAsync(FigureQuery query, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var sums = await PopulationParts.Under(db, query.Path)
            .GroupBy(_ => 1).Select(g => new { Households = g.Sum(t => t.Households), Residents = g.Sum(t => t.Residents) })
            .FirstOrDefaultAsync(ct);
        var all = new Dictionary<string, double?> { [Households] = sums?.Households ?? 0, [Residents] = sums?.Residents ?? 0 };
        return all.Where(a => keys.Contains(a.Key)).ToDictionary();
    }
}

/// <summary>The population tallies and their pending changes, kept by every save and bulk load, agree with a count of the active households and residents at each path.</summary>
internal sealed class PopulationTallyCheck(GridGovDbContext db) : ITallyCheck
{

    public string Tally => "population";

    public async Task<IReadOnlyList<TallyDifference>> DifferencesAsync(CancellationToken ct)
    {
        var tallies = db.Set<PopulationTally>().OutsideScope("a tally check compares the whole deployment")
            .Select(t => new PopulationPart { Path = t.Path, Households = t.Households, Residents = t.Residents });
        var changes = db.Set<PopulationTallyChange>().OutsideScope("a tally check compares the whole deployment")
            .Select(t => new PopulationPart { Path = t.Path, Households = t.Households, Residents = t.Residents });
        var kept = (await tallies.Concat(changes).GroupBy(t => t.Path)
                .Select(g => new { Path = g.Key, Households = g.Sum(t => t.Households), Residents = g.Sum(t => t.Residents) })
                .Where(t => t.Households != 0 || t.Residents != 0).ToListAsync(ct))
            .ToDictionary(t => t.Path, t => (t.Households, t.Residents));
        var households = await db.Set<Household>().OutsideScope("a tally check compares the whole deployment").Where(h => h.IsActive).GroupBy(h => h.Path)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var residents = await db.Set<Person>().OutsideScope("a tally check compares the whole deployment").Where(p => p.IsActive).GroupBy(p => p.Path)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var differences = new List<TallyDifference>();
        foreach (var path in kept.Keys.Union(households.Keys).Union(residents.Keys))
        {
            var k = kept.GetValueOrDefault(path);
            var r = (households.GetValueOrDefault(path), residents.GetValueOrDefault(path));
            if (k != r) differences.Add(new TallyDifference(Tally, path, $"{k.Households} households, {k.Residents} residents", $"{r.Item1} households, {r.Item2} residents"));
        }
        var rolled = (await PopulationParts.Rolled(db).OutsideScope("a tally check compares the whole deployment").GroupBy(t => t.Path)
                .Select(g => new { Path = g.Key, Households = g.Sum(t => t.Households), Residents = g.Sum(t => t.Residents) })
                .Where(t => t.Households != 0 || t.Residents != 0).ToListAsync(ct))
            .ToDictionary(t => t.Path, t => (t.Households, t.Residents));
        var recounted = households.Keys.Union(residents.Keys).GroupBy(PopulationRollup.KeyOf)
            .ToDictionary(g => g.Key, g => (g.Sum(p => households.GetValueOrDefault(p)), g.Sum(p => residents.GetValueOrDefault(p))));
        foreach (var path in rolled.Keys.Union(recounted.Keys))
        {
            var k = rolled.GetValueOrDefault(path);
            var r = recounted.GetValueOrDefault(path);
            if (k != r) differences.Add(new TallyDifference(Tally, "rollup " + path, $"{k.Households} households, {k.Residents} residents", $"{r.Item1} households, {r.Item2} residents"));
        }
        return differences;
    }
}
