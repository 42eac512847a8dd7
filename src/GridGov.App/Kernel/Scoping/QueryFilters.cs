using Microsoft.EntityFrameworkCore;

namespace GridGov.Kernel.Scoping;

/// <summary>
/// The named query filters and the one way to switch them off. Each call says why: an
/// architecture test lists every place that does, and a new one fails it until it is added to
/// that short list with its reason. A subquery inside a filtered query can never switch them off
/// (EF would turn the filter off for the whole query).
/// </summary>
public static class QueryFilters
{
    /// <summary>The view-scope filter on every <see cref="IScopedByPath"/> entity.</summary>
    public const string Scope = "scope";

    /// <summary>Reads past the caller's view scope only (other named filters stay on).</summary>
    public static IQueryable<T> OutsideScope<T>(this IQueryable<T> query, string reason) where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return query.IgnoreQueryFilters([Scope]);
    }

    /// <summary>Reads past the named filters, each named, for the reason given.</summary>
    public static IQueryable<T> OutsideFilters<T>(this IQueryable<T> query, string reason, params string[] filters) where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (filters.Length == 0) throw new ArgumentException("name the filters switched off", nameof(filters));
        return query.IgnoreQueryFilters(filters);
    }
}
