namespace GridGov.Kernel.Scoping;

/// <summary>An area a form offers to pick: its code, name and depth below the reader's top area.</summary>
public sealed record PlaceChoice(string Code, string Name, int Depth);

/// <summary>The areas a picker offers, within the reader's view, in tree order; grids are reached through the tree.</summary>
public interface IPlaceChoices
{
    Task<IReadOnlyList<PlaceChoice>> AreasAsync(CancellationToken ct);
}
