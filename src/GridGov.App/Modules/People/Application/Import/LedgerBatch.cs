using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Import;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.People.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application.Import;

public sealed record LedgerRow(int Number, string GridCode, string Household, string Address, string Name, IdNumber Id, string? Phone,
    string Relation, Residency Residency);

/// <summary>
/// One run of the ledger import: each row is checked on its own, then each chunk against the
/// ledger and the domain (grids in scope, one head per household, ID numbers held elsewhere sent to
/// review). A commit updates known people through the domain and inserts new ones in bulk.
/// </summary>
public sealed class LedgerBatch(GridGovDbContext db, CurrentUser user, ITerritoryDirectory territory, TimeProvider clock, ImportRun run)
    : IImportBatch<LedgerRow>
{
    public int Created { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int NewHouseholds { get; private set; }
    public int SentToReview { get; private set; }

    private sealed record Review(Person Existing, Household Household, LedgerRow Row);

    private readonly DateOnly _today = clock.Today();
    // Keyed by the first 17 digits, which decide the check character: a million rows' worth of longs instead of strings.
    private readonly Dictionary<long, int> _seen = [];
    private readonly Dictionary<string, (GridRef? Grid, string? Code)> _grids = [];
    private readonly Dictionary<(int Grid, string Number), Household> _households = [];
    // Heads of every household the file touches, stored or new: the domain refuses a second one on any row.
    private readonly HouseholdHeads _heads = new();
    private readonly Dictionary<string, TallyDelta> _added = [];
    private readonly Dictionary<(string Path, int Year, int Month), int> _born = [];
    private int _previewHousehold, _nextPerson, _nextHousehold;

    public async Task StartAsync(CancellationToken ct)
    {
        if (!run.Write) return;
        // New rows are written in bulk with ids taken here; on PostgreSQL the two tables are held
        // against other writers until the transaction ends, so the ids stay free.
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "People", "Households" IN SHARE ROW EXCLUSIVE MODE""", ct);
            // The tables grow chunk by chunk inside this one transaction, where no statistics see
            // the new rows: a prepared statement's cached generic plan, made while People looked
            // empty, kept scanning it whole for every chunk (the import grew with the square of
            // its rows). Each statement of the transaction is planned for the tables as they are.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", ct);
        }
        _nextPerson = await db.Set<Person>().OutsideScope("bulk ids are drawn above the highest in the table").MaxAsync(p => (int?)p.Id, ct) ?? 0;
        _nextHousehold = await db.Set<Household>().OutsideScope("bulk ids are drawn above the highest in the table").MaxAsync(h => (int?)h.Id, ct) ?? 0;
    }

    public LedgerRow? Read(int number, ImportCells cells)
    {
        var before = run.BadRows;
        foreach (var column in LedgerColumns.Required.Where(c => cells[c].Length == 0)) run.Fail(number, column, "required");
        var idText = cells[LedgerColumns.IdNumber];
        IdNumber id = default;
        if (idText.Length > 0)
        {
            var error = IdNumber.TryParse(idText, _today, out id);
            if (error != IdNumberError.None) run.Fail(number, LedgerColumns.IdNumber, "id_" + error.ToString().ToLowerInvariant());
            else if (_seen.TryGetValue(long.Parse(id.Value.AsSpan(0, 17)), out var first)) run.Fail(number, LedgerColumns.IdNumber, "duplicate_in_file", first);
            else _seen[long.Parse(id.Value.AsSpan(0, 17))] = number;
        }
        var phone = cells[LedgerColumns.Phone];
        if (phone.Length > 0 && !Person.IsMobile(phone)) run.Fail(number, LedgerColumns.Phone, "bad_phone");
        var residencyText = cells[LedgerColumns.Residency];
        var residency = Residency.RegisteredResident;
        if (residencyText.Length > 0 && !LedgerColumns.Residencies.TryGetValue(residencyText, out residency))
            run.Fail(number, LedgerColumns.Residency, "unknown_residency", residencyText);
        foreach (var (column, max) in new[] { (LedgerColumns.Name, 50), (LedgerColumns.Household, 40), (LedgerColumns.Address, 200), (LedgerColumns.Relation, 20) })
            if (cells[column].Length > max) run.Fail(number, column, "too_long", max);
        if (run.BadRows > before) return null;
        return new LedgerRow(number, cells[LedgerColumns.Grid], cells[LedgerColumns.Household], cells[LedgerColumns.Address], cells[LedgerColumns.Name], id,
            phone.Length > 0 ? phone : null, cells[LedgerColumns.Relation], residency);
    }

    private TallyDelta AddedAt(Household h) => _added.TryGetValue(h.Path, out var d) ? d : _added[h.Path] = new TallyDelta();

    public async Task ChunkAsync(IReadOnlyList<LedgerRow> chunk, CancellationToken ct)
    {
        await ResolveGridsAsync(chunk, ct);
        var ids = chunk.Select(r => Person.IndexOfId(r.Id.Value)).ToList();
        var people = run.Write ? db.Set<Person>() : db.Set<Person>().AsNoTracking();
        var existing = await people.OutsideScope("an ID number is unique in the whole ledger; rows held elsewhere go to review")
            .Where(p => ids.Contains(p.IdNumberIndex)).ToDictionaryAsync(p => p.IdNumber, ct);
        await KnownHouseholdsAsync(chunk, ct);
        var storedHouseholds = chunk.Select(r => _grids[r.GridCode].Grid is { } g ? _households.GetValueOrDefault((g.Id, r.Household)) : null)
            .OfType<Household>().Where(h => h.Id > 0).Select(h => h.Id);
        await HeadsOfHouseholds.LoadAsync(db, [.. storedHouseholds, .. existing.Values.Select(p => p.HouseholdId)], ct, _heads);
        var written = new Written();
        foreach (var r in chunk) Apply(r, existing, written);
        if (run.Write) await WriteAsync(written, ct);
    }

    private sealed class Written
    {
        public List<(int Id, string Path)> Moved { get; } = [];
        public List<Household> Households { get; } = [];
        public List<Person> People { get; } = [];
        public List<Review> Reviews { get; } = [];
    }

    private void Apply(LedgerRow r, Dictionary<string, Person> existing, Written written)
    {
        var (grid, problem) = _grids[r.GridCode];
        if (problem is not null) { run.Fail(r.Number, LedgerColumns.Grid, problem, r.GridCode); return; }
        var heldElsewhere = false;
        if (existing.TryGetValue(r.Id.Value, out var person))
        {
            heldElsewhere = !user.CanCapture(person.Path);
            if (heldElsewhere)
            {
                SentToReview++;
                run.Notice(r.Number, LedgerColumns.IdNumber, "registered_elsewhere");
            }
            else if (!person.IsActive) { run.Fail(r.Number, LedgerColumns.IdNumber, "conflict_deregistered"); return; }
        }
        if (!_households.TryGetValue((grid!.Id, r.Household), out var household))
        {
            // A preview numbers its new households below zero: they are only checked, never written.
            household = Household.Create(r.Household, r.Address, Placement.OnGrid(grid.Id, grid.Path))
                .WithId(run.Write ? ++_nextHousehold : --_previewHousehold);
            _households[(grid.Id, r.Household)] = household;
            _heads.Know(household.Id, null);
            if (run.Write) written.Households.Add(household);
            AddedAt(household).Households++;
            NewHouseholds++;
        }
        if (heldElsewhere)
        {
            if (run.Write) written.Reviews.Add(new Review(person!, household, r));
            return;
        }
        try
        {
            if (person is null)
            {
                var fresh = Person.Register(household, r.Name, r.Id, r.Phone, r.Relation, r.Residency, _heads);
                if (run.Write) written.People.Add(fresh.WithId(++_nextPerson));
                AddedAt(household).Residents++;
                var month = (household.Path, fresh.BirthDate.Year, fresh.BirthDate.Month);
                _born[month] = _born.GetValueOrDefault(month) + 1;
                Created++;
            }
            else if (Same(person, r) && person.HouseholdId == household.Id) Unchanged++;
            else
            {
                // A preview changes its untracked copy of the person: the same rules, nothing saved.
                // The row's relation is the one in its household: a mover takes it there.
                if (person.HouseholdId != household.Id)
                {
                    person.MoveTo(household, _heads, r.Relation);
                    written.Moved.Add((person.Id, household.Path));
                }
                person.Edit(r.Name, r.Phone, r.Relation, r.Residency, _heads);
                Updated++;
            }
        }
        catch (ConflictException e) when (e.Code == "household_has_head")
        {
            run.Fail(r.Number, LedgerColumns.Relation, "household_has_head", r.Household);
        }
    }

    private async Task WriteAsync(Written written, CancellationToken ct)
    {
        // Updates go through the domain and SaveChanges (history, tallies); new rows in bulk.
        // New households go first: a person the file moves may be moving into one of them.
        await BulkWriter.InsertAsync(db, written.Households, ct);
        await db.SaveChangesAsync(ct);
        foreach (var (id, path) in written.Moved) await TagPaths.FollowPersonAsync(db, id, path, ct);
        await BulkAsync(written.Households, written.People, ct);
        db.ChangeTracker.Clear();
        if (written.Reviews.Count == 0) return;
        var now = clock.UtcNow();
        foreach (var (held, household, r) in written.Reviews)
            db.Add(DuplicateReview.Open(held, household, r.Name, r.Id, r.Phone, r.Relation, r.Residency, user.UserName, now));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private async Task BulkAsync(List<Household> freshHouseholds, List<Person> freshPeople, CancellationToken ct)
    {
        if (freshHouseholds.Count == 0 && freshPeople.Count == 0) return;
        await BulkWriter.InsertAsync(db, freshPeople, ct);
        var at = clock.UtcNow();
        var nextRecord = await db.Set<Kernel.Auditing.ChangeRecord>().OutsideScope("bulk ids are drawn above the highest in the table").MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var records = freshHouseholds.Cast<object>().Concat(freshPeople).Select(e =>
        {
            var record = ChangeTracking.Added(db, e, user, at);
            record.Id = ++nextRecord;
            return record;
        }).ToList();
        await BulkWriter.InsertAsync(db, records, ct);
        await BulkWriter.ResetIdentityAsync<Kernel.Auditing.ChangeRecord>(db, ct);
    }

    public async Task FinishAsync(CancellationToken ct)
    {
        // What the bulk writes added, once per path; updates and moves went through SaveChanges and its tally changes.
        await PopulationTallies.AddAsync(db, _added, ct);
        await TagTallies.AddBornAsync(db, _born, ct);
        await BulkWriter.ResetIdentityAsync<Person>(db, ct);
        await BulkWriter.ResetIdentityAsync<Household>(db, ct);
    }

    private async Task ResolveGridsAsync(IReadOnlyList<LedgerRow> chunk, CancellationToken ct)
    {
        var unknown = chunk.Select(r => r.GridCode).Where(c => !_grids.ContainsKey(c)).Distinct().ToList();
        if (unknown.Count == 0) return;
        var found = await territory.FindGridsAsync(unknown, ct);
        foreach (var code in unknown)
        {
            var g = found.GetValueOrDefault(code);
            var problem = g is null ? "unknown_grid" : g.Level != 3 ? "grid_not_level_three" : g.IsRetired ? "grid_retired" : !user.CanCapture(g.Path) ? "grid_outside_scope" : null;
            _grids[code] = (problem is null ? g : null, problem);
        }
    }

    private async Task KnownHouseholdsAsync(IReadOnlyList<LedgerRow> chunk, CancellationToken ct)
    {
        var wanted = chunk.Where(r => _grids[r.GridCode].Grid is { } g && !_households.ContainsKey((g.Id, r.Household))).ToList();
        if (wanted.Count == 0) return;
        var gridIds = wanted.Select(r => (int?)_grids[r.GridCode].Grid!.Id).Distinct().ToList();
        var numbers = wanted.Select(r => r.Household).Distinct().ToList();
        foreach (var h in await db.Set<Household>().OutsideScope("households are matched on their grid, which the grid check already confined to the capture scope").AsNoTracking()
                     .Where(h => h.IsActive && gridIds.Contains(h.GridId) && numbers.Contains(h.Number)).ToListAsync(ct))
            _households.TryAdd((h.GridId!.Value, h.Number), h);
    }

    private static bool Same(Person p, LedgerRow r) =>
        p.Name == r.Name && p.Phone == r.Phone && p.RelationToHead == r.Relation && p.Residency == r.Residency;
}
