using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Files;
using GridGov.Kernel.Security;
using GridGov.Modules.Incidents.Contracts;
using GridGov.Modules.Incidents.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Incidents.Application;

/// <summary>
/// Photos of incidents, kept in the Kernel's <see cref="FileStore"/>: those who report, handle or
/// verify upload them; a step claims them; they are served to whoever may see the incident.
/// </summary>
public sealed class IncidentPhotos(FileStore files, CurrentUser user)
{
    public const string OwnerType = IncidentNotices.SubjectType;

    public Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        if (!user.Has(IncidentPermissions.Report) && !user.Has(IncidentPermissions.Handle) && !user.Has(IncidentPermissions.Verify))
            throw new ForbiddenException("permission_denied");
        return files.SaveImageAsync(content, ct);
    }

    /// <summary>Claims the user's own unclaimed uploads for one step: the files, and their names as the step stores them.</summary>
    public async Task<(IReadOnlyList<StoredFile> Files, string? Names)> ClaimAsync(IReadOnlyList<string>? names, CancellationToken ct)
    {
        var claimed = await files.ClaimAsync(names, OwnerType, ct);
        return (claimed, claimed.Count == 0 ? null : string.Join(",", claimed.Select(f => f.StoredName)));
    }

    public static void BelongTo(IEnumerable<StoredFile> claimed, Incident incident)
    {
        foreach (var f in claimed) f.BelongTo(incident.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public Task<(Stream Content, string ContentType)> OpenAsync(int incidentId, string name, CancellationToken ct)
    {
        if (!user.Has(IncidentPermissions.View) && !user.Has(IncidentPermissions.Handle)) throw new ForbiddenException("permission_denied");
        return files.OpenAsync(OwnerType, incidentId.ToString(System.Globalization.CultureInfo.InvariantCulture), name, ct);
    }
}

/// <summary>An incident's photos are seen by whoever sees the incident: its scope and the department filter decide.</summary>
internal sealed class IncidentFileAuthoriser(GridGovDbContext db, CurrentUser user) : IFileAuthoriser
{
    public string OwnerType => IncidentPhotos.OwnerType;

    public async Task<bool> MaySeeAsync(string ownerKey, CancellationToken ct) =>
        (user.Has(IncidentPermissions.View) || user.Has(IncidentPermissions.Handle))
        && int.TryParse(ownerKey, System.Globalization.CultureInfo.InvariantCulture, out var id)
        && await db.Set<Incident>().AnyAsync(i => i.Id == id, ct);
}
