using GridGov.Data;
using GridGov.Kernel.Import;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.Territory.Contracts;

namespace GridGov.Modules.People.Application.Import;

/// <param name="SentToReview">
/// Rows whose ID number is already held outside the importer's scope: they are not registered but
/// sent to the reviewer who sees both records, and the report says no more than that.
/// </param>
public sealed record ImportReport(string Token, int Rows, int GoodRows, int BadRows, int NewPeople, int UpdatedPeople, int Unchanged,
    int NewHouseholds, IReadOnlyList<RowError> Errors, bool Committed, int SentToReview = 0, IReadOnlyList<RowError>? Notices = null);

/// <summary>
/// The county's ledger, one row per person, from Excel or CSV, on the Kernel's
/// <see cref="ImportPipeline"/>: a preview lists every bad row (row number, column, reason); a
/// commit writes everything in one transaction, or, when the user chooses, only the good rows.
/// People are matched on their ID number, so importing the same file again changes nothing, and
/// changed fields become updates kept in history.
/// </summary>
public sealed class LedgerImport(ImportPipeline pipeline, LedgerKind kind)
{
    public async Task<ImportReport> UploadAsync(Stream content, CancellationToken ct) => Report(await pipeline.UploadAsync(kind, content, ct));

    public async Task<ImportReport> PreviewAsync(string token, CancellationToken ct) => Report(await pipeline.PreviewAsync(kind, token, ct));

    public async Task<ImportReport> CommitAsync(string token, bool goodRowsOnly, CancellationToken ct) =>
        Report(await pipeline.CommitAsync(kind, token, goodRowsOnly, ct));

    private static ImportReport Report((ImportResult Result, LedgerBatch Batch) run)
    {
        var (r, b) = run;
        return new ImportReport(r.Token, r.Rows, r.Rows - r.BadRows, r.BadRows, b.Created, b.Updated, b.Unchanged, b.NewHouseholds,
            r.Errors, r.Committed, b.SentToReview, r.Notices);
    }
}

/// <summary>The ledger as an import kind: the People manager imports it, with the template's columns.</summary>
public sealed class LedgerKind(GridGovDbContext db, CurrentUser user, ITerritoryDirectory territory, TimeProvider clock) : IImportKind<LedgerRow, LedgerBatch>
{
    public string Name => "ledger";
    public Permission Permission => PeoplePermissions.Manage;
    public IReadOnlyList<string> RequiredColumns => LedgerColumns.Required;
    public int MaxColumns => LedgerColumns.MaxColumns;

    public LedgerBatch Begin(ImportRun run) => new(db, user, territory, clock, run);
}
