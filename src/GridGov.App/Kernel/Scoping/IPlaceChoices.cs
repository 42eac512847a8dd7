namespace GridGov.Kernel.Scoping;

/// <summary>An area a form offers to pick: its code, name and depth below the reader's top area.</summary>
public sealed record PlaceChoice(string Code, string Name, int Depth);

/// <summary>The areas and grids a picker offers, within the reader's view, in tree order.</summary>
public interface IPlaceChoices
{
    Task<IReadOnlyList<PlaceChoice>> AreasAsync(CancellationToken ct);

    /// <summary>The open grids in view, of one level or of all, in tree order; a long list is cut at a few thousand.</summary>
    Task<IReadOnlyList<PlaceChoice>> GridsAsync(int? level, CancellationToken ct);
}
