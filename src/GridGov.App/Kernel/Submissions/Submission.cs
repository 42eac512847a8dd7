namespace GridGov.Kernel.Submissions;

/// <summary>
/// A form or API call that carried a client-supplied key, and the record it saved. A phone on a poor
/// connection sends the same submission again when it never saw the answer; the key, per user, is
/// recognised and answered with the record first saved.
/// </summary>
public sealed class Submission
{
    public const int MaxKey = 64;

    private Submission() { }

    public long Id { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public string ClientKey { get; private set; } = "";
    /// <summary>What was submitted (visit, service request…), so a key reused for something else is refused, not replayed.</summary>
    public string Kind { get; private set; } = "";
    public string RecordKey { get; private set; } = "";
    public DateTime At { get; private set; }

    public static Submission Of(string by, string clientKey, string kind, string recordKey, DateTime at) =>
        new() { SubmittedBy = by, ClientKey = clientKey, Kind = kind, RecordKey = recordKey, At = at };

    /// <summary>A key is 8 to 64 letters, digits, dashes or underscores (a UUID fits).</summary>
    public static bool IsWellFormed(string key) =>
        key.Length is >= 8 and <= MaxKey && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
