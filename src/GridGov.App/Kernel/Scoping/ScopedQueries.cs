using System.Linq.Expressions;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Kernel.Scoping;

public static class ScopedQueries
{
    /// <summary>
    /// Loads a record to change it. Unknown: 404. Known but outside the user's view or capture
    /// scope: 403, as for every write outside scope. Reads simply query and let the filter hide.
    /// </summary>
    public static async Task<T> ForChangeAsync<T>(this IQueryable<T> set, Expression<Func<T, bool>> match, CurrentUser user,
        string notFoundCode, object key, CancellationToken ct) where T : class, IScopedByPath
    {
        var found = await set.FirstOrDefaultAsync(match, ct);
        if (found is null)
        {
            if (await set.IgnoreQueryFilters().AnyAsync(match, ct)) throw new ForbiddenException("outside_capture_scope");
            throw new NotFoundException(notFoundCode, key);
        }
        if (!user.CanCapture(found.Path)) throw new ForbiddenException("outside_capture_scope");
        return found;
    }
}
