namespace GridGov.Kernel.Tallies;

/// <summary>
/// A tally's period as one sortable integer: yyyymmdd for a day, yyyymm for a month, so that a
/// range of periods is a range of integers on an index.
/// </summary>
public static class TallyPeriod
{
    public static int Day(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    public static int Month(DateOnly date) => date.Year * 100 + date.Month;

    public static DateOnly FirstDayOf(int period) => period > 999999
        ? new DateOnly(period / 10000, period / 100 % 100, period % 100)
        : new DateOnly(period / 100, period % 100, 1);
}
