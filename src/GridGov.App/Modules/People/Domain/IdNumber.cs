using System.Globalization;

namespace GridGov.Modules.People.Domain;

public enum Sex
{
    Female = 0,
    Male = 1,
}

public enum IdNumberError
{
    None,
    Empty,
    WrongLength,
    BadCharacters,
    UnknownRegion,
    ImpossibleDate,
    FutureDate,
    BadCheckCharacter,
}

/// <summary>
/// Resident identity numbers per GB 11643-1999: 6-digit area code, 8-digit birth date,
/// 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character (0–9 or X).
/// </summary>
public readonly record struct IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Province-level prefixes in use (GB/T 2260).</summary>
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
        "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
    ];

    private IdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    public string Value { get; }
    public DateOnly BirthDate { get; }
    public Sex Sex => (Value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
    public string AreaCode => Value[..6];

    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > day ? age - 1 : age;
    }

    public static char CheckCharacterOf(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Parses a number; a lower-case x check character is accepted and stored upper-case.</summary>
    public static IdNumberError TryParse(string? input, DateOnly today, out IdNumber id)
    {
        id = default;
        var text = input?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(text)) return IdNumberError.Empty;
        if (text.Length != 18) return IdNumberError.WrongLength;
        if (text.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(text[17]) || text[17] == 'X'))
            return IdNumberError.BadCharacters;
        if (!Provinces.Contains(text[..2])) return IdNumberError.UnknownRegion;
        if (!DateOnly.TryParseExact(text.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
            return IdNumberError.ImpossibleDate;
        if (birth > today) return IdNumberError.FutureDate;
        if (CheckCharacterOf(text) != text[17]) return IdNumberError.BadCheckCharacter;
        id = new IdNumber(text, birth);
        return IdNumberError.None;
    }

    /// <summary>Builds a valid number from its parts, for generated demo and test data.</summary>
    public static string Compose(string areaCode6, DateOnly birth, int sequence, Sex sex)
    {
        var seq = sequence % 500 * 2 + (sex == Sex.Male ? 1 : 0);
        if (seq == 0) seq = 2;
        var first17 = $"{areaCode6}{birth:yyyyMMdd}{seq % 1000:D3}";
        return first17 + CheckCharacterOf(first17);
    }

    public override string ToString() => Value;
}
