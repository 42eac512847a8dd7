using GridGov.Kernel.Security;

namespace GridGov.Kernel.Tallies;

public enum FigureKind { Count, Percent, Hours }

/// <summary>
/// A figure any page or bulletin may read: its key ("incidents.on_time_rate"), its label's string
/// key, what kind of number it is, and, for a count, the list of the records it counts
/// (<c>{area}</c>, <c>{from}</c> and <c>{to}</c> filled in), so that every number opens its rows.
/// </summary>
/// <param name="PeriodBound">False for a stock (residents now) that no period cuts.</param>
public sealed record FigureDefinition(string Key, string LabelKey, FigureKind Kind, bool PeriodBound = true, string? ListLink = null);

/// <summary>A place (a path within the reader's view) and a period of local dates, end inclusive; open where null.</summary>
public sealed record FigureQuery(string Path, DateOnly? From, DateOnly? To);

/// <summary>
/// A module's figures for the read contract. Each source reads its own tallies, in the database,
/// within the reader's scope; <see cref="FigureBoard"/> finds the source of each key asked for.
/// </summary>
public interface IFigureSource
{
    IReadOnlyList<FigureDefinition> Figures { get; }

    /// <summary>Whether the reader may read this source's figures at all.</summary>
    bool MayRead(CurrentUser user);

    /// <summary>The values of <paramref name="keys"/> (all of this source's) at the query's place and period; null where undefined (a rate of nothing).</summary>
    Task<IReadOnlyDictionary<string, double?>> ReadAsync(FigureQuery query, IReadOnlyCollection<string> keys, CancellationToken ct);
}

/// <summary>Resolves a place code to its path within the reader's view, for readers that name places by code.</summary>
public interface IPlaceDirectory
{
    /// <summary>The path, or null when the code is unknown or outside the reader's view.</summary>
    Task<string?> PathOfAsync(string code, CancellationToken ct);
}
