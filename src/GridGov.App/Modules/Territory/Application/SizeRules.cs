using GridGov.Modules.Territory.Contracts;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Territory.Application;

public sealed record SizeRuleView(int Level, int MinHouseholds, int MaxHouseholds, bool IsDefault);

/// <summary>A county's households-per-grid policy; levels it has not set use the defaults.</summary>
public sealed class SizeRules(GridGovDbContext db, CurrentUser user)
{
    public async Task<IReadOnlyList<SizeRuleView>> GetAsync(string countyCode, CancellationToken ct)
    {
        user.Require(TerritoryPermissions.View);
        var county = await db.Set<AdminArea>().FirstOrDefaultAsync(a => a.Code == countyCode, ct) ?? throw new NotFoundException("area_not_found", countyCode);
        if (county.Level != AreaLevel.County) throw new ConflictException("size_rule_county_only");
        var stored = await db.Set<GridSizeRule>().Where(r => r.CountyAreaId == county.Id).ToListAsync(ct);
        return Enumerable.Range(1, Grid.MaxLevel).Select(level => stored.FirstOrDefault(r => r.Level == level) is { } r
            ? new SizeRuleView(level, r.MinHouseholds, r.MaxHouseholds, false)
            : new SizeRuleView(level, GridSizeRule.Defaults[level].Min, GridSizeRule.Defaults[level].Max, true)).ToList();
    }

    public async Task<IReadOnlyList<SizeRuleView>> SetAsync(string countyCode, IReadOnlyList<SizeRuleView> levels, CancellationToken ct)
    {
        user.Require(TerritoryPermissions.Manage);
        var county = await db.AreaToChangeAsync(countyCode, ct);
        if (county.Level != AreaLevel.County) throw new ConflictException("size_rule_county_only");
        var stored = await db.Set<GridSizeRule>().Where(r => r.CountyAreaId == county.Id).ToListAsync(ct);
        foreach (var level in levels)
        {
            if (stored.FirstOrDefault(r => r.Level == level.Level) is { } rule) rule.Change(level.MinHouseholds, level.MaxHouseholds);
            else db.Add(GridSizeRule.For(county, level.Level, level.MinHouseholds, level.MaxHouseholds));
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(countyCode, ct);
    }
}
