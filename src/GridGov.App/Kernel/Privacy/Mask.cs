namespace GridGov.Kernel.Privacy;

/// <summary>How personal numbers appear wherever the full value is not explicitly revealed.</summary>
public static class Mask
{
    /// <summary>141127********123X: the area code and the last four characters.</summary>
    public static string IdNumber(string? value) =>
        value is { Length: 18 } ? value[..6] + new string('*', 8) + value[^4..] : Stars(value);

    /// <summary>138****5678.</summary>
    public static string Phone(string? value) =>
        value is { Length: 11 } ? value[..3] + "****" + value[^4..] : Stars(value);

    private static string Stars(string? value) => string.IsNullOrEmpty(value) ? "" : new string('*', value.Length);
}
