namespace GridGov.Modules.Incidents.Domain;

/// <summary>
/// A photo uploaded for an incident, stored outside the web root under a name the app chose.
/// It is claimed by the one step it is attached to; until then only its uploader may attach it.
/// </summary>
public sealed class IncidentPhoto
{
    private IncidentPhoto() { }

    public IncidentPhoto(string storedName, string contentType, long size, string uploadedBy, DateTime at) =>
        (StoredName, ContentType, Size, UploadedBy, UploadedAt) = (storedName, contentType, size, uploadedBy, at);

    public long Id { get; private set; }
    public string StoredName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string UploadedBy { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }
    public DateTime? ClaimedAt { get; private set; }

    public void Claim(DateTime at) => ClaimedAt = at;

    /// <summary>The type a file's first bytes declare, whatever its name or header says; null when not an accepted image.</summary>
    public static (string ContentType, string Extension)? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return ("image/jpeg", "jpg");
        if (head.Length >= 8 && head[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return ("image/png", "png");
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return ("image/webp", "webp");
        return null;
    }
}
