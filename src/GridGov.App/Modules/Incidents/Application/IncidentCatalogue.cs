using System.Globalization;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using GridGov.Modules.Incidents.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Incidents.Application;

public sealed record CategoryItem(string Code, string? ParentCode, string Name, string EnglishName, CategoryKind Kind)
{
    public string Label => CultureInfo.CurrentUICulture.Name.StartsWith("en") ? EnglishName : Name;
}

public sealed record DepartmentItem(string Code, string Name, string EnglishName)
{
    public string Label => CultureInfo.CurrentUICulture.Name.StartsWith("en") ? EnglishName : Name;
}

/// <summary>The category catalogue and the departments, for forms, lists and the API.</summary>
public sealed record CategoryChange(string? ParentCode, string Name, string EnglishName, CategoryKind Kind = CategoryKind.General, bool IsActive = true);

public sealed class IncidentCatalogue(GridGovDbContext db, CurrentUser user, Microsoft.Extensions.Caching.Memory.IMemoryCache cache)
{
    /// <summary>Adds a category or changes one; an item belongs to a group, a group to nothing. Kept in history.</summary>
    public async Task<CategoryItem> SetCategoryAsync(string code, CategoryChange change, CancellationToken ct)
    {
        user.Require(PlatformPermissions.SharedReferenceData);
        code = code.Trim().ToUpperInvariant();
        var existing = await db.Set<IncidentCategory>().FirstOrDefaultAsync(c => c.Code == code, ct);
        if (existing is null)
        {
            if (change.ParentCode is { } parent)
            {
                if (!code.StartsWith(parent.ToUpperInvariant() + ".")) throw new ValidationException("code", "not_in_group");
                if (!await db.Set<IncidentCategory>().AnyAsync(c => c.Code == parent.ToUpperInvariant() && c.ParentCode == null, ct))
                    throw new ValidationException("parentCode", "unknown");
            }
            else if (code.Contains('.')) throw new ValidationException("code", "not_in_group");
            var order = await db.Set<IncidentCategory>().MaxAsync(c => (int?)c.SortOrder, ct) ?? 0;
            db.Add(existing = IncidentCategory.Create(code, change.ParentCode?.ToUpperInvariant(), change.Name, change.EnglishName, change.Kind, order + 1));
        }
        else existing.Change(change.Name, change.EnglishName, change.IsActive);
        await db.SaveChangesAsync(ct);
        RoutingTable.Forget(cache);
        return new CategoryItem(existing.Code, existing.ParentCode, existing.Name, existing.EnglishName, existing.Kind);
    }

    public async Task<IReadOnlyList<CategoryItem>> CategoriesAsync(CancellationToken ct) =>
        await db.Set<IncidentCategory>().AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder)
            .Select(c => new CategoryItem(c.Code, c.ParentCode, c.Name, c.EnglishName, c.Kind)).ToListAsync(ct);

    public async Task<IReadOnlyList<DepartmentItem>> DepartmentsAsync(CancellationToken ct) =>
        await db.Set<Department>().AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Code)
            .Select(d => new DepartmentItem(d.Code, d.Name, d.EnglishName)).ToListAsync(ct);
}
