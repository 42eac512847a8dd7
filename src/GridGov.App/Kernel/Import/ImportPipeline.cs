using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Localization;
using GridGov.Kernel.Security;
using Microsoft.Extensions.Localization;

namespace GridGov.Kernel.Import;

/// <param name="Token">The upload, for preview again and commit; usable by its uploader alone.</param>
public sealed record ImportResult(string Token, int Rows, int BadRows, IReadOnlyList<RowError> Errors, IReadOnlyList<RowError> Notices, bool Committed);

/// <summary>
/// Every module's import: upload (size, type by bytes, zip bombs, entity tricks), a preview that
/// lists every bad row with its row number, column and reason, and a commit that writes the whole
/// file in one transaction or nothing — or, when the uploader chooses, only the good rows. Rows
/// stream from the file and reach the module's batch in chunks, so memory stays flat at a million.
/// </summary>
public sealed class ImportPipeline(GridGovDbContext db, CurrentUser user, ImportStore store, IStringLocalizer<Strings> text)
{
    private string Owner(string kind) => kind + ":" + (user.UserId ?? "");

    public async Task<(ImportResult Result, TBatch Batch)> UploadAsync<TRow, TBatch>(IImportKind<TRow, TBatch> kind, Stream content, CancellationToken ct)
        where TRow : class where TBatch : IImportBatch<TRow>
    {
        user.Require(kind.Permission);
        var token = await store.SaveAsync(content, Owner(kind.Name), ct);
        try
        {
            return await RunAsync<TRow, TBatch>(kind, token, write: false, goodRowsOnly: false, ct);
        }
        catch (AppException)
        {
            store.Delete(token);
            throw;
        }
    }

    public Task<(ImportResult Result, TBatch Batch)> PreviewAsync<TRow, TBatch>(IImportKind<TRow, TBatch> kind, string token, CancellationToken ct)
        where TRow : class where TBatch : IImportBatch<TRow>
    {
        user.Require(kind.Permission);
        return RunAsync<TRow, TBatch>(kind, token, write: false, goodRowsOnly: false, ct);
    }

    public async Task<(ImportResult Result, TBatch Batch)> CommitAsync<TRow, TBatch>(IImportKind<TRow, TBatch> kind, string token, bool goodRowsOnly, CancellationToken ct)
        where TRow : class where TBatch : IImportBatch<TRow>
    {
        user.Require(kind.Permission);
        // One pass checks and writes; a bad row found on the way undoes the whole transaction
        // unless only the good rows were asked for.
        var outcome = await RunAsync<TRow, TBatch>(kind, token, write: true, goodRowsOnly, ct);
        store.Delete(token);
        return outcome;
    }

    private async Task<(ImportResult, TBatch)> RunAsync<TRow, TBatch>(IImportKind<TRow, TBatch> kind, string token, bool write, bool goodRowsOnly, CancellationToken ct)
        where TRow : class where TBatch : IImportBatch<TRow>
    {
        var file = ImportFile.Check(store.PathOf(token, Owner(kind.Name)), store.MaxBytes);
        var missing = kind.RequiredColumns.Except(file.Headers(kind.MaxColumns)).ToList();
        if (missing.Count > 0) throw new AppException(400, "import_missing_columns", string.Join("、", missing));

        var run = new ImportRun(text, write, goodRowsOnly);
        await using var tx = write ? await db.Database.BeginTransactionAsync(ct) : null;
        var batch = kind.Begin(run);
        await batch.StartAsync(ct);
        var chunk = new List<TRow>(kind.ChunkSize);
        async Task FlushAsync()
        {
            if (chunk.Count == 0) return;
            run.StopWritingIfFailing();
            await batch.ChunkAsync(chunk, ct);
            chunk.Clear();
        }

        int rows = 0, number = 1;
        foreach (var (values, unreadable, unreadableArgs) in file.Rows())
        {
            number++;
            if (unreadable is not null)
            {
                rows++;
                run.Fail(number, "", unreadable["import.".Length..], unreadableArgs);
                continue;
            }
            var cells = new ImportCells(values);
            if (cells.IsBlank) continue;
            rows++;
            var before = run.BadRows;
            var row = batch.Read(number, cells);
            if (row is null || run.BadRows > before) continue;
            chunk.Add(row);
            if (chunk.Count == kind.ChunkSize) await FlushAsync();
        }
        await FlushAsync();
        if (rows == 0) throw new AppException(400, "import_no_rows");
        if (tx is not null)
        {
            if (run.BadRows > 0 && !goodRowsOnly) throw new ConflictException("import_has_errors", run.BadRows);
            await batch.FinishAsync(ct);
            await tx.CommitAsync(ct);
        }
        var result = new ImportResult(token, rows, run.BadRows, run.Errors.OrderBy(e => e.Row).ToList(), run.Notices, write);
        return (result, batch);
    }
}
