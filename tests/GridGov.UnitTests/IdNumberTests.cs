using GridGov.Modules.People.Domain;

namespace GridGov.UnitTests;

public class IdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31, Sex.Female)] // the standard's own example
    [InlineData("14112719900307651X", 1990, 3, 7, Sex.Male)]
    [InlineData("141124200402291002", 2004, 2, 29, Sex.Female)] // a leap day
    [InlineData("141181198001010019", 1980, 1, 1, Sex.Male)]
    public void Valid_numbers_give_birth_date_and_sex(string text, int year, int month, int day, Sex sex)
    {
        Assert.Equal(IdNumberError.None, IdNumber.TryParse(text, Today, out var id));
        Assert.Equal(new DateOnly(year, month, day), id.BirthDate);
        Assert.Equal(sex, id.Sex);
        Assert.Equal(text[17], IdNumber.CheckCharacterOf(text.AsSpan(0, 17)));
    }

    [Fact]
    public void Lower_case_x_is_accepted_and_stored_upper_case()
    {
        Assert.Equal(IdNumberError.None, IdNumber.TryParse("11010519491231002x", Today, out var id));
        Assert.Equal("11010519491231002X", id.Value);
    }

    [Theory]
    [InlineData("110105194912310021", IdNumberError.BadCheckCharacter)]
    [InlineData("11010519491231002", IdNumberError.WrongLength)]
    [InlineData("1101051949123100211", IdNumberError.WrongLength)]
    [InlineData("", IdNumberError.Empty)]
    [InlineData("11010519491231A02X", IdNumberError.BadCharacters)]
    [InlineData("11010519491231002Y", IdNumberError.BadCharacters)]
    [InlineData("990105194912310021", IdNumberError.UnknownRegion)]
    public void Malformed_numbers_are_refused_with_the_reason(string text, IdNumberError expected) =>
        Assert.Equal(expected, IdNumber.TryParse(text, Today, out _));

    [Theory]
    [InlineData("19990230")] // 30 February
    [InlineData("20011301")] // month 13
    [InlineData("18991231")] // before 1900
    public void Impossible_birth_dates_are_refused(string date)
    {
        var first17 = "141127" + date + "123";
        Assert.Equal(IdNumberError.ImpossibleDate, IdNumber.TryParse(first17 + IdNumber.CheckCharacterOf(first17), Today, out _));
    }

    [Fact]
    public void A_birth_date_in_the_future_is_refused()
    {
        var first17 = "141127" + "20270101" + "123";
        Assert.Equal(IdNumberError.FutureDate, IdNumber.TryParse(first17 + IdNumber.CheckCharacterOf(first17), Today, out _));
    }

    [Fact]
    public void Composed_numbers_parse_back_with_the_same_birth_date_and_sex()
    {
        var birth = new DateOnly(1961, 10, 1);
        foreach (var sex in new[] { Sex.Male, Sex.Female })
            for (var seq = 0; seq < 1200; seq += 7)
            {
                var number = IdNumber.Compose("141127", birth, seq, sex);
                Assert.Equal(IdNumberError.None, IdNumber.TryParse(number, Today, out var id));
                Assert.Equal(birth, id.BirthDate);
                Assert.Equal(sex, id.Sex);
            }
    }

    [Fact]
    public void Age_turns_on_the_birthday()
    {
        IdNumber.TryParse(IdNumber.Compose("141127", new DateOnly(1966, 11, 24), 1, Sex.Male), Today, out var id);
        Assert.Equal(59, id.AgeOn(Today));
        Assert.Equal(60, id.AgeOn(Today.AddDays(1)));
    }
}
