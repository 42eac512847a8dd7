using GridGov.Kernel.Auditing;
using GridGov.Kernel.Scoping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GridGov.Data;

/// <summary>
/// Makes every record of a moved subtree lie under its new path: each module's followers first,
/// then one statement per path-scoped table of the model, so a module's new table follows a move
/// without anyone listing it. Audit trails keep the path they recorded; a table marked
/// <see cref="MovedByItsModuleAttribute"/> is moved by its module.
/// </summary>
public sealed class PathRebase(GridGovDbContext db, IEnumerable<IGridChangeFollower> followers)
{
    public async Task RebaseAllAsync(string oldPath, string newPath, CancellationToken ct)
    {
        foreach (var follower in followers) await follower.FollowMoveAsync(oldPath, newPath, ct);
        foreach (var type in RewrittenTypes(db.Model))
            await (Task<int>)Rebase.MakeGenericMethod(type).Invoke(null, [db, oldPath, newPath, ct])!;
    }

    public async Task MergeAsync(GridMerge merge, CancellationToken ct)
    {
        foreach (var follower in followers) await follower.FollowMergeAsync(merge, ct);
    }

    /// <summary>Everything any module still holds on the grid, named; empty when the grid may retire.</summary>
    public async Task<IReadOnlyList<string>> HeldOnGridAsync(int gridId, CancellationToken ct)
    {
        var held = new List<string>();
        foreach (var follower in followers) held.AddRange(await follower.HeldOnGridAsync(gridId, ct));
        return held;
    }

    /// <summary>The path-scoped tables the generic rewrite covers.</summary>
    public static IReadOnlyList<Type> RewrittenTypes(IModel model) => model.GetEntityTypes()
        .Where(e => e.BaseType is null && e.ClrType is { IsAbstract: false } && typeof(IScopedByPath).IsAssignableFrom(e.ClrType))
        .Where(e => !typeof(IAuditTrail).IsAssignableFrom(e.ClrType) && !e.ClrType.IsDefined(typeof(MovedByItsModuleAttribute), true))
        .Select(e => e.ClrType).ToList();

    private static readonly System.Reflection.MethodInfo Rebase =
        typeof(PathRebase).GetMethod(nameof(RebaseOne), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private static Task<int> RebaseOne<T>(GridGovDbContext db, string oldPath, string newPath, CancellationToken ct) where T : class, IScopedByPath =>
        db.Set<T>().RebaseAsync(oldPath, newPath, ct);
}
