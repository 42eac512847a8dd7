using GridGov.Modules.Territory.Contracts;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Territory.Application;

public enum NodeKind
{
    Area,
    Grid,
}

public sealed record TreeNode(NodeKind Kind, string Code, string Name, int Level, string Path, bool IsRetired)
{
    public int Households { get; init; }
    public int Residents { get; init; }
    /// <summary>Residents carrying the tag asked for, when one was.</summary>
    public int? Tagged { get; init; }
}

public sealed record TreeView(TreeNode? Node, IReadOnlyList<TreeNode> Ancestors, IReadOnlyList<TreeNode> Children);

/// <summary>
/// One node of the territory with its children and their household and resident counts. Counts are
/// grouped in the database on a path prefix: a fixed number of queries whatever the subtree's size.
/// </summary>
public sealed class TerritoryTree(GridGovDbContext db, CurrentUser user, IPopulationStatistics population)
{
    /// <summary>The node a user starts from: their view scope, or the top of the tree for the whole country.</summary>
    public string? ScopeRootCode => user.ViewPath is { Length: > 0 } p ? TreePath.Codes(p)[^1] : null;

    public async Task<TreeView> GetAsync(string? code, bool includeRetired, CancellationToken ct, string? tag = null)
    {
        user.Require(TerritoryPermissions.View);
        code ??= ScopeRootCode;
        if (code is null)
        {
            var tops = await db.Set<AdminArea>().Where(a => a.ParentId == null).OrderBy(a => a.Code).Select(AreaNode).ToListAsync(ct);
            return new TreeView(null, [], await WithCounts("", tops, tag, ct));
        }

        var node = await FindAsync(code, ct) ?? throw new NotFoundException("node_not_found", code);
        var ancestorCodes = TreePath.Codes(node.Path)[..^1];
        var ancestors = (await db.Set<AdminArea>().Where(a => ancestorCodes.Contains(a.Code)).Select(AreaNode).ToListAsync(ct))
            .Concat(await db.Set<Grid>().Where(g => ancestorCodes.Contains(g.Code)).Select(GridNode).ToListAsync(ct))
            .OrderBy(n => n.Path.Length).ToList();

        List<TreeNode> children;
        if (node.Kind == NodeKind.Area)
        {
            var areaId = await db.Set<AdminArea>().Where(a => a.Code == code).Select(a => a.Id).FirstAsync(ct);
            children = await db.Set<AdminArea>().Where(a => a.ParentId == areaId).OrderBy(a => a.Code).Select(AreaNode).ToListAsync(ct);
            children.AddRange(await db.Set<Grid>()
                .Where(g => g.AreaId == areaId && g.Level == 1 && (includeRetired || g.ClosedOn == null))
                .OrderBy(g => g.Code).Select(GridNode).ToListAsync(ct));
        }
        else
        {
            var gridId = await db.Set<Grid>().Where(g => g.Code == code).Select(g => g.Id).FirstAsync(ct);
            children = await db.Set<Grid>().Where(g => g.ParentGridId == gridId && (includeRetired || g.ClosedOn == null))
                .OrderBy(g => g.Code).Select(GridNode).ToListAsync(ct);
        }

        var total = await population.CountUnderAsync(node.Path, ct);
        node = node with
        {
            Households = total.Households, Residents = total.Residents,
            Tagged = tag is null ? null : await population.CountTaggedUnderAsync(node.Path, tag, ct),
        };
        return new TreeView(node, ancestors, await WithCounts(node.Path, children, tag, ct));
    }

    public async Task<TreeNode?> FindAsync(string code, CancellationToken ct) =>
        code.Length == GridCode.Length
            ? await db.Set<Grid>().Where(g => g.Code == code).Select(GridNode).FirstOrDefaultAsync(ct)
            : await db.Set<AdminArea>().Where(a => a.Code == code).Select(AreaNode).FirstOrDefaultAsync(ct);

    private async Task<List<TreeNode>> WithCounts(string parentPath, List<TreeNode> children, string? tag, CancellationToken ct)
    {
        var counts = new Dictionary<string, PopulationCount>();
        var tagged = new Dictionary<string, int>();
        foreach (var length in children.Select(c => c.Path.Length).Distinct())
        {
            foreach (var (key, value) in await population.CountByPathPrefixAsync(parentPath, length, ct)) counts[key] = value;
            if (tag is not null)
                foreach (var (key, value) in await population.CountTaggedByPathPrefixAsync(parentPath, length, tag, ct)) tagged[key] = value;
        }
        return children.Select(c =>
        {
            var n = counts.GetValueOrDefault(c.Path, PopulationCount.Zero);
            return c with { Households = n.Households, Residents = n.Residents, Tagged = tag is null ? null : tagged.GetValueOrDefault(c.Path) };
        }).ToList();
    }

    private static readonly System.Linq.Expressions.Expression<Func<AdminArea, TreeNode>> AreaNode =
        a => new TreeNode(NodeKind.Area, a.Code, a.Name, (int)a.Level, a.Path, false);

    private static readonly System.Linq.Expressions.Expression<Func<Grid, TreeNode>> GridNode =
        g => new TreeNode(NodeKind.Grid, g.Code, g.Name, g.Level, g.Path, g.ClosedOn != null);
}
