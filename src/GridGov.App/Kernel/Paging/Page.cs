namespace GridGov.Kernel.Paging;

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    /// <summary>True when counting stopped at <see cref="Total"/>: there are at least that many.</summary>
    public bool TotalIsLowerBound { get; init; }

    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public readonly record struct PageRequest(int Number, int Size)
{
    public const int MaxSize = 200;

    public static PageRequest Of(int? number, int? size) =>
        new(Math.Max(1, number ?? 1), Math.Clamp(size ?? 50, 1, MaxSize));

    public int Skip => (Number - 1) * Size;
}
