namespace GridGov.Kernel.Time;

/// <summary>
/// The deployment's clock face: China Standard Time (UTC+8, one zone for the whole country, no
/// daylight saving), whatever the host's own zone. Instants are stored in UTC; "today", "now",
/// every time shown on a page and every file name's stamp are read here, from the one
/// <see cref="TimeProvider"/> the host registers, so a UTC host and a test clock agree with the county.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>A stored UTC instant as people in the county read it, with its offset.</summary>
    public static DateTimeOffset ToChinaTime(this DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);

    public static string Show(this DateTime utc) => utc.ToChinaTime().ToString("yyyy-MM-dd HH:mm:ss");

    /// <summary>The calendar date in the county at a UTC instant.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc) + Offset);

    /// <summary>The UTC instant at which a wall-clock time in the county (a form's datetime-local) falls.</summary>
    public static DateTime FromWallClock(DateTime chinaWallClock) =>
        DateTime.SpecifyKind(DateTime.SpecifyKind(chinaWallClock, DateTimeKind.Unspecified) - Offset, DateTimeKind.Utc);

    /// <summary>
    /// Reads an instant a caller typed: with an offset or Z it is that instant; without one it is a
    /// wall-clock time in the county, never in the host's zone. Null when it does not read.
    /// </summary>
    public static DateTime? ReadInstant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var styles = System.Globalization.DateTimeStyles.AllowWhiteSpaces;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (System.Text.RegularExpressions.Regex.IsMatch(text.Trim(), @"(Z|[+-]\d{2}:?\d{2})$", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            return DateTimeOffset.TryParse(text, culture, styles, out var instant) ? instant.UtcDateTime : null;
        return DateTime.TryParse(text, culture, styles, out var wall) ? FromWallClock(wall) : null;
    }

    /// <summary>The UTC instant at which a county date begins.</summary>
    public static DateTime StartOf(DateOnly date) => FromWallClock(date.ToDateTime(TimeOnly.MinValue));

    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    public static DateTimeOffset Now(this TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    /// <summary>Today in the county: between 00:00 and 08:00 China time it is already the host's tomorrow in UTC terms.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.Now().DateTime);

    /// <summary>A stamp for a download's file name, in county time: 20261201-0930.</summary>
    public static string FileStamp(this TimeProvider clock) => clock.Now().ToString("yyyyMMdd-HHmm");
}
