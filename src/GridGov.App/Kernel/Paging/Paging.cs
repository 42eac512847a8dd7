using Microsoft.EntityFrameworkCore;

namespace GridGov.Kernel.Paging;

/// <summary>One page of a list, counted and read in the database; every list in the app goes through here.</summary>
public static class Paging
{
    /// <summary>The page of an ordered query, with the total it was cut from.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, PageRequest page, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new Page<T>(items, page.Number, page.Size, total);
    }

    /// <summary>The same, with each row shaped in memory once read (what SQL cannot project).</summary>
    public static async Task<Page<TView>> ToPageAsync<T, TView>(this IQueryable<T> ordered, PageRequest page, Func<T, TView> view, CancellationToken ct)
    {
        var rows = await ordered.ToPageAsync(page, ct);
        return new Page<TView>(rows.Items.Select(view).ToList(), rows.PageNumber, rows.PageSize, rows.Total);
    }
}
