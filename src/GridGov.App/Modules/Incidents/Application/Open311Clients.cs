using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.Incidents.Contracts;
using GridGov.Modules.Incidents.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Incidents.Application;

public sealed record Open311ClientRequest(string Name, string AreaCode);

public sealed record Open311ClientView(int Id, string Name, string AreaCode, string KeyStart, string IssuedBy, DateTime IssuedAt,
    DateTime? RevokedAt, DateTime? LastUsedAt);

/// <param name="ApiKey">Shown this once: only its hash is kept.</param>
public sealed record IssuedOpen311Client(Open311ClientView Client, string ApiKey);

/// <summary>
/// The outside systems that post Open311 requests: issued by those who configure the incident loop,
/// within their own area, each with its own api_key; a revoked key is refused at once.
/// </summary>
public sealed class Open311Clients(GridGovDbContext db, CurrentUser user, ITerritoryDirectory territory, TimeProvider clock)
{
    public async Task<IssuedOpen311Client> IssueAsync(Open311ClientRequest request, CancellationToken ct)
    {
        user.Require(IncidentPermissions.Configure);
        var path = await territory.PathOfAsync(request.AreaCode ?? "", ct) ?? throw new ValidationException("areaCode", "unknown_node");
        if (!user.CanCapture(path)) throw new ValidationException("areaCode", "unknown_node");
        var (client, key) = Open311Client.Issue(request.Name ?? "", request.AreaCode!, path, user.UserName, clock.UtcNow());
        db.Add(client);
        await db.SaveChangesAsync(ct);
        return new IssuedOpen311Client(View(client), key);
    }

    public async Task<Page<Open311ClientView>> ListAsync(PageRequest page, CancellationToken ct)
    {
        user.Require(IncidentPermissions.Configure);
        return await db.Set<Open311Client>().AsNoTracking().OrderBy(c => c.Id).ToPageAsync(page, View, ct);
    }

    public async Task RevokeAsync(int id, CancellationToken ct)
    {
        user.Require(IncidentPermissions.Configure);
        var client = await db.Set<Open311Client>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("api_client_not_found");
        client.Revoke(clock.UtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Signs the request in as the client whose active key this is, within its area and allowed only
    /// to report; an unknown or revoked key is refused the same way.
    /// </summary>
    public async Task ActAsAsync(string key, CancellationToken ct)
    {
        var hash = Open311Client.HashOf(key);
        var client = await db.Set<Open311Client>().OutsideScope("an api_key is checked before anyone is signed in").AsNoTracking()
            .FirstOrDefaultAsync(c => c.KeyHash == hash && c.RevokedAt == null, ct) ?? throw new ForbiddenException("api_key_invalid");
        user.SignIn("open311:" + client.Id, client.ReporterName, [Roles.Open311Client], client.Path, client.Path);
        var now = clock.UtcNow();
        await db.Set<Open311Client>().Where(c => c.Id == client.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAt, now), ct);
    }

    private static Open311ClientView View(Open311Client c) =>
        new(c.Id, c.Name, c.AreaCode, c.KeyStart, c.IssuedBy, c.IssuedAt, c.RevokedAt, c.LastUsedAt);
}
