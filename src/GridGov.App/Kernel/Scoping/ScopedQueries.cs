using System.Linq.Expressions;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Kernel.Scoping;

public static class ScopedQueries
{
    /// <summary>
    /// Loads a record to change it. Unknown or outside the view scope: 404, the same answer, so no
    /// verb tells a caller that a record exists where they cannot see. Visible but outside the
    /// capture scope: 403. Reads simply query and let the filter hide.
    /// </summary>
    public static async Task<T> ForChangeAsync<T>(this IQueryable<T> set, Expression<Func<T, bool>> match, CurrentUser user,
        string notFoundCode, object key, CancellationToken ct) where T : class, IScopedByPath
    {
        var found = await set.FirstOrDefaultAsync(match, ct) ?? throw new NotFoundException(notFoundCode, key);
        if (!user.CanCapture(found.Path)) throw new ForbiddenException("outside_capture_scope");
        return found;
    }

    /// <summary>
    /// After a subtree moved, makes every record under <paramref name="oldPrefix"/> lie under
    /// <paramref name="newPrefix"/> instead: one statement in the database, within the view scope.
    /// </summary>
    public static Task<int> RebaseAsync<T>(this IQueryable<T> set, string oldPrefix, string newPrefix, CancellationToken ct)
        where T : class, IScopedByPath
    {
        var cut = oldPrefix.Length;
        return set.Where(x => x.Path.StartsWith(oldPrefix))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Path, x => newPrefix + x.Path.Substring(cut)), ct);
    }
}
