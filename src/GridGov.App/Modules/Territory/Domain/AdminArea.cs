using GridGov.Kernel.Auditing;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Territory.Domain;

/// <summary>An administrative area (行政区划) from province down to village or community.</summary>
public sealed class AdminArea : IScopedByPath, IAudited
{
    private AdminArea() { }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public AreaLevel Level { get; private set; }
    public int? ParentId { get; private set; }
    public string Path { get; private set; } = "";
    public string? BoundaryGeoJson { get; private set; }

    public static AdminArea Create(string code, string name, AdminArea? parent, string? boundaryGeoJson = null)
    {
        if (!AreaCode.IsValid(code)) throw new ArgumentException($"'{code}' is not a 12-digit area code");
        var level = AreaCode.LevelOf(code);
        if (parent is null ? level != AreaLevel.Province : parent.Level >= level)
            throw new ArgumentException($"{code} cannot sit under {parent?.Code ?? "the root"}");
        return new AdminArea
        {
            Code = code, Name = name.Trim(), Level = level, ParentId = parent?.Id,
            Path = TreePath.Child(parent?.Path, code), BoundaryGeoJson = boundaryGeoJson,
        };
    }

    /// <summary>Seeding and bulk loads set ids themselves so paths and references are known up front.</summary>
    public AdminArea WithId(int id)
    {
        Id = id;
        return this;
    }

    public void SetBoundary(string? geoJson) => BoundaryGeoJson = geoJson;
}
