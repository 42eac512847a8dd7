using GridGov.Kernel.Paging;

namespace GridGov.Kernel.Documents;

/// <summary>
/// A list exported exactly as its screen reads it: page after page of the same query, up to a
/// limit, into one sheet. The caller records the export in the <see cref="ExportLog"/>.
/// </summary>
public static class PagedExport
{
    public const int MaxRows = 20_000;

    public static async Task<(Stream File, int Rows)> WriteAsync<T>(Func<PageRequest, Task<Page<T>>> read,
        Func<T, IReadOnlyDictionary<string, object?>> row, string sheet)
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        for (var number = 1; rows.Count < MaxRows; number++)
        {
            var page = await read(PageRequest.Of(number, PageRequest.MaxSize));
            rows.AddRange(page.Items.Select(row));
            if (number >= page.PageCount || page.Items.Count == 0) break;
        }
        if (rows.Count > MaxRows) rows.RemoveRange(MaxRows, rows.Count - MaxRows);
        return (Spreadsheet.Write(rows, sheet), rows.Count);
    }
}
