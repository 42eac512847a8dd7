using System.Globalization;
using GridGov.Kernel.Documents;
using GridGov.Modules.Targets.Domain;

namespace GridGov.Modules.Targets.Application;

/// <summary>
/// A bulletin as a Word document in the layout of an official notice (title, number, office and
/// date, the text, a table per indicator, the rounding rule) and as an Excel workbook: both print
/// the strings the page shows, and the workbook adds the raw figures beside them.
/// </summary>
public sealed class BulletinDocuments(BulletinDesk desk, ExportLog exports)
{
    public async Task<(Stream Content, string Name)> WordAsync(int id, CancellationToken ct)
    {
        var view = await desk.GetAsync(id, ct);
        Publishable(view);
        var blocks = new List<WordBlock>
        {
            new WordParagraph(view.NumberText),
            new WordParagraph($"{view.AreaName}{view.Office}　{Day(view.PublishedAt ?? view.CompiledAt)}"),
            new WordParagraph($"统计周：{view.Week}（{view.WeekFrom:yyyy-MM-dd}至{view.WeekTo:yyyy-MM-dd}）；数据期间：{view.PeriodFrom:yyyy-MM-dd}至{view.PeriodTo:yyyy-MM-dd}"),
        };
        blocks.AddRange(view.Highlights.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => new WordParagraph(line)));
        var number = 0;
        foreach (var section in view.Sections)
        {
            blocks.Add(new WordHeading($"表{++number}　{section.Indicator}", 2));
            blocks.Add(new WordTable([BulletinRows.Header, .. section.Rows.Select(BulletinRows.Cells)]));
        }
        blocks.Add(new WordParagraph("说明：" + view.RuleStatement));
        var output = new MemoryStream();
        WordDocument.Write(output, view.Title, blocks);
        output.Position = 0;
        exports.Record("bulletin", $"id={id}&format=docx", view.Sections.Sum(s => s.Rows.Count), fullValues: false);
        return (output, FileName(view, "docx"));
    }

    public async Task<(Stream Content, string Name)> WorkbookAsync(int id, CancellationToken ct)
    {
        var view = await desk.GetAsync(id, ct);
        Publishable(view);
        var rows = view.Sections.SelectMany(s => s.Rows.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["指标"] = s.Indicator,
            [BulletinRows.Header[0]] = r.UnitName,
            [BulletinRows.Header[1]] = r.Actual,
            [BulletinRows.Header[2]] = r.Target,
            [BulletinRows.Header[3]] = r.Completion,
            [BulletinRows.Header[4]] = r.Rank,
            [BulletinRows.Header[5]] = r.Change,
            ["分子"] = r.Numerator,
            ["分母"] = r.Denominator,
            ["目标值"] = r.TargetValue,
            ["说明"] = view.RuleStatement,
        })).ToList();
        exports.Record("bulletin", $"id={id}&format=xlsx", rows.Count, fullValues: false);
        return (Spreadsheet.Write(rows, "周通报"), FileName(view, "xlsx"));
    }

    /// <summary>A bulletin whose figures failed has nothing to print.</summary>
    private static void Publishable(BulletinView view)
    {
        if (view.State == BulletinState.Failed) throw new Kernel.Errors.ConflictException("bulletin_failed");
    }

    private static string FileName(BulletinView view, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"bulletin-{view.AreaCode}-{view.WeekYear}-{view.WeekNumber:D2}-no{view.Id}.{extension}");

    private static string Day(DateTime utc) => Kernel.Time.ChinaTime.DateOf(utc).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
