using System.Globalization;
using GridGov.Data;
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
public sealed class IncidentCatalogue(GridGovDbContext db)
{
    public async Task<IReadOnlyList<CategoryItem>> CategoriesAsync(CancellationToken ct) =>
        await db.Set<IncidentCategory>().AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder)
            .Select(c => new CategoryItem(c.Code, c.ParentCode, c.Name, c.EnglishName, c.Kind)).ToListAsync(ct);

    public async Task<IReadOnlyList<DepartmentItem>> DepartmentsAsync(CancellationToken ct) =>
        await db.Set<Department>().AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Code)
            .Select(d => new DepartmentItem(d.Code, d.Name, d.EnglishName)).ToListAsync(ct);
}
