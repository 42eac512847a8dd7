using System.Globalization;
using System.Text;

namespace GridGov.Kernel.Time;

/// <summary>
/// The State Council's published holiday schedules shipped with the product, for seeding the
/// calendar; later years are entered by an administrator once they are published.
/// </summary>
public static class PublishedHolidays
{
    public static IReadOnlyList<CalendarDay> Year2026() => Parse("GridGov.Holidays2026.csv");

    private static List<CalendarDay> Parse(string resource)
    {
        using var stream = typeof(PublishedHolidays).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var days = new List<CalendarDay>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var parts = line.Split(',');
            var kind = parts[1] switch
            {
                "holiday" => DayKind.Holiday,
                "workday" => DayKind.Workday,
                _ => throw new InvalidOperationException($"unknown day kind in {resource}: {line}"),
            };
            days.Add(CalendarDay.Create(DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), kind, parts[2]));
        }
        return days;
    }
}
