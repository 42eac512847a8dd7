namespace GridGov.Kernel.Scoping;

/// <summary>A grid merged into another of its level: everything on it now belongs to the target.</summary>
public sealed record GridMerge(int FromGridId, string FromPath, int IntoGridId, string IntoPath);

/// <summary>
/// A module's share of a grid's move or merge, beyond the path rewrite <c>PathRebase</c> does for
/// every path-scoped table: rows that go through their domain (so their tallies and history follow),
/// paths kept in other columns, and what a grid still holds before it may retire.
/// </summary>
public interface IGridChangeFollower
{
    /// <summary>A subtree moved: rows under <paramref name="oldPath"/> now lie under <paramref name="newPath"/>. Runs before the generic rewrite.</summary>
    Task FollowMoveAsync(string oldPath, string newPath, CancellationToken ct) => Task.CompletedTask;

    Task FollowMergeAsync(GridMerge merge, CancellationToken ct) => Task.CompletedTask;

    /// <summary>What of this module still lies on the grid, named for the refusal (empty when nothing does).</summary>
    Task<IReadOnlyList<string>> HeldOnGridAsync(int gridId, CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([]);
}

/// <summary>
/// Rows whose module moves them itself (<see cref="IGridChangeFollower"/>), through their domain:
/// the generic path rewrite leaves them alone.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class MovedByItsModuleAttribute : Attribute;
