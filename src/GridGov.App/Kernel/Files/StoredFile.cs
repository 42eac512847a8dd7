namespace GridGov.Kernel.Files;

/// <summary>
/// An uploaded file, stored outside the web root under a name the app chose. Until a record of
/// some module claims it, only its uploader may attach it; once claimed it belongs to that owner
/// (<see cref="OwnerType"/>, <see cref="OwnerKey"/>), and whoever may see the owner may see it.
/// </summary>
public sealed class StoredFile
{
    public const int MaxPerClaim = 9;

    private StoredFile() { }

    public StoredFile(string storedName, string contentType, long size, string uploadedBy, DateTime at) =>
        (StoredName, ContentType, Size, UploadedBy, UploadedAt) = (storedName, contentType, size, uploadedBy, at);

    public long Id { get; private set; }
    public string StoredName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string UploadedBy { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }
    public DateTime? ClaimedAt { get; private set; }
    public string? OwnerType { get; private set; }
    public string? OwnerKey { get; private set; }

    public void Claim(string ownerType, DateTime at) => (OwnerType, ClaimedAt) = (ownerType, at);

    /// <summary>Names the owning record, once it has its key (a new record may get it only when saved).</summary>
    public void BelongTo(string ownerKey) => OwnerKey = ownerKey;

    /// <summary>The type a file's first bytes declare, whatever its name or header says; null when not an accepted image.</summary>
    public static (string ContentType, string Extension)? SniffImage(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return ("image/jpeg", "jpg");
        if (head.Length >= 8 && head[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return ("image/png", "png");
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return ("image/webp", "webp");
        return null;
    }
}
