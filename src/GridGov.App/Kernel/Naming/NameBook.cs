namespace GridGov.Kernel.Naming;

/// <summary>The names found for the ids of a page's history lines, by the type each id points to.</summary>
public sealed class NameBook(IReadOnlyDictionary<(string Type, int Id), string> names)
{
    public static readonly NameBook Empty = new(new Dictionary<(string, int), string>());

    public string? Find(string type, int id) => names.GetValueOrDefault((type, id));
}
