using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GridGov.Kernel.Documents;
using MiniExcelLibs;

namespace GridGov.UnitTests;

/// <summary>The Kernel's documents: Excel that never runs a cell as a formula, Word that opens with its text and tables.</summary>
public class DocumentTests
{
    [Fact]
    public void Every_text_cell_that_would_run_as_a_formula_is_kept_as_text()
    {
        IReadOnlyDictionary<string, object?> Row(string name, object? count) => new Dictionary<string, object?> { ["姓名"] = name, ["人数"] = count };
        using var file = Spreadsheet.Write([Row("=HYPERLINK(\"http://x\")", 1), Row("+86 138", 2), Row("张三", 3), Row("-5", null)], "sheet");
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["'=HYPERLINK(\"http://x\")", "'+86 138", "张三", "'-5"], rows.Select(r => r["姓名"]?.ToString()));
        Assert.Equal(3d, Convert.ToDouble(rows[2]["人数"]));
    }

    [Fact]
    public void A_word_document_opens_with_its_title_paragraphs_and_table()
    {
        using var stream = new MemoryStream();
        WordDocument.Write(stream, "岚县网格工作周报", [
            new WordHeading("一、完成情况"),
            new WordParagraph("本周各乡镇完成入户走访 1,234 户。"),
            new WordTable([["乡镇", "完成率"], ["东村镇", "92%"], ["岚城镇", "88%"]]),
        ]);
        stream.Position = 0;
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(["岚县网格工作周报", "一、完成情况", "本周各乡镇完成入户走访 1,234 户。"], paragraphs);
        var cells = body.Elements<Table>().Single().Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["东村镇", "92%"], cells[1]);
        Assert.Equal(3, cells.Count);
    }
}
