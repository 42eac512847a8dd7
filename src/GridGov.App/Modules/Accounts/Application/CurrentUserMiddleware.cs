using System.Security.Claims;
using GridGov.Data;
using GridGov.Kernel.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Accounts.Application;

/// <summary>
/// Fills <see cref="CurrentUser"/> for the request from the account as it is now (roles and
/// scopes read fresh, so a changed scope applies at once). A disabled account acts as anonymous.
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, CurrentUser current, GridGovDbContext db)
    {
        var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is not null)
        {
            // One round trip for the account and its roles: every request pays for it.
            var account = await db.Users.AsNoTracking().Where(u => u.Id == id && !u.IsDisabled)
                .Select(u => new
                {
                    u.Id, u.UserName, u.CaptureScopePath, u.ViewScopePath, u.DepartmentCode,
                    Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                }).FirstOrDefaultAsync(http.RequestAborted);
            if (account is not null)
                current.SignIn(account.Id, account.UserName!, account.Roles, account.CaptureScopePath, account.ViewScopePath, account.DepartmentCode);
        }
        await next(http);
    }
}
