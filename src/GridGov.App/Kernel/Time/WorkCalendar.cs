namespace GridGov.Kernel.Time;

public enum DeadlineUnit
{
    /// <summary>Whole working days after the day the step began (“3个工作日内”).</summary>
    WorkingDays,
    /// <summary>Hours on the clock, nights, weekends and holidays included (“2小时内签收”).</summary>
    CalendarHours,
}

/// <summary>How long a step may take: an amount in working days or calendar hours.</summary>
public readonly record struct TimeLimit(int Amount, DeadlineUnit Unit)
{
    public static TimeLimit WorkingDays(int days) => new(days, DeadlineUnit.WorkingDays);
    public static TimeLimit Hours(int hours) => new(hours, DeadlineUnit.CalendarHours);
    public override string ToString() => Unit == DeadlineUnit.WorkingDays ? $"{Amount}wd" : $"{Amount}h";
}

/// <summary>
/// Working time in China Standard Time: Monday to Friday, except the published holidays, plus the
/// weekend days published as make-up working days. A deadline in working days falls at the end of
/// the last of those days; the day a step begins does not count, as offices reckon it.
/// </summary>
public sealed class WorkCalendar(IEnumerable<CalendarDay> exceptions)
{
    /// <summary>China Standard Time, which keeps no daylight saving.</summary>
    public static readonly TimeSpan Offset = ChinaTime.Offset;

    private readonly Dictionary<DateOnly, DayKind> _exceptions = exceptions.ToDictionary(d => d.Date, d => d.Kind);

    public bool IsWorkingDay(DateOnly day) => _exceptions.TryGetValue(day, out var kind)
        ? kind == DayKind.Workday
        : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public static DateOnly LocalDate(DateTime utc) => ChinaTime.DateOf(utc);

    /// <summary>The local midnight that starts a day, in UTC.</summary>
    public static DateTime StartOf(DateOnly localDate) => ChinaTime.StartOf(localDate);

    /// <summary>The moment a step begun at <paramref name="startUtc"/> is due, in UTC.</summary>
    public DateTime DueAt(DateTime startUtc, TimeLimit limit)
    {
        if (limit.Amount <= 0) throw new ArgumentOutOfRangeException(nameof(limit), "a time limit is positive");
        if (limit.Unit == DeadlineUnit.CalendarHours) return startUtc.AddHours(limit.Amount);
        var day = LocalDate(startUtc);
        for (var counted = 0; counted < limit.Amount;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        // The end of that local day: midnight after it, China time, expressed in UTC.
        return StartOf(day.AddDays(1));
    }

    /// <summary>Whole working days from one moment to another (negative when the second is earlier).</summary>
    public int WorkingDaysBetween(DateTime fromUtc, DateTime toUtc)
    {
        var (a, b) = (LocalDate(fromUtc), LocalDate(toUtc));
        var sign = 1;
        if (b < a) (a, b, sign) = (b, a, -1);
        var count = 0;
        for (var d = a.AddDays(1); d <= b; d = d.AddDays(1)) if (IsWorkingDay(d)) count++;
        return sign * count;
    }
}
