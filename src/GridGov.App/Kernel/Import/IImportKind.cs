using GridGov.Kernel.Security;

namespace GridGov.Kernel.Import;

/// <summary>
/// What a module imports: who may, which columns a file must have, and a fresh batch for each run
/// (preview or commit), which holds that run's state. The <see cref="ImportPipeline"/> does the rest.
/// </summary>
public interface IImportKind<TRow, out TBatch> where TRow : class where TBatch : IImportBatch<TRow>
{
    /// <summary>Names the kind in upload tokens: a token uploaded for one kind is unknown to every other.</summary>
    string Name { get; }

    Permission Permission { get; }

    IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>A file wider than this is refused before its rows are read.</summary>
    int MaxColumns { get; }

    /// <summary>Rows handed to <see cref="IImportBatch{TRow}.ChunkAsync"/> at a time.</summary>
    int ChunkSize => 5000;

    TBatch Begin(ImportRun run);
}

/// <summary>One run of an import over one file, in the order the pipeline calls it.</summary>
public interface IImportBatch<TRow> where TRow : class
{
    /// <summary>Before the first row; when <see cref="ImportRun.Write"/>, inside the run's transaction.</summary>
    Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Checks one non-blank row on its own (required cells, formats, lengths, duplicates within the
    /// file), calling <see cref="ImportRun.Fail"/> for each problem; answers the row, or null when it has any.
    /// </summary>
    TRow? Read(int number, ImportCells cells);

    /// <summary>
    /// Checks a chunk of good rows against the database and the domain, failing the rows the domain
    /// refuses, and writes them when <see cref="ImportRun.Write"/> is still true.
    /// </summary>
    Task ChunkAsync(IReadOnlyList<TRow> rows, CancellationToken ct);

    /// <summary>After the last chunk of a run that writes, before the commit: what is done once per file (tallies, say).</summary>
    Task FinishAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>A row's cells by header, trimmed; a missing column reads as empty.</summary>
public sealed class ImportCells(IDictionary<string, object?> values)
{
    public string this[string column] => Convert.ToString(values.TryGetValue(column, out var v) ? v : null)?.Trim() ?? "";

    public bool IsBlank => values.Values.All(v => string.IsNullOrWhiteSpace(Convert.ToString(v)));
}
