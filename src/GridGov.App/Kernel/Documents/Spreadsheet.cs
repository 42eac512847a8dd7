using MiniExcelLibs;

namespace GridGov.Kernel.Documents;

/// <summary>
/// Excel downloads, written once: rows stream to a temporary file that deletes itself when the
/// download closes, and every text cell a spreadsheet would run as a formula or command is kept as text.
/// </summary>
public static class Spreadsheet
{
    public static Stream Write(IEnumerable<IReadOnlyDictionary<string, object?>> rows, string sheet)
    {
        var path = Path.GetTempFileName();
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
            MiniExcel.SaveAs(file, rows.Select(Safe), sheetName: sheet, excelType: ExcelType.XLSX);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.DeleteOnClose);
    }

    private static Dictionary<string, object?> Safe(IReadOnlyDictionary<string, object?> row) =>
        row.ToDictionary(c => c.Key, c => c.Value is string text ? Neutralise(text) : c.Value);

    /// <summary>A cell a spreadsheet would read as a formula or command is prefixed with an apostrophe and kept as text.</summary>
    public static string? Neutralise(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
