using System.IO.Compression;
using System.Text;
using GridGov.Kernel.Errors;
using MiniExcelLibs;

namespace GridGov.Modules.People.Application.Import;

/// <summary>
/// An uploaded ledger file, checked before any row is read: size, that it really is an Excel
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

    public IEnumerable<IDictionary<string, object?>> Rows()
    {
        using var stream = File.OpenRead(Path);
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: true, excelType: Type))
            yield return row;
    }

    public IReadOnlyCollection<string> Headers()
    {
        using var stream = File.OpenRead(Path);
        return [.. MiniExcel.GetColumns(stream, useHeaderRow: true, excelType: Type) ?? []];
    }

    private static void CheckWorkbook(string path, long length)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.GetEntry("xl/workbook.xml") is null) throw new AppException(400, "import_not_spreadsheet");
            long unpacked = 0;
            foreach (var entry in zip.Entries) unpacked += entry.Length;
            if (unpacked > MaxUnpackedBytes || unpacked > Math.Max(length, 64 * 1024) * MaxUnpackRatio)
                throw new AppException(400, "import_zip_bomb");
        }
        catch (InvalidDataException)
        {
            throw new AppException(400, "import_not_spreadsheet");
        }
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
