using GridGov.Modules.People.Domain;

namespace GridGov.UnitTests;

/// <summary>
/// A resident's share of the tag tallies, read back the way the cockpit reads it (starts on or
/// before a day less ends before it, plus the month of births the month rows leave out), over days
/// that pass with no write: a tag's first and last day, month ends, leap days and deregistration.
/// </summary>
public sealed class TagShareTests
{
    private const string Grid = "140000000000/141100000000/141127000000/141127100000/141127100001/14112710000110001/14112710000120001/14112710000130001/";
    private const string County = "140000000000/141100000000/141127000000/";
    private const string Township = "140000000000/141100000000/141127000000/141127100000/";
    private const int Elderly = 1;
    private const int Watch = 3;

    /// <summary>Who carries <paramref name="tag"/> on <paramref name="day"/> at a grain, as the tallies and the residents' birth dates together say.</summary>
    private static int CarriedOn(IEnumerable<(TagTallyKey Key, int Starts, int Ends)> shares, TagTallyGrain grain, int tag, DateOnly day,
        IEnumerable<TaggedResident> residents)
    {
        var kept = shares.Where(s => s.Key.Grain == grain && s.Key.TagId == tag && s.Key.Day <= day).Sum(s => s.Starts - (s.Key.Day < day ? s.Ends : 0));
        if (tag != Elderly) return kept;
        var by = TagShares.ElderlyBornBy(day);
        var from = grain == TagTallyGrain.Place ? DateOnly.MinValue : TagShares.ElderlyBornFrom(day);
        return kept + residents.Count(r => r.IsActive && r.BirthDate >= from && r.BirthDate <= by);
    }

    private static int IsElderly(TaggedResident r, DateOnly day) =>
        r.IsActive && AgeOn(r.BirthDate, day) >= TagDefinition.ElderlyAge ? 1 : 0;

    private static int AgeOn(DateOnly born, DateOnly day)
    {
        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }

    [Fact]
    public void A_tag_counts_from_its_first_day_to_its_last_and_not_a_day_more_at_every_grain()
    {
        var resident = new TaggedResident(Grid, true, new DateOnly(1990, 1, 1));
        var shares = TagShares.Of(resident, [new TagSpan(Watch, new DateOnly(2026, 1, 30), new DateOnly(2026, 2, 2))], Elderly).ToList();
        Assert.Equal([County, Township, Grid], shares.Where(s => s.Key.TagId == Watch && s.Starts == 1).Select(s => s.Key.Path));
        foreach (var grain in Enum.GetValues<TagTallyGrain>())
        {
            Assert.Equal(0, CarriedOn(shares, grain, Watch, new DateOnly(2026, 1, 29), [resident]));
            Assert.Equal(1, CarriedOn(shares, grain, Watch, new DateOnly(2026, 1, 30), [resident]));
            Assert.Equal(1, CarriedOn(shares, grain, Watch, new DateOnly(2026, 1, 31), [resident]));
            Assert.Equal(1, CarriedOn(shares, grain, Watch, new DateOnly(2026, 2, 2), [resident]));
            Assert.Equal(0, CarriedOn(shares, grain, Watch, new DateOnly(2026, 2, 3), [resident]));
        }
    }

    [Theory]
    [InlineData(1966, 12, 1)]
    [InlineData(1966, 12, 31)]
    [InlineData(1966, 11, 30)]
    [InlineData(1964, 2, 29)]
    [InlineData(1967, 1, 1)]
    public void Being_elderly_starts_on_the_sixtieth_birthday_every_day_around_it(int year, int month, int day)
    {
        var resident = new TaggedResident(Grid, true, new DateOnly(year, month, day));
        var shares = TagShares.Of(resident, [], Elderly).ToList();
        Assert.DoesNotContain(shares, s => s.Key.Grain == TagTallyGrain.Place);
        var birthday = resident.BirthDate.AddYears(60);
        for (var d = birthday.AddDays(-40); d <= birthday.AddDays(40); d = d.AddDays(1))
            foreach (var grain in Enum.GetValues<TagTallyGrain>())
                Assert.True(IsElderly(resident, d) == CarriedOn(shares, grain, Elderly, d, [resident]), $"{grain} on {d}");
    }

    [Fact]
    public void Someone_off_the_register_has_no_share_and_someone_above_any_county_counts_at_the_county_grain_on_their_own_path()
    {
        Assert.Empty(TagShares.Of(new TaggedResident(Grid, false, new DateOnly(1950, 1, 1)), [new TagSpan(Watch, new DateOnly(2026, 1, 1), null)], Elderly));
        var city = "140000000000/141100000000/";
        var shares = TagShares.Of(new TaggedResident(city, true, new DateOnly(1990, 1, 1)), [new TagSpan(Watch, new DateOnly(2026, 1, 1), null)], Elderly).ToList();
        Assert.Contains(shares, s => s.Key is { Grain: TagTallyGrain.County, TagId: Watch } && s.Key.Path == city);
        Assert.DoesNotContain(shares, s => s.Key.Grain == TagTallyGrain.Township);
    }

    [Fact]
    public void A_place_is_read_at_the_coarsest_grain_that_answers_for_it()
    {
        Assert.Equal(TagTallyGrain.County, TagShares.GrainFor(""));
        Assert.Equal(TagTallyGrain.County, TagShares.GrainFor("140000000000/141100000000/"));
        Assert.Equal(TagTallyGrain.County, TagShares.GrainFor(County));
        Assert.Equal(TagTallyGrain.Township, TagShares.GrainFor(Township));
        Assert.Equal(TagTallyGrain.Place, TagShares.GrainFor(Township + "141127100001/"));
    }
}
