using GridGov.Kernel.Scoping;
using GridGov.Kernel.Time;
using GridGov.Modules.People.Contracts;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Localization;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GridGov.Modules.People.Application.Import;

public sealed record RowError(int Row, string Column, string Code, string Message);

/// <param name="SentToReview">
/// Rows whose ID number is already held outside the importer's scope: they are not registered but
/// sent to the reviewer who sees both records, and the report says no more than that.
/// </param>
public sealed record ImportReport(string Token, int Rows, int GoodRows, int BadRows, int NewPeople, int UpdatedPeople, int Unchanged,
    int NewHouseholds, IReadOnlyList<RowError> Errors, bool Committed, int SentToReview = 0, IReadOnlyList<RowError>? Notices = null);

/// <summary>
/// The county's ledger, one row per person, from Excel or CSV. Upload gives a preview that lists
/// every bad row (row number, column, reason); commit writes everything in one transaction, or,
/// when the user chooses, only the good rows. People are matched on their ID number, so importing
/// the same file again changes nothing, and changed fields become updates kept in history.
/// </summary>
public sealed class LedgerImport(GridGovDbContext db, CurrentUser user, ITerritoryDirectory territory, ImportStore store,
    IStringLocalizer<Strings> text, TimeProvider clock)
{
    private const int Chunk = 5000;
    private const int ListedErrors = 1000;

    private sealed record Review(Person Existing, Household Household, Row Row);

    private sealed record Row(int Number, string GridCode, string Household, string Address, string Name, IdNumber Id, string? Phone,
        string Relation, Residency Residency);

    public async Task<ImportReport> UploadAsync(Stream content, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Manage);
        var token = await store.SaveAsync(content, user.UserId ?? "", ct);
        try
        {
            return await RunAsync(token, write: false, goodRowsOnly: false, ct);
        }
        catch (AppException)
        {
            store.Delete(token);
            throw;
        }
    }

    public async Task<ImportReport> PreviewAsync(string token, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Manage);
        return await RunAsync(token, write: false, goodRowsOnly: false, ct);
    }

    public async Task<ImportReport> CommitAsync(string token, bool goodRowsOnly, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Manage);
        // One pass checks and writes; a bad row found on the way undoes the whole transaction
        // unless only the good rows were asked for.
        var report = await RunAsync(token, write: true, goodRowsOnly, ct);
        store.Delete(token);
        return report;
    }

    private async Task<ImportReport> RunAsync(string token, bool write, bool goodRowsOnly, CancellationToken ct)
    {
        var file = ImportFile.Check(store.PathOf(token, user.UserId ?? ""), store.MaxBytes);
        var missing = LedgerColumns.Required.Except(file.Headers(LedgerColumns.MaxColumns)).ToList();
        if (missing.Count > 0) throw new AppException(400, "import_missing_columns", string.Join("、", missing));

        var errors = new List<RowError>();
        var notices = new List<RowError>();
        var badRows = new HashSet<int>();
        var sentToReview = 0;
        // Paths a moved person entered: the save recounts them from rows half written, so they are recounted once at the end.
        var movedInto = new HashSet<string>();
        // Keyed by the first 17 digits, which decide the check character: a million rows' worth of
        // longs instead of strings.
        var seen = new Dictionary<long, int>();
        var grids = new Dictionary<string, (GridRef? Grid, string? Code)>();
        var households = new Dictionary<(int Grid, string Number), Household>();
        // Heads of every household the file touches, stored or new: the domain refuses a second one on any row.
        var heads = new HouseholdHeads();
        var previewHousehold = 0;
        int rows = 0, created = 0, updated = 0, unchanged = 0, newHouseholds = 0;
        void Fail(int row, string column, string code, params object[] args)
        {
            badRows.Add(row);
            if (errors.Count < ListedErrors) errors.Add(new RowError(row, column, code, text["import." + code, args].Value));
        }

        await using var tx = write ? await db.Database.BeginTransactionAsync(ct) : null;
        // New rows are written in bulk with ids taken here; on PostgreSQL the two tables are held
        // against other writers until the transaction ends, so the ids stay free.
        int nextPerson = 0, nextHousehold = 0;
        if (write)
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "People", "Households" IN SHARE ROW EXCLUSIVE MODE""", ct);
                // The tables grow chunk by chunk inside this one transaction, where no statistics see
                // the new rows: a prepared statement's cached generic plan, made while People looked
                // empty, kept scanning it whole for every chunk (the import grew with the square of
                // its rows). Each statement of the transaction is planned for the tables as they are.
                await db.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", ct);
            }
            nextPerson = await db.Set<Person>().OutsideScope("bulk ids are drawn above the highest in the table").MaxAsync(p => (int?)p.Id, ct) ?? 0;
            nextHousehold = await db.Set<Household>().OutsideScope("bulk ids are drawn above the highest in the table").MaxAsync(h => (int?)h.Id, ct) ?? 0;
        }
        var chunk = new List<Row>(Chunk);
        var added = new Dictionary<string, TallyDelta>();
        TallyDelta AddedAt(Household h) => added.TryGetValue(h.Path, out var d) ? d : added[h.Path] = new TallyDelta(h.GridId);
        async Task FlushAsync()
        {
            if (chunk.Count == 0) return;
            // Once a file is known to fail as a whole, the rest is only checked, not written.
            if (write && !goodRowsOnly && badRows.Count > 0) write = false;
            await ResolveGridsAsync();
            var ids = chunk.Select(r => Person.IndexOfId(r.Id.Value)).ToList();
            var people = write ? db.Set<Person>() : db.Set<Person>().AsNoTracking();
            var existing = await people.OutsideScope("an ID number is unique in the whole ledger; rows held elsewhere go to review").Where(p => ids.Contains(p.IdNumberIndex)).ToDictionaryAsync(p => p.IdNumber, ct);
            await KnownHouseholdsAsync();
            var storedHouseholds = chunk.Select(r => grids[r.GridCode].Grid is { } g ? households.GetValueOrDefault((g.Id, r.Household)) : null)
                .OfType<Household>().Where(h => h.Id > 0).Select(h => h.Id);
            await HeadsOfHouseholds.LoadAsync(db, [.. storedHouseholds, .. existing.Values.Select(p => p.HouseholdId)], ct, heads);
            var moved = new List<(int Id, string Path)>();
            var freshHouseholds = new List<Household>();
            var freshPeople = new List<Person>();
            var reviews = new List<Review>();
            foreach (var r in chunk)
            {
                var (grid, problem) = grids[r.GridCode];
                if (problem is not null) { Fail(r.Number, LedgerColumns.Grid, problem, r.GridCode); continue; }
                var heldElsewhere = false;
                if (existing.TryGetValue(r.Id.Value, out var person))
                {
                    heldElsewhere = !user.CanCapture(person.Path);
                    if (heldElsewhere)
                    {
                        sentToReview++;
                        if (notices.Count < ListedErrors)
                            notices.Add(new RowError(r.Number, LedgerColumns.IdNumber, "registered_elsewhere", text["import.registered_elsewhere"].Value));
                    }
                    else if (!person.IsActive) { Fail(r.Number, LedgerColumns.IdNumber, "conflict_deregistered"); continue; }
                }
                if (!households.TryGetValue((grid!.Id, r.Household), out var household))
                {
                    // A preview numbers its new households below zero: they are only checked, never written.
                    household = Household.Create(r.Household, r.Address, Placement.OnGrid(grid.Id, grid.Path))
                        .WithId(write ? ++nextHousehold : --previewHousehold);
                    households[(grid.Id, r.Household)] = household;
                    heads.Know(household.Id, null);
                    if (write) freshHouseholds.Add(household);
                    AddedAt(household).Households++;
                    newHouseholds++;
                }
                if (heldElsewhere)
                {
                    if (write) reviews.Add(new Review(person!, household, r));
                    continue;
                }
                try
                {
                    if (person is null)
                    {
                        var fresh = Person.Register(household, r.Name, r.Id, r.Phone, r.Relation, r.Residency, heads);
                        if (write) freshPeople.Add(fresh.WithId(++nextPerson));
                        AddedAt(household).Residents++;
                        created++;
                    }
                    else if (Same(person, r) && person.HouseholdId == household.Id) unchanged++;
                    else
                    {
                        // A preview changes its untracked copy of the person: the same rules, nothing saved.
                        // The row's relation is the one in its household: a mover takes it there.
                        if (person.HouseholdId != household.Id)
                        {
                            person.MoveTo(household, heads, r.Relation);
                            moved.Add((person.Id, household.Path));
                            movedInto.Add(household.Path);
                        }
                        person.Edit(r.Name, r.Phone, r.Relation, r.Residency, heads);
                        updated++;
                    }
                }
                catch (ConflictException e) when (e.Code == "household_has_head")
                {
                    Fail(r.Number, LedgerColumns.Relation, "household_has_head", r.Household);
                }
            }
            if (write)
            {
                // Updates go through the domain and SaveChanges (history, tallies); new rows in bulk.
                // New households go first: a person the file moves may be moving into one of them.
                await BulkWriter.InsertAsync(db, freshHouseholds, ct);
                await db.SaveChangesAsync(ct);
                foreach (var (id, path) in moved) await TagPaths.FollowPersonAsync(db, id, path, ct);
                await BulkAsync(freshHouseholds, freshPeople);
                db.ChangeTracker.Clear();
                if (reviews.Count > 0)
                {
                    var now = clock.UtcNow();
                    foreach (var (held, household, r) in reviews)
                        db.Add(DuplicateReview.Open(held, household, r.Name, r.Id, r.Phone, r.Relation, r.Residency, user.UserName, now));
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }
            }
            chunk.Clear();

            async Task ResolveGridsAsync()
            {
                var unknown = chunk.Select(r => r.GridCode).Where(c => !grids.ContainsKey(c)).Distinct().ToList();
                if (unknown.Count == 0) return;
                var found = await territory.FindGridsAsync(unknown, ct);
                foreach (var code in unknown)
                {
                    var g = found.GetValueOrDefault(code);
                    var problem = g is null ? "unknown_grid" : g.Level != 3 ? "grid_not_level_three" : g.IsRetired ? "grid_retired" : !user.CanCapture(g.Path) ? "grid_outside_scope" : null;
                    grids[code] = (problem is null ? g : null, problem);
                }
            }

            async Task KnownHouseholdsAsync()
            {
                var wanted = chunk.Where(r => grids[r.GridCode].Grid is { } g && !households.ContainsKey((g.Id, r.Household))).ToList();
                if (wanted.Count == 0) return;
                var gridIds = wanted.Select(r => (int?)grids[r.GridCode].Grid!.Id).Distinct().ToList();
                var numbers = wanted.Select(r => r.Household).Distinct().ToList();
                foreach (var h in await db.Set<Household>().OutsideScope("households are matched on their grid, which the grid check already confined to the capture scope").AsNoTracking()
                             .Where(h => h.IsActive && gridIds.Contains(h.GridId) && numbers.Contains(h.Number)).ToListAsync(ct))
                    households.TryAdd((h.GridId!.Value, h.Number), h);
            }
        }

        async Task BulkAsync(List<Household> freshHouseholds, List<Person> freshPeople)
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

        var number = 1;
        var today = clock.Today();
        foreach (var (raw, unreadable, unreadableArgs) in file.Rows())
        {
            number++;
            if (unreadable is not null)
            {
                rows++;
                Fail(number, "", unreadable["import.".Length..], unreadableArgs);
                continue;
            }
            if (raw.Values.All(v => string.IsNullOrWhiteSpace(Convert.ToString(v)))) continue;
            rows++;
            string Cell(string column) => Convert.ToString(raw.TryGetValue(column, out var v) ? v : null)?.Trim() ?? "";
            var before = badRows.Count;
            foreach (var column in LedgerColumns.Required.Where(c => Cell(c).Length == 0)) Fail(number, column, "required");

            var gridCode = Cell(LedgerColumns.Grid);
            var idText = Cell(LedgerColumns.IdNumber);
            IdNumber id = default;
            if (idText.Length > 0)
            {
                var error = IdNumber.TryParse(idText, today, out id);
                if (error != IdNumberError.None) Fail(number, LedgerColumns.IdNumber, "id_" + error.ToString().ToLowerInvariant());
                else if (seen.TryGetValue(long.Parse(id.Value.AsSpan(0, 17)), out var first)) Fail(number, LedgerColumns.IdNumber, "duplicate_in_file", first);
                else seen[long.Parse(id.Value.AsSpan(0, 17))] = number;
            }
            var phone = Cell(LedgerColumns.Phone);
            if (phone.Length > 0 && !Person.IsMobile(phone)) Fail(number, LedgerColumns.Phone, "bad_phone");
            var residencyText = Cell(LedgerColumns.Residency);
            var residency = Residency.RegisteredResident;
            if (residencyText.Length > 0 && !LedgerColumns.Residencies.TryGetValue(residencyText, out residency))
                Fail(number, LedgerColumns.Residency, "unknown_residency", residencyText);
            foreach (var (column, max) in new[] { (LedgerColumns.Name, 50), (LedgerColumns.Household, 40), (LedgerColumns.Address, 200), (LedgerColumns.Relation, 20) })
                if (Cell(column).Length > max) Fail(number, column, "too_long", max);

            if (badRows.Count > before) continue;
            chunk.Add(new Row(number, gridCode, Cell(LedgerColumns.Household), Cell(LedgerColumns.Address), Cell(LedgerColumns.Name), id,
                phone.Length > 0 ? phone : null, Cell(LedgerColumns.Relation), residency));
            if (chunk.Count == Chunk) await FlushAsync();
        }
        await FlushAsync();
        if (rows == 0) throw new AppException(400, "import_no_rows");
        if (tx is not null)
        {
            if (badRows.Count > 0 && !goodRowsOnly) throw new ConflictException("import_has_errors", badRows.Count);
            // What the bulk writes added, once per grid; updates went through SaveChanges and its tallies.
            foreach (var path in movedInto) added.Remove(path);
            await PopulationTallies.AddAsync(db, added, ct);
            await PopulationTallies.RecountAsync(db, movedInto, ct);
            await BulkWriter.ResetIdentityAsync<Person>(db, ct);
            await BulkWriter.ResetIdentityAsync<Household>(db, ct);
            await tx.CommitAsync(ct);
        }
        return new ImportReport(token, rows, rows - badRows.Count, badRows.Count, created, updated, unchanged, newHouseholds,
            errors.OrderBy(e => e.Row).ToList(), write, sentToReview, notices);
    }

    private static bool Same(Person p, Row r) =>
        p.Name == r.Name && p.Phone == r.Phone && p.RelationToHead == r.Relation && p.Residency == r.Residency;
}
