namespace GridGov.Modules.Territory.Domain;

/// <summary>
/// A grid's code: the 12-digit code of the area it belongs to, its level (1–3) and a 4-digit
/// sequence within that area and level, e.g. 141127100001 1 0007. Codes are never reused.
/// </summary>
public static class GridCode
{
    public const int Length = 17;

    public static string Compose(string areaCode, int level, int sequence)
    {
        if (!AreaCode.IsValid(areaCode)) throw new ArgumentException("bad area code", nameof(areaCode));
        if (level is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(level));
        if (sequence is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(sequence));
        return $"{areaCode}{level}{sequence:D4}";
    }

    public static bool IsValid(string? code) =>
        code is { Length: Length } && code.All(char.IsAsciiDigit) && AreaCode.IsValid(code[..12]) && code[12] is >= '1' and <= '3';

    public static int SequenceOf(string code) => int.Parse(code.AsSpan(13));

    public static int LevelOf(string code) => code[12] - '0';
}
