using GridGov.Kernel.Scoping;
using GridGov.Modules.Incidents.Contracts;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using GridGov.Modules.Incidents.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GridGov.Modules.Incidents.Application;

public sealed record RouteView(int Id, string CategoryCode, string AreaPath, HandlingLevel Level, string? LeadDepartmentCode,
    IReadOnlyList<string> AssistingDepartmentCodes, StepLimits Limits, int Version);

public sealed record RouteChange(string CategoryCode, string? AreaCode, HandlingLevel Level, string? LeadDepartmentCode,
    IReadOnlyList<string>? AssistingDepartmentCodes, StepLimits Limits);

/// <summary>
/// The routing table (category × area → level, departments, time limits) and the working calendar.
/// Routes are read for every incident whatever the reader's scope: a grid worker's report is routed
/// by the county's rules. Changes need the configure permission and are kept in history.
/// </summary>
public sealed class RoutingTable(GridGovDbContext db, CurrentUser user, ITerritoryDirectory territory, IMemoryCache cache)
{
    // Every step reads the routes and the calendar; both are small and change rarely, so each
    // process keeps them for a minute and drops them at once when it changes them itself.
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);
    private const string RulesKey = "incidents.routes";

    public static void Forget(IMemoryCache cache) => cache.Remove(RulesKey);

    private sealed record Routes(IReadOnlyList<RoutingRule> Rules, IReadOnlyDictionary<string, string?> Parents, IReadOnlySet<string> Reportable);

    private async Task<Routes> RoutesAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync(RulesKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Keep;
            var rules = await db.Set<RoutingRule>().OutsideScope("the routing table is one county-wide table read for every report").AsNoTracking().ToListAsync(ct);
            var categories = await db.Set<IncidentCategory>().AsNoTracking().ToListAsync(ct);
            return new Routes(rules, categories.ToDictionary(c => c.Code, c => c.ParentCode),
                categories.Where(c => c.ParentCode != null && c.IsActive).Select(c => c.Code).ToHashSet());
        }))!;

    /// <summary>Whether a category is an active item of the catalogue, which is what a report must name.</summary>
    public async Task<bool> IsReportableAsync(string categoryCode, CancellationToken ct) =>
        (await RoutesAsync(ct)).Reportable.Contains(categoryCode);

    public async Task<RoutingRule> ResolveAsync(string categoryCode, string path, CancellationToken ct)
    {
        var (all, parents, _) = await RoutesAsync(ct);
        var parent = parents.GetValueOrDefault(categoryCode);
        var rules = all.Where(r => r.CategoryCode == categoryCode || r.CategoryCode == parent);
        // The most specific area first (a county's own rule beats the default), then the item before its group.
        return rules.Where(r => path.StartsWith(r.Path, StringComparison.Ordinal))
                   .OrderByDescending(r => r.Path.Length).ThenByDescending(r => r.CategoryCode == categoryCode).FirstOrDefault()
               ?? RoutingRule.Create(categoryCode, "", HandlingLevel.County, null, [], RoutingRule.DefaultLimits);
    }


    public async Task<IReadOnlyList<RouteView>> ListAsync(CancellationToken ct)
    {
        user.Require(IncidentPermissions.View);
        var rules = await db.Set<RoutingRule>().AsNoTracking().OrderBy(r => r.CategoryCode).ThenBy(r => r.Path).ToListAsync(ct);
        return rules.Select(View).ToList();
    }

    /// <summary>Sets the route of a category in an area the user may change (their own county, say).</summary>
    public async Task<RouteView> SetAsync(RouteChange change, CancellationToken ct)
    {
        user.Require(IncidentPermissions.Configure);
        if (!await db.Set<IncidentCategory>().AnyAsync(c => c.Code == change.CategoryCode, ct))
            throw new ValidationException("categoryCode", "unknown");
        var areaPath = string.IsNullOrEmpty(change.AreaCode) ? "" : await territory.PathOfAsync(change.AreaCode, ct)
            ?? throw new ValidationException("areaCode", "unknown_node");
        var departments = new[] { change.LeadDepartmentCode }.Concat(change.AssistingDepartmentCodes ?? []).OfType<string>().Select(d => d.ToUpperInvariant()).ToList();
        var known = await db.Set<Department>().Where(d => departments.Contains(d.Code)).Select(d => d.Code).ToListAsync(ct);
        if (departments.Except(known).Any()) throw new ValidationException("leadDepartmentCode", "unknown");
        var rule = await db.Set<RoutingRule>().FirstOrDefaultAsync(r => r.CategoryCode == change.CategoryCode && r.Path == areaPath, ct);
        if (rule is null)
        {
            rule = RoutingRule.Create(change.CategoryCode, areaPath, change.Level, change.LeadDepartmentCode, change.AssistingDepartmentCodes ?? [], change.Limits);
            db.Add(rule);
        }
        else rule.Change(change.Level, change.LeadDepartmentCode, change.AssistingDepartmentCodes ?? [], change.Limits);
        await db.SaveChangesAsync(ct);
        Forget(cache);
        return View(rule);
    }

    private static RouteView View(RoutingRule r) =>
        new(r.Id, r.CategoryCode, r.Path, r.Level, r.LeadDepartmentCode, r.Assisting, r.Limits, r.Version);
}
