using GridGov.Kernel.Errors;

namespace GridGov.Kernel.Time;

public enum DayKind
{
    /// <summary>A public holiday on what would otherwise be a working day.</summary>
    Holiday,
    /// <summary>A weekend day worked in exchange for a holiday (调休上班).</summary>
    Workday,
}

/// <summary>
/// One exception to the Monday-to-Friday week: a public holiday or a make-up working day, as the
/// State Council publishes them each year. Entered by an administrator, never guessed.
/// </summary>
public sealed class CalendarDay : Kernel.Auditing.IAudited
{
    private CalendarDay() { }

    public DateOnly Date { get; private set; }
    public DayKind Kind { get; private set; }
    public string Name { get; private set; } = "";

    public static CalendarDay Create(DateOnly date, DayKind kind, string name)
    {
        new Validator().Require("name", name, 50).ThrowIfInvalid();
        if (!Enum.IsDefined(kind)) throw new ValidationException("kind", "unknown");
        return new CalendarDay { Date = date, Kind = kind, Name = name.Trim() };
    }

    public void Change(DayKind kind, string name)
    {
        new Validator().Require("name", name, 50).ThrowIfInvalid();
        if (!Enum.IsDefined(kind)) throw new ValidationException("kind", "unknown");
        (Kind, Name) = (kind, name.Trim());
    }
}
