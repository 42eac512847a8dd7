using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace GridGov.Kernel.Files;

/// <summary>
/// Uploads for every module. A picture's type is read from its own bytes, its size is capped, and
/// it is decoded and encoded again (so neither the phone's metadata nor anything hidden in or
/// behind the image data survives); it is stored outside the web root under a fresh random name.
/// A file is served only when the module that owns it says the caller may see its owner, and
/// answers 404 otherwise, exactly as a missing one.
/// </summary>
public sealed class FileStore(GridGovDbContext db, CurrentUser user, IEnumerable<IFileAuthoriser> authorisers,
    IConfiguration config, IHostEnvironment host, TimeProvider clock)
{
    public const long DefaultMaxBytes = 8 * 1024 * 1024;

    /// <summary><c>Files:MaxImageBytes</c>, 8 MiB by default.</summary>
    public long MaxBytes => config.GetValue("Files:MaxImageBytes", DefaultMaxBytes);

    /// <summary><c>Files:Folder</c>, by default <c>data/files</c> beside the app.</summary>
    private string Folder => PrivateFolder.Create(Path.GetFullPath(
        config["Files:Folder"] ?? Path.Combine(host.ContentRootPath, "data", "files"), host.ContentRootPath));

    public async Task<string> SaveImageAsync(Stream content, CancellationToken ct)
    {
        if (!user.IsAuthenticated) throw new ForbiddenException("permission_denied");
        var head = new byte[12];
        var got = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (got == 0) throw new AppException(400, "photo_empty");
        _ = StoredFile.SniffImage(head.AsSpan(0, got)) ?? throw new AppException(415, "photo_not_image");
        using var buffer = new MemoryStream();
        buffer.Write(head, 0, got);
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw new AppException(413, "photo_too_large", MaxBytes / 1024 / 1024);
            buffer.Write(chunk, 0, read);
        }
        var clean = ImageSanitizer.Clean(buffer.ToArray()) ?? throw new AppException(415, "photo_not_image");
        var name = $"{Guid.NewGuid():N}.{clean.Extension}";
        await PrivateFolder.WriteAllBytesAsync(Path.Combine(Folder, name), clean.Bytes, ct);
        db.Add(new StoredFile(name, clean.ContentType, clean.Bytes.Length, user.UserName, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return name;
    }

    /// <summary>
    /// Claims the caller's own unclaimed uploads for one record of <paramref name="ownerType"/>, in
    /// the caller's unit of work; name the record with <see cref="StoredFile.BelongTo"/> once its key is known.
    /// </summary>
    public async Task<IReadOnlyList<StoredFile>> ClaimAsync(IReadOnlyList<string>? names, string ownerType, CancellationToken ct)
    {
        if (names is null || names.Count == 0) return [];
        if (names.Count > StoredFile.MaxPerClaim) throw new ValidationException("photos", "out_of_range");
        var distinct = names.Distinct().ToList();
        var files = await db.Set<StoredFile>()
            .Where(f => distinct.Contains(f.StoredName) && f.UploadedBy == user.UserName && f.ClaimedAt == null).ToListAsync(ct);
        if (files.Count != distinct.Count) throw new ValidationException("photos", "unknown");
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var f in files) f.Claim(ownerType, now);
        return distinct.Select(n => files.Single(f => f.StoredName == n)).ToList();
    }

    public async Task<(Stream Content, string ContentType)> OpenAsync(string ownerType, string ownerKey, string name, CancellationToken ct)
    {
        var file = await db.Set<StoredFile>().AsNoTracking()
            .FirstOrDefaultAsync(f => f.StoredName == name && f.OwnerType == ownerType && f.OwnerKey == ownerKey, ct);
        var authoriser = authorisers.SingleOrDefault(a => a.OwnerType == ownerType);
        if (file is null || authoriser is null || !await authoriser.MaySeeAsync(ownerKey, ct)) throw new NotFoundException("photo_not_found");
        return (File.OpenRead(Path.Combine(Folder, file.StoredName)), file.ContentType);
    }
}
