using Microsoft.EntityFrameworkCore;

namespace GridGov.Data;

public static class Versions
{
    /// <summary>
    /// The version the editor saw: the save is refused with 409 when the record has changed since,
    /// never merged silently over someone else's change.
    /// </summary>
    public static void Expect<T>(this DbContext db, T entity, int version) where T : class =>
        db.Entry(entity).Property("Version").OriginalValue = version;
}
