using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using GridGov.Kernel.Localization;

namespace GridGov.UnitTests;

/// <summary>Every text the code asks for exists in Chinese and in English.</summary>
public partial class LocalizationTests
{
    private static readonly ResourceManager Resources = new(typeof(Strings).FullName!, typeof(Strings).Assembly);

    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GridGov.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("no GridGov.sln above the test folder"), "src", "GridGov.App");
    }

    private static IEnumerable<string> Sources(params string[] patterns) =>
        patterns.SelectMany(p => Directory.EnumerateFiles(SourceRoot(), p, SearchOption.AllDirectories)).Select(File.ReadAllText);

    public static TheoryData<string> UsedKeys()
    {
        var keys = new SortedSet<string>();
        foreach (var text in Sources("*.razor", "*.cs"))
        {
            foreach (Match m in LiteralKey().Matches(text)) keys.Add(m.Groups[1].Value);
            foreach (Match m in ErrorCode().Matches(text)) keys.Add("err." + m.Groups[1].Value);
            foreach (Match m in AppErrorCode().Matches(text)) keys.Add("err." + m.Groups[1].Value);
            foreach (Match m in ImportReason().Matches(text)) if (!m.Groups[1].Value.EndsWith('_')) keys.Add("import." + m.Groups[1].Value);
            foreach (Match m in FieldError().Matches(text))
            {
                keys.Add("fieldName." + m.Groups[1].Value);
                // A code built from a prefix ("id_" + the ID number error) is listed below.
                if (!m.Groups[2].Value.EndsWith('_')) keys.Add("field." + m.Groups[2].Value);
            }
        }
        foreach (var kind in Enum.GetNames<GridGov.Modules.Territory.Application.ViolationKind>())
        {
            keys.Add($"Violation.{kind}.Name");
            keys.Add($"Violation.{kind}.Detail");
        }
        foreach (var role in GridGov.Kernel.Security.Roles.All) keys.Add($"Role.{role}");
        foreach (var role in Enum.GetNames<GridGov.Modules.Territory.Domain.GridRole>()) keys.Add($"GridRole.{role}");
        foreach (var kind in Enum.GetNames<GridGov.Modules.Territory.Domain.PartyOrganizationKind>()) keys.Add($"Party.{kind}");
        foreach (var error in Enum.GetValues<GridGov.Modules.People.Domain.IdNumberError>().Where(e => e != GridGov.Modules.People.Domain.IdNumberError.None))
        {
            keys.Add("field.id_" + error.ToString().ToLowerInvariant());
            keys.Add("import.id_" + error.ToString().ToLowerInvariant());
        }
        foreach (var code in new[] { "unknown_grid", "grid_not_level_three", "grid_retired", "grid_outside_scope" }) keys.Add("import." + code);
        foreach (var name in Enum.GetNames<GridGov.Modules.People.Domain.Residency>()) keys.Add($"Residency.{name}");
        foreach (var name in Enum.GetNames<GridGov.Modules.People.Domain.PersonStatus>()) keys.Add($"Status.{name}");
        foreach (var name in Enum.GetNames<GridGov.Modules.People.Domain.AccessKind>()) keys.Add($"Access.{name}");
        foreach (var name in Enum.GetNames<GridGov.Modules.People.Domain.KeyPlaceKind>()) keys.Add($"KeyPlace.{name}");
        foreach (var name in new[] { "Added", "Modified", "Deleted" }) keys.Add($"Action.{name}");
        for (var level = 1; level <= 5; level++) keys.Add($"Area.Level{level}");
        for (var level = 1; level <= 3; level++) keys.Add($"Grid.Level{level}");
        var data = new TheoryData<string>();
        foreach (var key in keys) data.Add(key);
        return data;
    }

    [Theory]
    [MemberData(nameof(UsedKeys))]
    public void Key_exists_in_both_languages(string key)
    {
        Assert.False(string.IsNullOrWhiteSpace(Resources.GetString(key, CultureInfo.GetCultureInfo("zh-CN"))), $"{key} has no Chinese text");
        var english = Resources.GetString(key, CultureInfo.GetCultureInfo("en"));
        Assert.False(string.IsNullOrWhiteSpace(english), $"{key} has no English text");
    }

    [Fact]
    public void English_differs_from_Chinese_where_it_should()
    {
        var zh = Resources.GetString("Nav.Territory", CultureInfo.GetCultureInfo("zh-CN"));
        var en = Resources.GetString("Nav.Territory", CultureInfo.GetCultureInfo("en"));
        Assert.Equal("网格", zh);
        Assert.Equal("Grids", en);
    }

    [GeneratedRegex("""T\["([A-Za-z0-9_.]+)"[\],]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(""""AppException\(\d{3}, "([a-z_]+)"""")]
    private static partial Regex AppErrorCode();

    [GeneratedRegex(""""(?:NotFound|Forbidden|Conflict)Exception\("([a-z_]+)"""")]
    private static partial Regex ErrorCode();

    [GeneratedRegex(""""Fail\(r?\.?[Nn]umber, [A-Za-z.]+, "([a-z_]+)"""")]
    private static partial Regex ImportReason();

    [GeneratedRegex(""""ValidationException\("([A-Za-z]+)", "([a-z_]+)"""")]
    private static partial Regex FieldError();
}
