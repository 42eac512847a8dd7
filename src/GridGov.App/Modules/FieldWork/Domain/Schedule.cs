using GridGov.Kernel.Errors;

namespace GridGov.Modules.FieldWork.Domain;

public enum Repeat
{
    Once = 0,
    Daily = 1,
    Weekly = 2,
    Monthly = 3,
}

/// <summary>The days one visit of a plan is expected: its due day and the window around it.</summary>
public readonly record struct VisitWindow(int Occurrence, DateOnly Due, DateOnly Earliest, DateOnly Latest)
{
    public bool Holds(DateOnly day) => Earliest <= day && day <= Latest;
}

/// <summary>
/// When a plan's visits fall due: from an anchor day, repeated every n days, weeks or months
/// (a month from the 31st is the month's last day, and the next one is the 31st again), each with a
/// window of days before and after; optionally moved off rest days to the next working day; never
/// past <see cref="Until"/>. Pure: the calendar is passed in, so tests need no host.
/// </summary>
public sealed record Schedule(DateOnly Anchor, Repeat Repeat, int Every, int EarlyDays, int LateDays, bool WorkingDaysOnly, DateOnly? Until)
{
    public const int MaxWindowDays = 62;

    public static Schedule Once(DateOnly due, int earlyDays = 0, int lateDays = 0) => new(due, Repeat.Once, 1, earlyDays, lateDays, false, due.AddDays(lateDays));

    public static Schedule Daily(DateOnly from, DateOnly? until) => new(from, Repeat.Daily, 1, 0, 0, false, until);

    public static Schedule Monthly(DateOnly anchor, int earlyDays, int lateDays, bool workingDaysOnly = true, DateOnly? until = null) =>
        new(anchor, Repeat.Monthly, 1, earlyDays, lateDays, workingDaysOnly, until);

    public void Validate()
    {
        new Validator()
            .Check(Enum.IsDefined(Repeat), "repeat", "unknown")
            .Check(Every is >= 1 and <= 366, "every", "out_of_range")
            .Check(EarlyDays is >= 0 and <= MaxWindowDays, "earlyDays", "out_of_range")
            .Check(LateDays is >= 0 and <= MaxWindowDays, "lateDays", "out_of_range")
            .Check(Until is null || Until >= Anchor, "until", "before_start")
            .ThrowIfInvalid();
    }

    public DateOnly NominalDue(int occurrence) => Repeat switch
    {
        Repeat.Daily => Anchor.AddDays(occurrence * Every),
        Repeat.Weekly => Anchor.AddDays(7 * occurrence * Every),
        Repeat.Monthly => Anchor.AddMonths(occurrence * Every),
        _ => Anchor,
    };

    public VisitWindow Window(int occurrence, Func<DateOnly, bool> isWorkingDay)
    {
        var due = NominalDue(occurrence);
        if (WorkingDaysOnly)
            for (var guard = 0; !isWorkingDay(due) && guard < 30; guard++) due = due.AddDays(1);
        return new VisitWindow(occurrence, due, due.AddDays(-EarlyDays), due.AddDays(LateDays));
    }

    /// <summary>Whether the occurrence exists: a single visit has one; a repeating plan none that falls due after its end.</summary>
    public bool Has(int occurrence, Func<DateOnly, bool> isWorkingDay) =>
        occurrence >= 0 && (Repeat != Repeat.Once || occurrence == 0)
        && (Until is not { } until || Window(occurrence, isWorkingDay).Due <= until);

    /// <summary>
    /// The occurrence a visit on <paramref name="day"/> counts for, starting from the open one: the
    /// latest whose window has begun by that day (a late visit catches the schedule up, and the
    /// skipped ones stay missed), or the open one for an early visit.
    /// </summary>
    public VisitWindow CountsFor(int open, DateOnly day, Func<DateOnly, bool> isWorkingDay)
    {
        var window = Window(open, isWorkingDay);
        for (var guard = 0; guard < 10_000 && Has(window.Occurrence + 1, isWorkingDay); guard++)
        {
            var next = Window(window.Occurrence + 1, isWorkingDay);
            if (next.Earliest > day) break;
            window = next;
        }
        return window;
    }
}
