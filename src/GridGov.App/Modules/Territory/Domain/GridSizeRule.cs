using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Territory.Domain;

/// <summary>A county's policy for how many households a grid of one level should hold.</summary>
public sealed class GridSizeRule : IScopedByPath, IAudited
{
    public static readonly IReadOnlyDictionary<int, (int Min, int Max)> Defaults =
        new Dictionary<int, (int, int)> { [1] = (300, 500), [2] = (50, 100), [3] = (10, 20) };

    private GridSizeRule() { }

    public int Id { get; private set; }
    public int CountyAreaId { get; private set; }
    /// <summary>The county's path: the rule is county policy and scoped like the county.</summary>
    public string Path { get; private set; } = "";
    public int Level { get; private set; }
    public int MinHouseholds { get; private set; }
    public int MaxHouseholds { get; private set; }

    public static GridSizeRule For(AdminArea county, int level, int min, int max)
    {
        if (county.Level != AreaLevel.County) throw new ConflictException("size_rule_county_only");
        var rule = new GridSizeRule { CountyAreaId = county.Id, Path = county.Path, Level = level };
        rule.Change(min, max);
        return rule;
    }

    public void Change(int min, int max)
    {
        new Validator()
            .Check(Level is >= 1 and <= Grid.MaxLevel, "level", "out_of_range")
            .Check(min >= 0, "min", "out_of_range")
            .Check(max >= min && max > 0, "max", "min_above_max")
            .ThrowIfInvalid();
        MinHouseholds = min;
        MaxHouseholds = max;
    }
}
