namespace GridGov.Kernel.Time;

/// <summary>The periods people pick instead of typing dates: 本周, 本月, 本季, 本年, each up to today.</summary>
public enum PeriodPreset { Week, Month, Quarter, Year }

public static class PeriodPresets
{
    /// <summary>The first day of the preset's period that holds <paramref name="today"/>, and today (weeks start on Monday).</summary>
    public static (DateOnly From, DateOnly To) Range(this PeriodPreset preset, DateOnly today) => preset switch
    {
        PeriodPreset.Week => (today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), today),
        PeriodPreset.Month => (new DateOnly(today.Year, today.Month, 1), today),
        PeriodPreset.Quarter => (new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1), today),
        _ => (new DateOnly(today.Year, 1, 1), today),
    };

    /// <summary>A preset named in a query string ("month"), or null for anything else.</summary>
    public static PeriodPreset? Parse(string? name) =>
        Enum.TryParse<PeriodPreset>(name, ignoreCase: true, out var p) && Enum.IsDefined(p) ? p : null;
}
