using System.IO.Compression;
using System.Text;
using GridGov.Kernel.Errors;
using MiniExcelLibs;

namespace GridGov.Kernel.Import;

/// <summary>A data row by header, or the string key of why it is no row (with its arguments).</summary>
public sealed record ImportRow(IDictionary<string, object?> Values, string? Problem, params object[] ProblemArgs);

/// <summary>
/// An uploaded spreadsheet, checked before any row is read: size, that it really is an Excel
/// workbook or a UTF-8 CSV, and that a workbook does not unpack to far more than it weighs.
/// Rows are then streamed, never loaded whole.
/// </summary>
public sealed class ImportFile
{
    public const long DefaultMaxBytes = 100L * 1024 * 1024;
    private const long MaxUnpackedBytes = 2L * 1024 * 1024 * 1024;
    private const int MaxUnpackRatio = 100;

    private ImportFile(string path, ExcelType type) => (Path, Type) = (path, type);

    public string Path { get; }
    public ExcelType Type { get; }

    public static ImportFile Check(string path, long maxBytes)
    {
        var length = new FileInfo(path).Length;
        if (length == 0) throw new AppException(400, "import_empty");
        if (length > maxBytes) throw new AppException(413, "import_too_large", maxBytes / 1024 / 1024);
        Span<byte> head = stackalloc byte[4];
        using (var probe = File.OpenRead(path)) probe.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        if (head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            CheckWorkbook(path, length);
            return new ImportFile(path, ExcelType.XLSX);
        }
        CheckText(path);
        return new ImportFile(path, ExcelType.CSV);
    }

    /// <summary>Each data row with its values by header, or the reason it cannot be read as a row.</summary>
    public IEnumerable<ImportRow> Rows() => Type == ExcelType.CSV ? CsvRows() : WorkbookRows();

    /// <summary>The header row; a file with more columns than <paramref name="maxColumns"/> is refused before any row is parsed.</summary>
    public IReadOnlyList<string> Headers(int maxColumns)
    {
        if (Type == ExcelType.CSV)
        {
            // An upper bound from the raw first line, before the parser spends time on it.
            using (var reader = new StreamReader(Path, Encoding.UTF8))
            {
                var first = new char[64 * 1024];
                var read = reader.ReadBlock(first, 0, first.Length);
                var line = first.AsSpan(0, read);
                var end = line.IndexOfAny('\r', '\n');
                if (end < 0 && read == first.Length) throw new AppException(400, "import_too_many_columns", maxColumns);
                if (line[..(end < 0 ? read : end)].Count(',') + 1 > maxColumns) throw new AppException(400, "import_too_many_columns", maxColumns);
            }
            using var csv = OpenCsv();
            if (!csv.Read() || !csv.ReadHeader()) throw new AppException(400, "import_no_rows");
            return csv.HeaderRecord!.Select(h => h.Trim()).ToList();
        }
        var headers = Readable(() =>
        {
            using var stream = File.OpenRead(Path);
            return MiniExcel.GetColumns(stream, useHeaderRow: true, excelType: Type)?.ToList() ?? [];
        });
        if (headers.Count > maxColumns) throw new AppException(400, "import_too_many_columns", maxColumns);
        return headers;
    }

    private IEnumerable<ImportRow> CsvRows()
    {
        using var csv = OpenCsv();
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!.Select(h => h.Trim()).ToArray();
        while (Readable(csv.Read))
        {
            var fields = csv.Parser.Record ?? [];
            if (fields.Length != header.Length)
            {
                yield return new ImportRow(new Dictionary<string, object?>(), "import.wrong_field_count", fields.Length, header.Length);
                continue;
            }
            var values = new Dictionary<string, object?>(header.Length);
            for (var i = 0; i < header.Length; i++) values[header[i]] = fields[i];
            yield return new ImportRow(values, null);
        }
    }

    private CsvHelper.CsvReader OpenCsv()
    {
        var config = new CsvHelper.Configuration.CsvConfiguration(System.Globalization.CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true, Delimiter = ",", DetectColumnCountChanges = false, MissingFieldFound = null,
            // A stray quote inside an unquoted field: read as written rather than refused; the row's own checks follow.
            BadDataFound = null, IgnoreBlankLines = true,
        };
        return new CsvHelper.CsvReader(new StreamReader(Path, Encoding.UTF8), config);
    }

    private IEnumerable<ImportRow> WorkbookRows()
    {
        using var stream = File.OpenRead(Path);
        using var rows = Readable(() => MiniExcel.Query(stream, useHeaderRow: true, excelType: Type).GetEnumerator());
        while (Readable(rows.MoveNext)) yield return new ImportRow((IDictionary<string, object?>)rows.Current, null);
    }

    /// <summary>A parser's failure on a malformed file is the uploader's to fix: a 400 that says the file cannot be read, never a 500.</summary>
    private static T Readable<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not AppException and not OperationCanceledException)
        {
            throw new AppException(400, "import_unreadable");
        }
    }

    private static void CheckWorkbook(string path, long length)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.GetEntry("xl/workbook.xml") is null) throw new AppException(400, "import_not_spreadsheet");
            if (!zip.Entries.Any(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
                throw new AppException(400, "import_no_sheet");
            long unpacked = 0;
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
                if (entry.FullName.EndsWith(".xml", StringComparison.Ordinal) || entry.FullName.EndsWith(".rels", StringComparison.Ordinal)) RefuseDtd(entry);
            }
            if (unpacked > MaxUnpackedBytes || unpacked > Math.Max(length, 64 * 1024) * MaxUnpackRatio)
                throw new AppException(400, "import_zip_bomb");
        }
        catch (InvalidDataException)
        {
            throw new AppException(400, "import_not_spreadsheet");
        }
    }

    /// <summary>
    /// A workbook's XML never needs a document type: one there can only be an entity trick (billion
    /// laughs, external entities), so the file is refused before any parser sees it.
    /// </summary>
    private static void RefuseDtd(ZipArchiveEntry entry)
    {
        var head = new byte[4096];
        int got;
        using (var part = entry.Open()) got = part.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var text = Encoding.UTF8.GetString(head, 0, got);
        if (text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || text.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase))
            throw new AppException(400, "import_dtd");
    }

    /// <summary>A CSV must be UTF-8 text: control bytes mean it is no text at all, undecodable bytes that it is not UTF-8 (GBK, say).</summary>
    private static void CheckText(string path)
    {
        var head = new byte[8192];
        int got;
        using (var probe = File.OpenRead(path)) got = probe.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (head.AsSpan(0, got).IndexOfAnyInRange((byte)0x00, (byte)0x08) >= 0 || head.AsSpan(0, got).IndexOfAnyInRange((byte)0x0E, (byte)0x1F) >= 0)
            throw new AppException(400, "import_not_spreadsheet");
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var decoder = strict.GetDecoder();
        var buffer = new byte[64 * 1024];
        var chars = new char[strict.GetMaxCharCount(buffer.Length)];
        using var stream = File.OpenRead(path);
        int read;
        try
        {
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            decoder.GetChars(buffer, 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            throw new AppException(400, "import_bad_encoding");
        }
    }
}
