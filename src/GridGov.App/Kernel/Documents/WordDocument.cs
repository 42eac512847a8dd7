using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GridGov.Kernel.Documents;

/// <summary>A block of a Word document: a heading, a paragraph, or a table whose first row is its header.</summary>
public abstract record WordBlock;

public sealed record WordHeading(string Text, int Level = 1) : WordBlock;

public sealed record WordParagraph(string Text) : WordBlock;

public sealed record WordTable(IReadOnlyList<IReadOnlyList<string>> Rows) : WordBlock;

/// <summary>
/// Word (.docx) files on DocumentFormat.OpenXml, for what counties print and sign (bulletins,
/// pledges, notices): a title and blocks, in a CJK font, on A4. No template, no macro.
/// </summary>
public static class WordDocument
{
    private const string Font = "SimSun";

    public static void Write(Stream output, string title, IEnumerable<WordBlock> blocks)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        body.Append(Paragraph(title, bold: true, size: 36, centred: true));
        foreach (var block in blocks)
            body.Append(block switch
            {
                WordHeading h => Paragraph(h.Text, bold: true, size: h.Level == 1 ? 32 : 28),
                WordParagraph p => Paragraph(p.Text),
                WordTable t => Table(t),
                _ => throw new ArgumentOutOfRangeException(nameof(blocks), block.GetType().Name),
            });
        // A4 portrait, in twentieths of a point.
        body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440, Header = 720, Footer = 720, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Paragraph Paragraph(string text, bool bold = false, int size = 24, bool centred = false)
    {
        var properties = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, EastAsia = Font }, new FontSize { Val = size.ToString() });
        if (bold) properties.Append(new Bold());
        var paragraph = new Paragraph(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (centred) paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        return paragraph;
    }

    private static Table Table(WordTable table)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var result = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        foreach (var (row, index) in table.Rows.Select((r, i) => (r, i)))
            result.Append(new TableRow(row.Select(cell => new TableCell(Paragraph(cell, bold: index == 0)))));
        return result;
    }
}
