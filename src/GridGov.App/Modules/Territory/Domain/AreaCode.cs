namespace GridGov.Modules.Territory.Domain;

/// <summary>
/// 12-digit statistical division codes (统计用区划代码): 2 digits province, 2 city, 2 county,
/// 3 township, 3 village. The level shows in which trailing groups are zero.
/// </summary>
public static class AreaCode
{
    public static bool IsValid(string? code) =>
        code is { Length: 12 } && code.All(char.IsAsciiDigit) && code[..2] != "00";

    public static AreaLevel LevelOf(string code)
    {
        if (code[2..] == "0000000000") return AreaLevel.Province;
        if (code[4..] == "00000000") return AreaLevel.City;
        if (code[6..] == "000000") return AreaLevel.County;
        if (code[9..] == "000") return AreaLevel.Township;
        return AreaLevel.Village;
    }

    /// <summary>The 6-digit division code (行政区划代码) of a province, city or county.</summary>
    public static string DivisionCode(string code) => code[..6];

    public static string FromDivisionCode(string sixDigits) => sixDigits.PadRight(12, '0');
}
