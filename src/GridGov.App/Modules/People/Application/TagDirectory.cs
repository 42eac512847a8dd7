using System.Globalization;
using GridGov.Data;
using GridGov.Kernel.Time;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

internal sealed class TagDirectory(PersonTags tags, GridGovDbContext db, TimeProvider clock) : ITagDirectory
{
    private static bool English => CultureInfo.CurrentUICulture.Name.StartsWith("en");

    public async Task<IReadOnlyList<TagRef>> NamesAsync(CancellationToken ct) =>
        await db.Set<TagDefinition>().AsNoTracking().OrderBy(t => t.Id).Select(t => new TagRef(t.Code, English ? t.EnglishName : t.Name)).ToListAsync(ct);

    public async Task<IReadOnlyList<TagRef>> CatalogueAsync(CancellationToken ct) =>
        (await tags.CatalogueAsync(ct)).Select(t => new TagRef(t.Code, English ? t.EnglishName : t.Name)).ToList();

    /// <summary>
    /// Read from the tag tallies (starts on or before today less ends before today) and, for the
    /// elderly, the one month of births the tallies leave to the residents; each tag the caller may see, in catalogue order.
    /// </summary>
    public async Task<IReadOnlyList<TagCount>> CountUnderAsync(string path, CancellationToken ct)
    {
        var catalogue = await tags.CatalogueAsync(ct);
        var today = clock.Today();
        var grain = TagShares.GrainFor(path);
        var kept = await Parts(db.Set<TagTally>(), grain, path, today).Concat(Parts(db.Set<TagTallyChange>(), grain, path, today))
            .GroupBy(r => r.TagId).Select(g => new { TagId = g.Key, N = g.Sum(r => r.Starts) - g.Sum(r => r.Day < today ? r.Ends : 0) })
            .ToDictionaryAsync(r => r.TagId, r => r.N, ct);
        var counts = new List<TagCount>();
        foreach (var tag in catalogue)
        {
            var n = kept.GetValueOrDefault(tag.Id);
            if (tag.Code == TagDefinition.Elderly) n += await ElderlyFromResidentsAsync(grain, path, today, ct);
            counts.Add(new TagCount(tag.Code, English ? tag.EnglishName : tag.Name, n));
        }
        return counts;
    }

    private Task<int> ElderlyFromResidentsAsync(TagTallyGrain grain, string path, DateOnly today, CancellationToken ct)
    {
        var by = TagShares.ElderlyBornBy(today);
        var residents = db.Set<Person>().AsNoTracking().Where(p => p.IsActive && p.BirthDate <= by && p.Path.StartsWith(path));
        if (grain != TagTallyGrain.Place)
        {
            var from = TagShares.ElderlyBornFrom(today);
            residents = residents.Where(p => p.BirthDate >= from);
        }
        return residents.CountAsync(ct);
    }

    private static IQueryable<TagPart> Parts<T>(IQueryable<T> rows, TagTallyGrain grain, string path, DateOnly today) where T : TagTallyRow =>
        rows.AsNoTracking().Where(r => r.Grain == grain && r.Path.StartsWith(path) && r.Day <= today)
            .Select(r => new TagPart { TagId = r.TagId, Day = r.Day, Starts = r.Starts, Ends = r.Ends });

    private sealed class TagPart
    {
        public int TagId { get; init; }
        public DateOnly Day { get; init; }
        public int Starts { get; init; }
        public int Ends { get; init; }
    }
}
