using System.Security.Claims;
using GridGov.Data;
using GridGov.Kernel.Security;
using GridGov.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace GridGov.Modules.Accounts.Application;

/// <summary>
/// Fills <see cref="CurrentUser"/> for the request from the account as it is now (roles and
/// scopes read fresh, so a changed scope applies at once), provided the cookie's or token's
/// session is still open. A disabled account, or an ended session, acts as anonymous: its cookie
/// is cleared and the request goes on signed out, never into an error.
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, CurrentUser current, GridGovDbContext db, Microsoft.Extensions.Configuration.IConfiguration config)
    {
        var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is not null)
        {
            var sid = http.User.FindFirstValue(Sessions.Claim) ?? "";
            // One round trip for the account, its roles and its session: every request pays for it.
            var account = await db.Users.AsNoTracking()
                .Where(u => u.Id == id && !u.IsDisabled && db.Set<UserSession>().Any(s => s.Id == sid && s.UserId == u.Id && s.EndedAt == null))
                .Select(u => new
                {
                    u.Id, u.UserName, u.CaptureScopePath, u.ViewScopePath, u.DepartmentCode, u.MustChangePassword, u.TwoFactorEnabled,
                    Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                }).FirstOrDefaultAsync(http.RequestAborted);
            if (account is not null)
                current.SignIn(account.Id, account.UserName!, account.Roles, account.CaptureScopePath, account.ViewScopePath, account.DepartmentCode,
                    sid, account.MustChangePassword,
                    mustEnrolSecondFactor: !account.TwoFactorEnabled && config.GetValue("Auth:RequireSecondFactor", true) && SecondFactor.IsRequiredFor(account.Roles));
            else await ActAsSignedOutAsync(http);
        }
        await next(http);
    }

    private static async Task ActAsSignedOutAsync(HttpContext http)
    {
        if (http.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme)
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        http.User = new ClaimsPrincipal(new ClaimsIdentity());
    }
}
