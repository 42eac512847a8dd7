using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GridGov.Data;

/// <summary>
/// Work a module does in the same transaction as a save: it looks at the pending changes first, may
/// add rows of its own to be written with them, and returns the work to run after they are written,
/// or null when there is none. Rows it adds are the system's own: neither scope-checked nor logged.
/// </summary>
public interface ISaveHook
{
    Func<GridGovDbContext, CancellationToken, Task>? Prepare(ChangeTracker changes);
}
