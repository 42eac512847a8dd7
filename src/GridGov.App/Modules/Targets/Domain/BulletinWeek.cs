namespace GridGov.Modules.Targets.Domain;

/// <summary>
/// A bulletin's week: seven days from the county's first day of the week, numbered as ISO 8601
/// numbers Monday weeks. A week belongs to the year that holds four or more of its days (its
/// fourth day's year), and week 1 is the first such week; with a Monday start this is ISO week
/// numbering exactly (2021-01-03 is in 2020-W53, 2024-12-30 in 2025-W01).
/// </summary>
public readonly record struct BulletinWeek(int Year, int Number, DateOnly From, DateOnly To)
{
    public static BulletinWeek Of(DateOnly day, DayOfWeek firstDay)
    {
        var from = day.AddDays(-(((int)day.DayOfWeek - (int)firstDay + 7) % 7));
        var fourth = from.AddDays(3);
        return new BulletinWeek(fourth.Year, (fourth.DayOfYear - 1) / 7 + 1, from, from.AddDays(6));
    }

    /// <summary>The week numbered so in a year, or null when the year has no such week.</summary>
    public static BulletinWeek? Numbered(int year, int number, DayOfWeek firstDay)
    {
        if (number < 1 || year is < 2000 or > 2100) return null;
        var first = Of(new DateOnly(year, 1, 4), firstDay);
        var week = Of(first.From.AddDays(7 * (number - 1)), firstDay);
        return week.Year == year && week.Number == number ? week : null;
    }

    public override string ToString() => $"{Year}-W{Number:D2}";
}
