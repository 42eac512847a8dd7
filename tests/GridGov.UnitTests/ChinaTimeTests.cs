using GridGov.Kernel.Time;

namespace GridGov.UnitTests;

/// <summary>The county's clock face, read from the one time provider whatever the host's zone.</summary>
public class ChinaTimeTests
{
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
        // A host far from China: nothing may read the host's own zone.
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("far", TimeSpan.FromHours(-10), "far", "far");
    }

    [Fact]
    public void Between_midnight_and_eight_in_the_county_today_is_already_the_county_date()
    {
        var clock = new At(new DateTimeOffset(2026, 12, 1, 17, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 12, 2), clock.Today());
        Assert.Equal("20261202-0130", clock.FileStamp());
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 1, 30, 0, TimeSpan.FromHours(8)), clock.Now());
        Assert.Equal(TimeSpan.FromHours(8), clock.Now().Offset);
    }

    [Fact]
    public void A_wall_clock_time_in_the_county_and_its_utc_instant_convert_both_ways()
    {
        var utc = ChinaTime.FromWallClock(new DateTime(2026, 12, 2, 1, 30, 0));
        Assert.Equal(new DateTime(2026, 12, 1, 17, 30, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(new DateOnly(2026, 12, 2), ChinaTime.DateOf(utc));
        Assert.Equal("2026-12-02 01:30:00", utc.Show());
        Assert.Equal(new DateTime(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc), ChinaTime.StartOf(new DateOnly(2026, 12, 2)));
    }

    [Theory]
    [InlineData("2026-12-02T01:30:00", "2026-12-01T17:30:00")]
    [InlineData("2026-12-02 01:30", "2026-12-01T17:30:00")]
    [InlineData("2026-12-01T17:30:00Z", "2026-12-01T17:30:00")]
    [InlineData("2026-12-02T03:30:00+10:00", "2026-12-01T17:30:00")]
    public void A_typed_instant_without_an_offset_is_county_time(string text, string utc) =>
        Assert.Equal(DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), ChinaTime.ReadInstant(text));

    [Fact]
    public void A_typed_instant_that_does_not_read_is_null() => Assert.Null(ChinaTime.ReadInstant("昨天"));
}
