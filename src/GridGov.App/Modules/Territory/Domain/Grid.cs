using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Territory.Domain;

/// <summary>
/// A grid (网格) of level 1, 2 or 3. A level-1 grid sits in an administrative area (usually a
/// village or community); a level-2 grid in a level-1 grid; a level-3 grid in a level-2 grid.
/// Grids are retired, never deleted, so records that name them keep their meaning.
/// </summary>
public sealed class Grid : IScopedByPath, IAudited
{
    public const int MaxLevel = 3;

    private Grid() { }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Level { get; private set; }
    /// <summary>The administrative area the grid belongs to (for a level-1 grid, its parent).</summary>
    public int AreaId { get; private set; }
    public int? ParentGridId { get; private set; }
    public string Path { get; private set; } = "";
    public DateOnly OpenedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? BoundaryGeoJson { get; private set; }
    public int Version { get; private set; }

    public bool IsRetired => ClosedOn is not null;

    public static Grid OpenInArea(AdminArea area, int sequence, string name, DateOnly openedOn)
    {
        if (area.Level < AreaLevel.Township) throw new ConflictException("grid_parent_level");
        return New(area, GridCode.Compose(area.Code, 1, sequence), 1, null, area.Path, name, openedOn);
    }

    public static Grid OpenInGrid(Grid parent, AdminArea area, int sequence, string name, DateOnly openedOn)
    {
        if (parent.IsRetired) throw new ConflictException("grid_parent_retired");
        if (parent.Level >= MaxLevel) throw new ConflictException("grid_parent_level");
        var level = parent.Level + 1;
        return New(area, GridCode.Compose(area.Code, level, sequence), level, parent.Id, parent.Path, name, openedOn);
    }

    private static Grid New(AdminArea area, string code, int level, int? parentGridId, string parentPath, string name, DateOnly openedOn)
    {
        new Validator().Require("name", name, 100).ThrowIfInvalid();
        return new Grid
        {
            Code = code, Name = name.Trim(), Level = level, AreaId = area.Id, ParentGridId = parentGridId,
            Path = TreePath.Child(parentPath, code), OpenedOn = openedOn,
        };
    }

    public Grid WithId(int id)
    {
        Id = id;
        return this;
    }

    public void Rename(string name)
    {
        new Validator().Require("name", name, 100).ThrowIfInvalid();
        Name = name.Trim();
    }

    public void SetBoundary(string? geoJson) => BoundaryGeoJson = geoJson;

    /// <summary>Moves a level-1 grid to another area. Returns the path prefix that changed.</summary>
    public (string OldPath, string NewPath) MoveTo(AdminArea area)
    {
        if (Level != 1 || area.Level < AreaLevel.Township) throw new ConflictException("grid_move_level");
        return Repath(area.Path, area.Id, null);
    }

    /// <summary>Moves a level-2 or level-3 grid under another grid one level up.</summary>
    public (string OldPath, string NewPath) MoveTo(Grid parent)
    {
        if (parent.Level != Level - 1) throw new ConflictException("grid_move_level");
        if (parent.IsRetired) throw new ConflictException("grid_parent_retired");
        if (parent.Id == Id || parent.Path.StartsWith(Path, StringComparison.Ordinal)) throw new ConflictException("grid_move_cycle");
        return Repath(parent.Path, parent.AreaId, parent.Id);
    }

    private (string, string) Repath(string parentPath, int areaId, int? parentGridId)
    {
        if (IsRetired) throw new ConflictException("grid_retired");
        var old = Path;
        Path = TreePath.Child(parentPath, Code);
        AreaId = areaId;
        ParentGridId = parentGridId;
        return (old, Path);
    }

    /// <summary>Rebases the path after an ancestor moved; the code and parent stay.</summary>

    public void Retire(DateOnly on, bool hasActiveChildren, bool hasPeople)
    {
        if (IsRetired) throw new ConflictException("grid_retired");
        if (hasActiveChildren || hasPeople) throw new ConflictException("grid_not_empty");
        if (on < OpenedOn) throw new ValidationException("closedOn", "before_opening");
        ClosedOn = on;
    }
}
