namespace GridGov.Kernel.Time;

/// <summary>The deployment's clock face: China Standard Time (UTC+8, no daylight saving), whatever the host's own zone.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>A stored UTC instant as people in the county read it, with its offset.</summary>
    public static DateTimeOffset ToChinaTime(this DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);

    public static string Show(this DateTime utc) => utc.ToChinaTime().ToString("yyyy-MM-dd HH:mm:ss");
}
