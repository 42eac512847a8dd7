using System.Text.RegularExpressions;

namespace GridGov.ArchitectureTests;

/// <summary>
/// A form control named after a property of the form element (action, method, submit…) replaces
/// that property in the browser's DOM: the framework's enhanced post then reads a button where it
/// expects the form's address and posts to a page that does not exist.
/// </summary>
public partial class FormFieldTests
{
    private static readonly string[] Clobbering = ["action", "method", "submit", "target", "elements", "length", "reset", "enctype", "id"];

    [Fact]
    public void No_form_control_is_named_after_a_property_of_the_form()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GridGov.sln"))) dir = dir.Parent;
        var pages = Directory.EnumerateFiles(Path.Combine(dir!.FullName, "src", "GridGov.App"), "*.razor", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count > 20, $"only {pages.Count} pages found");
        var found = pages.SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => Name().Matches(x.line).Any(m => Clobbering.Contains(m.Groups[1].Value)))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}").ToList();
        Assert.True(found.Count == 0, "rename these controls:\n" + string.Join("\n", found));
    }

    [GeneratedRegex("""\bname="([a-zA-Z]+)"(?=[^>]*>)""")]
    private static partial Regex Name();
}
