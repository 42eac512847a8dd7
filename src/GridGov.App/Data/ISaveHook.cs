using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GridGov.Data;

/// <summary>
/// Work a module does in the same transaction as a save, after its rows are written: it looks at
/// the pending changes first and returns the work to run, or null when nothing concerns it.
/// </summary>
public interface ISaveHook
{
    Func<GridGovDbContext, CancellationToken, Task>? Prepare(ChangeTracker changes);
}
