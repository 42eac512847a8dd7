using GridGov.Kernel.Localization;
using Microsoft.Extensions.Localization;

namespace GridGov.Kernel.Import;

public sealed record RowError(int Row, string Column, string Code, string Message);

/// <summary>
/// The state one run shares with its batch: whether it still writes, and every bad row and
/// notice, each with its row number, column, code and message (the first thousand of each listed).
/// </summary>
public sealed class ImportRun(IStringLocalizer<Strings> text, bool write, bool goodRowsOnly)
{
    public const int ListedRows = 1000;

    private readonly List<RowError> _errors = [];
    private readonly List<RowError> _notices = [];
    private readonly HashSet<int> _badRows = [];

    /// <summary>True while this run writes: a commit that meets a bad row stops writing and only checks the rest.</summary>
    public bool Write { get; private set; } = write;

    public bool GoodRowsOnly { get; } = goodRowsOnly;

    public int BadRows => _badRows.Count;

    public bool IsBad(int row) => _badRows.Contains(row);

    public IReadOnlyList<RowError> Errors => _errors;

    public IReadOnlyList<RowError> Notices => _notices;

    /// <summary>The row is bad: <paramref name="code"/> is looked up as <c>import.CODE</c>.</summary>
    public void Fail(int row, string column, string code, params object[] args)
    {
        _badRows.Add(row);
        if (_errors.Count < ListedRows) _errors.Add(new RowError(row, column, code, text["import." + code, args].Value));
    }

    /// <summary>The row is good but the uploader should know something of it.</summary>
    public void Notice(int row, string column, string code, params object[] args)
    {
        if (_notices.Count < ListedRows) _notices.Add(new RowError(row, column, code, text["import." + code, args].Value));
    }

    /// <summary>Once a file is known to fail as a whole, the rest is only checked, not written.</summary>
    internal void StopWritingIfFailing()
    {
        if (Write && !GoodRowsOnly && BadRows > 0) Write = false;
    }
}
