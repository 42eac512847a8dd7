using GridGov.Data;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Tallies;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GridGov.Modules.People.Application;

/// <summary>
/// Keeps the tag tallies on the Kernel's tally engine. A save that attaches, ends or changes a tag,
/// or that moves, registers, deregisters or reinstates a resident, adds in the same transaction each
/// affected resident's new share (<see cref="TagShares"/>) less their old one; bulk moves and loads
/// add what they moved or wrote; <see cref="RebuildAsync"/> recounts everything.
/// </summary>
internal sealed class TagTallies : ISaveHook
{
    public static readonly TallyShape Shape = new("tags", "TagTallies", "TagTallyChanges", ["Grain", "Path", "TagId", "Day"], ["Starts", "Ends"]);

    private sealed record ResidentChange(Person Person, TaggedResident? Old, TaggedResident? New);

    private sealed record TagChange(PersonTag Tag, TagSpan? Old);

    public Func<GridGovDbContext, CancellationToken, Task>? Prepare(ChangeTracker changes)
    {
        var residents = new List<ResidentChange>();
        foreach (var entry in changes.Entries<Person>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (entry.State == EntityState.Modified && !Counts(entry)) continue;
            residents.Add(new ResidentChange(entry.Entity,
                entry.State == EntityState.Added ? null : Resident(entry, original: true),
                entry.State == EntityState.Deleted ? null : Resident(entry, original: false)));
        }
        var tags = new List<TagChange>();
        foreach (var entry in changes.Entries<PersonTag>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            tags.Add(new TagChange(entry.Entity, entry.State == EntityState.Added ? null : Span(entry)));
        }
        if (residents.Count == 0 && tags.Count == 0) return null;
        return (db, ct) => WriteAsync(db, residents, tags, ct);
    }

    private static bool Counts(EntityEntry<Person> entry) =>
        entry.Property(p => p.Path).IsModified || entry.Property(p => p.IsActive).IsModified || entry.Property(p => p.BirthDate).IsModified;

    private static TaggedResident Resident(EntityEntry<Person> entry, bool original) => original
        ? new TaggedResident(entry.Property(p => p.Path).OriginalValue, entry.Property(p => p.IsActive).OriginalValue, entry.Property(p => p.BirthDate).OriginalValue)
        : new TaggedResident(entry.Entity.Path, entry.Entity.IsActive, entry.Entity.BirthDate);

    private static TagSpan Span(EntityEntry<PersonTag> entry) =>
        new(entry.Property(t => t.TagId).OriginalValue, entry.Property(t => t.ValidFrom).OriginalValue, entry.Property(t => t.ValidTo).OriginalValue);

    /// <summary>
    /// After the save, when every id is known: each affected resident's tags as they are now, and as
    /// they were (the tags this save changed put back), give the new share and the old.
    /// </summary>
    private static async Task WriteAsync(GridGovDbContext db, List<ResidentChange> residents, List<TagChange> tags, CancellationToken ct)
    {
        var elderly = await ElderlyIdAsync(db, ct);
        var states = residents.ToDictionary(r => r.Person.Id, r => (r.Old, r.New));
        var ids = states.Keys.Union(tags.Select(t => t.Tag.PersonId)).ToList();
        var deltas = new TagDeltas();
        foreach (var chunk in ids.Chunk(1000))
        {
            var now = (await db.Set<PersonTag>().OutsideScope("the tag tallies follow every resident they count, as the system").Where(t => chunk.Contains(t.PersonId))
                    .Select(t => new { t.Id, t.PersonId, Span = new TagSpan(t.TagId, t.ValidFrom, t.ValidTo) }).ToListAsync(ct))
                .ToLookup(t => t.PersonId);
            var unchanged = chunk.Where(id => !states.ContainsKey(id)).ToList();
            foreach (var p in await db.Set<Person>().OutsideScope("the tag tallies follow every resident they count, as the system").Where(p => unchanged.Contains(p.Id))
                         .Select(p => new { p.Id, Resident = new TaggedResident(p.Path, p.IsActive, p.BirthDate) }).ToListAsync(ct))
                states[p.Id] = (p.Resident, p.Resident);
            foreach (var id in chunk)
            {
                var (old, current) = states[id];
                var changed = tags.Where(t => t.Tag.PersonId == id).ToList();
                var changedIds = changed.Select(t => t.Tag.Id).ToHashSet();
                var newTags = now[id].Select(t => t.Span).ToList();
                var oldTags = now[id].Where(t => !changedIds.Contains(t.Id)).Select(t => t.Span)
                    .Concat(changed.Where(t => t.Old is not null).Select(t => t.Old!.Value)).ToList();
                if (old is { } before) deltas.Add(TagShares.Of(before, oldTags, elderly), -1);
                if (current is { } after) deltas.Add(TagShares.Of(after, newTags, elderly), 1);
            }
        }
        foreach (var row in deltas.Rows<TagTallyChange>()) db.Add(row);
    }

    public static Task<int?> ElderlyIdAsync(GridGovDbContext db, CancellationToken ct) =>
        db.Set<TagDefinition>().Where(t => t.Code == TagDefinition.Elderly).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The share of residents a bulk statement is about to move to <paramref name="toPath"/>, taken
    /// from where they are and added where they go, counted in the database before they move.
    /// </summary>
    public static async Task MoveMembersAsync(GridGovDbContext db, IReadOnlyCollection<int> householdIds, string toPath, CancellationToken ct)
    {
        var members = db.Set<Person>().Where(p => householdIds.Contains(p.HouseholdId) && p.IsActive && p.Path != toPath);
        var deltas = new TagDeltas();
        await AddGroupsAsync(db, members, deltas, -1, atPath: null, ct);
        await AddGroupsAsync(db, members, deltas, 1, atPath: _ => toPath, ct);
        foreach (var row in deltas.Rows<TagTallyChange>()) db.Add(row);
    }

    /// <summary>
    /// A subtree about to move: the generic path rewrite carries its own rows along, and this moves
    /// its residents' share of the county and township rows it leaves and enters.
    /// </summary>
    public static async Task FollowMoveAsync(GridGovDbContext db, string oldPath, string newPath, CancellationToken ct)
    {
        if (TreePath.CountyPath(oldPath) == TreePath.CountyPath(newPath) && TreePath.TownshipPath(oldPath) == TreePath.TownshipPath(newPath)) return;
        var residents = db.Set<Person>().Where(p => p.IsActive && p.Path.StartsWith(oldPath));
        var deltas = new TagDeltas();
        await AddGroupsAsync(db, residents, deltas, -1, atPath: null, ct);
        await AddGroupsAsync(db, residents, deltas, 1, atPath: path => newPath + path[oldPath.Length..], ct);
        foreach (var row in deltas.Rows<TagTallyChange>().Where(r => r.Grain != TagTallyGrain.Place)) db.Add(row);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Adds the shares of <paramref name="residents"/> (active ones), grouped in the database by
    /// place, tag span and birth month; at <paramref name="atPath"/> instead of their own path where given.
    /// </summary>
    private static async Task AddGroupsAsync(GridGovDbContext db, IQueryable<Person> residents, TagDeltas deltas, int sign, Func<string, string>? atPath, CancellationToken ct)
    {
        var elderly = await ElderlyIdAsync(db, ct);
        var spans = await db.Set<PersonTag>().OutsideScope("the tag tallies follow every resident they count, as the system")
            .Join(residents, t => t.PersonId, p => p.Id, (t, p) => new { p.Path, t.TagId, t.ValidFrom, t.ValidTo })
            .GroupBy(x => new { x.Path, x.TagId, x.ValidFrom, x.ValidTo })
            .Select(g => new { g.Key.Path, g.Key.TagId, g.Key.ValidFrom, g.Key.ValidTo, N = g.Count() })
            .ToListAsync(ct);
        foreach (var g in spans)
            deltas.Add(TagShares.Of(new TaggedResident(atPath?.Invoke(g.Path) ?? g.Path, true, default), [new TagSpan(g.TagId, g.ValidFrom, g.ValidTo)], null), sign * g.N);
        if (elderly is null) return;
        var births = await residents.GroupBy(p => new { p.Path, p.BirthDate.Year, p.BirthDate.Month })
            .Select(g => new { g.Key.Path, g.Key.Year, g.Key.Month, N = g.Count() }).ToListAsync(ct);
        foreach (var g in births)
            deltas.Add(TagShares.Of(new TaggedResident(atPath?.Invoke(g.Path) ?? g.Path, true, new DateOnly(g.Year, g.Month, 1)), [], elderly), sign * g.N);
    }

    /// <summary>The tallies' share of residents a bulk load has just written (they carry no tags yet): their birth months.</summary>
    public static async Task AddBornAsync(GridGovDbContext db, IReadOnlyDictionary<(string Path, int Year, int Month), int> born, CancellationToken ct)
    {
        if (born.Count == 0 || await ElderlyIdAsync(db, ct) is not { } elderly) return;
        var deltas = new TagDeltas();
        foreach (var ((path, year, month), n) in born)
            deltas.Add(TagShares.Of(new TaggedResident(path, true, new DateOnly(year, month, 1)), [], elderly), n);
        await UpsertAsync(db, deltas, ct);
    }

    /// <summary>Rebuilds every tag tally from the residents and their tags, after a bulk load.</summary>
    public static async Task RebuildAsync(GridGovDbContext db, CancellationToken ct)
    {
        await db.Set<TagTallyChange>().OutsideScope("the tag tallies follow every resident they count, as the system").ExecuteDeleteAsync(ct);
        await db.Set<TagTally>().OutsideScope("the tag tallies follow every resident they count, as the system").ExecuteDeleteAsync(ct);
        var deltas = await RecountAsync(db, ct);
        await BulkWriter.InsertAsync(db, deltas.Rows<TagTally>(), ct);
    }

    /// <summary>
    /// Builds the tallies once for a register that has residents but none: a database from before
    /// the tag tallies. Each resident has a row from the start (being elderly, now or later), so an
    /// empty table beside residents means never built, not nothing to count.
    /// </summary>
    public static async Task BackfillAsync(GridGovDbContext db, Microsoft.Extensions.Logging.ILogger log, CancellationToken ct)
    {
        if (await db.Set<TagTally>().OutsideScope("the tag tallies follow every resident they count, as the system").AnyAsync(ct) || await db.Set<TagTallyChange>().OutsideScope("the tag tallies follow every resident they count, as the system").AnyAsync(ct)) return;
        if (!await db.Set<Person>().OutsideScope("the tag tallies follow every resident they count, as the system").AnyAsync(p => p.IsActive, ct)) return;
        Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(log, "Building the tag tallies from the register");
        await RebuildAsync(db, ct);
    }

    /// <summary>What the tallies should hold, counted from every active resident and their tags.</summary>
    public static async Task<TagDeltas> RecountAsync(GridGovDbContext db, CancellationToken ct)
    {
        var deltas = new TagDeltas();
        await AddGroupsAsync(db, db.Set<Person>().OutsideScope("the tag tallies follow every resident they count, as the system").Where(p => p.IsActive), deltas, 1, atPath: null, ct);
        return deltas;
    }

    private static Task UpsertAsync(GridGovDbContext db, TagDeltas deltas, CancellationToken ct) =>
        TallyUpsert.AddAsync(db, Shape, deltas.Rows<TagTally>().Select(r => new object[] { (int)r.Grain, r.Path, r.TagId, r.Day, r.Starts, r.Ends }), ct);
}

/// <summary>Starts and ends added up per key, to be written as tally rows or compared with them.</summary>
internal sealed class TagDeltas
{
    private readonly Dictionary<TagTallyKey, (int Starts, int Ends)> _cells = [];

    public IReadOnlyDictionary<TagTallyKey, (int Starts, int Ends)> Cells => _cells;

    public void Add(IEnumerable<(TagTallyKey Key, int Starts, int Ends)> shares, int times)
    {
        foreach (var (key, starts, ends) in shares)
        {
            var (s, e) = _cells.GetValueOrDefault(key);
            _cells[key] = (s + times * starts, e + times * ends);
        }
    }

    public IEnumerable<T> Rows<T>() where T : TagTallyRow, new() => _cells.Where(c => c.Value != (0, 0)).Select(c => new T
    {
        Grain = c.Key.Grain, Path = c.Key.Path, TagId = c.Key.TagId, Day = c.Key.Day, Starts = c.Value.Starts, Ends = c.Value.Ends,
    });
}

/// <summary>The tag tallies and their pending changes agree, key by key, with a recount of the active residents and their tags.</summary>
internal sealed class TagTallyCheck(GridGovDbContext db) : ITallyCheck
{
    public string Tally => "tags";

    public async Task<IReadOnlyList<TallyDifference>> DifferencesAsync(CancellationToken ct)
    {
        var kept = new TagDeltas();
        foreach (var r in await db.Set<TagTally>().OutsideScope("a tally check compares the whole deployment").AsNoTracking().ToListAsync(ct)) kept.Add([(Key(r), r.Starts, r.Ends)], 1);
        foreach (var r in await db.Set<TagTallyChange>().OutsideScope("a tally check compares the whole deployment").AsNoTracking().ToListAsync(ct)) kept.Add([(Key(r), r.Starts, r.Ends)], 1);
        var recounted = (await TagTallies.RecountAsync(db, ct)).Cells;
        var differences = new List<TallyDifference>();
        foreach (var key in kept.Cells.Keys.Union(recounted.Keys))
        {
            var k = kept.Cells.GetValueOrDefault(key);
            var r = recounted.GetValueOrDefault(key);
            if (k != r) differences.Add(new TallyDifference(Tally, $"{key.Grain} {key.Path} tag {key.TagId} {key.Day:yyyy-MM-dd}", $"{k.Starts} starts, {k.Ends} ends", $"{r.Starts} starts, {r.Ends} ends"));
        }
        return differences;
    }

    private static TagTallyKey Key(TagTallyRow r) => new(r.Grain, r.Path, r.TagId, r.Day);
}
