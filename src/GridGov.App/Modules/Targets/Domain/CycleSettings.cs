using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Targets.Domain;

/// <summary>
/// How an area's office runs its cycle: the day its bulletin week starts, the rounding rule its
/// bulletins state, and the office that issues them. An area without its own takes the nearest
/// above it, and Monday weeks, two decimals, half up where none is set.
/// </summary>
public sealed class CycleSettings : IScopedByPath, IAudited
{
    private CycleSettings() { }

    public int Id { get; private set; }
    public string Path { get; private set; } = "";
    public string AreaCode { get; private set; } = "";
    public DayOfWeek WeekStartsOn { get; private set; } = DayOfWeek.Monday;
    public RoundingMode Rounding { get; private set; } = RoundingMode.HalfUp;
    public int Decimals { get; private set; } = 2;
    public string Office { get; private set; } = "";
    public int Version { get; private set; }

    public RoundingRule Rule => new(Rounding, Decimals);

    public static CycleSettings For(string path, string areaCode) => new() { Path = path, AreaCode = areaCode };

    public void Change(DayOfWeek weekStartsOn, RoundingMode rounding, int decimals, string office)
    {
        RoundingRule.Of(rounding, decimals);
        new Validator().Check(Enum.IsDefined(weekStartsOn), "weekStartsOn", "unknown").Require("office", office, Bulletin.MaxOffice).ThrowIfInvalid();
        (WeekStartsOn, Rounding, Decimals, Office) = (weekStartsOn, rounding, decimals, office.Trim());
    }
}
