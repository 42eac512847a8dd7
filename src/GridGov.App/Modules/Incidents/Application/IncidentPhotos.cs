using GridGov.Modules.Incidents.Contracts;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using GridGov.Modules.Incidents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace GridGov.Modules.Incidents.Application;

/// <summary>
/// Photos of incidents: the type is read from the file's own bytes, the size is capped, the
/// picture is decoded and encoded again (so neither the phone's metadata nor anything hidden in
/// or behind the image data survives), and the file is stored outside the web root under a fresh
/// random name. Served only to those who may
/// see the incident whose timeline names it.
/// </summary>
public sealed class IncidentPhotos(GridGovDbContext db, CurrentUser user, IConfiguration config, IHostEnvironment host, TimeProvider clock)
{
    public const long DefaultMaxBytes = 8 * 1024 * 1024;
    private const int MaxPerStep = 9;

    public long MaxBytes => config.GetValue("Incidents:MaxPhotoBytes", DefaultMaxBytes);

    private string Folder => Kernel.Files.PrivateFolder.Create(Path.GetFullPath(
        config["Incidents:PhotoFolder"] ?? Path.Combine(host.ContentRootPath, "data", "photos"), host.ContentRootPath));

    public async Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        if (!user.Has(IncidentPermissions.Report) && !user.Has(IncidentPermissions.Handle) && !user.Has(IncidentPermissions.Verify))
            throw new ForbiddenException("permission_denied");
        var head = new byte[12];
        var got = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (got == 0) throw new AppException(400, "photo_empty");
        _ = IncidentPhoto.Sniff(head.AsSpan(0, got)) ?? throw new AppException(415, "photo_not_image");
        // Read whole (the size is capped), decoded and encoded again, then stored.
        using var buffer = new MemoryStream();
        buffer.Write(head, 0, got);
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw new AppException(413, "photo_too_large", MaxBytes / 1024 / 1024);
            buffer.Write(chunk, 0, read);
        }
        var clean = Kernel.Files.ImageSanitizer.Clean(buffer.ToArray()) ?? throw new AppException(415, "photo_not_image");
        var name = $"{Guid.NewGuid():N}.{clean.Extension}";
        await Kernel.Files.PrivateFolder.WriteAllBytesAsync(Path.Combine(Folder, name), clean.Bytes, ct);
        db.Add(new IncidentPhoto(name, clean.ContentType, clean.Bytes.Length, user.UserName, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return name;
    }

    /// <summary>Claims the user's own unclaimed uploads for one step; their names as the step stores them.</summary>
    public async Task<string?> ClaimAsync(IReadOnlyList<string>? names, CancellationToken ct)
    {
        if (names is null || names.Count == 0) return null;
        if (names.Count > MaxPerStep) throw new ValidationException("photos", "out_of_range");
        var distinct = names.Distinct().ToList();
        var photos = await db.Set<IncidentPhoto>()
            .Where(p => distinct.Contains(p.StoredName) && p.UploadedBy == user.UserName && p.ClaimedAt == null).ToListAsync(ct);
        if (photos.Count != distinct.Count) throw new ValidationException("photos", "unknown");
        foreach (var p in photos) p.Claim(clock.GetUtcNow().UtcDateTime);
        return string.Join(",", distinct);
    }

    public async Task<(Stream Content, string ContentType)> OpenAsync(IncidentView incident, string name, CancellationToken ct)
    {
        if (!incident.Timeline.Any(s => s.Photos.Contains(name))) throw new NotFoundException("photo_not_found");
        var photo = await db.Set<IncidentPhoto>().AsNoTracking().FirstOrDefaultAsync(p => p.StoredName == name, ct)
            ?? throw new NotFoundException("photo_not_found");
        return (File.OpenRead(Path.Combine(Folder, photo.StoredName)), photo.ContentType);
    }
}
