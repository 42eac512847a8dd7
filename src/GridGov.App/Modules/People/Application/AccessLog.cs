using GridGov.Modules.Audit.Contracts;
using GridGov.Data;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

public sealed record AccessView(DateTime At, string UserName, AccessKind Kind, int PersonId, string PersonName);

/// <summary>For auditors: who opened or revealed whom, newest first, within the auditor's scope.</summary>
public sealed class AccessLog(GridGovDbContext db, CurrentUser user)
{
    public async Task<Page<AccessView>> ListAsync(int? personId, string? userName, PageRequest page, CancellationToken ct)
    {
        user.Require(AuditPermissions.View);
        var query = db.Set<PersonAccess>().AsNoTracking()
            .Where(a => (personId == null || a.PersonId == personId) && (userName == null || a.UserName == userName));
        return await query.OrderByDescending(a => a.Id)
            .Select(a => new AccessView(a.At, a.UserName, a.Kind, a.PersonId,
                // Through the scope filter: switched off in a subquery it would be off for the whole query.
                db.Set<Person>().Where(p => p.Id == a.PersonId).Select(p => p.Name).FirstOrDefault() ?? ""))
            .ToPageAsync(page, ct);
    }
}
