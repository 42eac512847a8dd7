using GridGov.Modules.Audit.Contracts;
using GridGov.Data;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Security;
using GridGov.Modules.Accounts.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Accounts.Application;

public sealed record SignInEventView(long Id, DateTime At, string UserName, SignInOutcomeKind Outcome, SessionKind Channel, string? ClientAddress,
    string? By);

/// <summary>For auditors: sign-ins, failures, lockouts and sign-outs of the accounts within their scope, newest first.</summary>
public sealed class SignInLog(GridGovDbContext db, CurrentUser user)
{
    public async Task<Page<SignInEventView>> ListAsync(string? userName, SignInOutcomeKind? outcome, PageRequest page, CancellationToken ct)
    {
        user.Require(AuditPermissions.View);
        var query = db.Set<SignInEvent>().AsNoTracking()
            .Where(e => (userName == null || e.UserName == userName) && (outcome == null || e.Outcome == outcome));
        return await query.OrderByDescending(e => e.Id)
            .Select(e => new SignInEventView(e.Id, e.At, e.UserName, e.Outcome, e.Channel, e.ClientAddress, e.By)).ToPageAsync(page, ct);
    }
}
