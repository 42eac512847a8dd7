using GridGov.Modules.Accounts.Contracts;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Modules.Accounts.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Accounts.Application;

public sealed record UserView(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles,
    string? CaptureScopeCode, string? ViewScopeCode, bool IsLockedOut, bool IsDisabled);

public sealed record SaveUser(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? CaptureScopeCode,
    string? ViewScopeCode, string? Password, bool IsDisabled = false);

/// <summary>
/// Accounts within the administrator's reach: they see users whose scope lies inside their view
/// scope, and may grant only the roles their own roles can grant and scopes inside their own.
/// </summary>
public sealed class UserAdministration(GridGovDbContext db, CurrentUser actor, UserManager<AppUser> users, ITerritoryDirectory territory,
    Sessions sessions, TimeProvider clock)
{
    private IQueryable<AppUser> Visible =>
        actor.ViewPath is null ? db.Users.Where(_ => false)
        : actor.ViewPath == "" ? db.Users
        : db.Users.Where(u => u.CaptureScopePath != null && u.CaptureScopePath.StartsWith(actor.ViewPath));

    public async Task<Page<UserView>> ListAsync(string? search, PageRequest page, CancellationToken ct)
    {
        actor.Require(AccountPermissions.UsersView);
        var query = Visible.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(u => u.UserName!.Contains(search) || u.DisplayName.Contains(search));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(u => u.UserName).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var ids = rows.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return new Page<UserView>(rows.Select(u => View(u, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList())).ToList(),
            page.Number, page.Size, total);
    }

    public async Task<UserView> GetAsync(string id, CancellationToken ct)
    {
        actor.Require(AccountPermissions.UsersView);
        var user = await Visible.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("user_not_found", id);
        return View(user, [.. await users.GetRolesAsync(user)]);
    }

    public async Task<UserView> CreateAsync(SaveUser input, CancellationToken ct)
    {
        actor.Require(AccountPermissions.UsersManage);
        var (capture, view) = await CheckGrantAsync(input, ct);
        if (string.IsNullOrEmpty(input.Password)) throw new ValidationException("password", "required");
        // An initial password is the administrator's, not the user's: it is changed at first sign-in.
        var user = new AppUser { UserName = input.UserName.Trim(), DisplayName = input.DisplayName.Trim(), LockoutEnabled = true, MustChangePassword = true };
        Apply(user, input, capture, view);
        Check(await users.CreateAsync(user, input.Password));
        Check(await users.AddToRolesAsync(user, input.Roles));
        await RecordAsync(user, SignInOutcomeKind.AccountCreated, ct);
        return View(user, input.Roles);
    }

    public async Task<UserView> UpdateAsync(string id, SaveUser input, CancellationToken ct)
    {
        actor.Require(AccountPermissions.UsersManage);
        var user = await Visible.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("user_not_found", id);
        if (user.Id == actor.UserId) throw new ForbiddenException("cannot_edit_self");
        var current = await users.GetRolesAsync(user);
        if (current.Except(Roles.GrantableBy(actor.Roles)).Any()) throw new ForbiddenException("role_not_grantable");
        if (!actor.CanCapture(user.CaptureScopePath ?? "\u0000")) throw new ForbiddenException("outside_capture_scope");
        var (capture, view) = await CheckGrantAsync(input with { UserName = user.UserName! }, ct);
        var accessChanged = AccessChanges(user, current, input, capture, view);
        Apply(user, input, capture, view);
        Check(await users.UpdateAsync(user));
        Check(await users.RemoveFromRolesAsync(user, current.Except(input.Roles)));
        Check(await users.AddToRolesAsync(user, input.Roles.Except(current)));
        if (!string.IsNullOrEmpty(input.Password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, input.Password));
            user.MustChangePassword = true;
            Check(await users.UpdateAsync(user));
        }
        await users.UpdateSecurityStampAsync(user);
        if (accessChanged) await RevokeAsync(user, ct);
        await RecordAsync(user, SignInOutcomeKind.AccountChanged, ct);
        return View(user, input.Roles);
    }

    public async Task UnlockAsync(string id, CancellationToken ct)
    {
        actor.Require(AccountPermissions.UsersManage);
        var user = await Visible.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("user_not_found", id);
        if (!actor.CanCapture(user.CaptureScopePath ?? "\u0000")) throw new ForbiddenException("outside_capture_scope");
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        await RecordAsync(user, SignInOutcomeKind.AccountUnlocked, ct);
    }

    private async Task<(string Capture, string? View)> CheckGrantAsync(SaveUser input, CancellationToken ct)
    {
        var v = new Validator().Require("userName", input.UserName, 50).Require("displayName", input.DisplayName, 50);
        v.Check(input.Roles.Count > 0, "roles", "required");
        v.Check(input.Roles.All(Roles.IsKnown), "roles", "unknown_role");
        v.Check(!Roles.BreaksSeparation(input.Roles), "roles", "separation_of_duties");
        v.Require("captureScopeCode", input.CaptureScopeCode, 20);
        v.ThrowIfInvalid();
        if (input.Roles.Except(Roles.GrantableBy(actor.Roles)).Any()) throw new ForbiddenException("role_not_grantable");

        var capture = await territory.PathOfAsync(input.CaptureScopeCode!, ct) ?? await UnseenAsync("captureScopeCode", input.CaptureScopeCode!, ct);
        if (!actor.CanCapture(capture)) throw new ForbiddenException("scope_not_grantable");
        string? view = null;
        if (!string.IsNullOrWhiteSpace(input.ViewScopeCode))
        {
            view = await territory.PathOfAsync(input.ViewScopeCode, ct) ?? await UnseenAsync("viewScopeCode", input.ViewScopeCode, ct);
            if (!actor.CanView(view)) throw new ForbiddenException("scope_not_grantable");
            if (!TreePath.IsWithin(capture, view)) throw new ValidationException("viewScopeCode", "view_must_contain_capture");
        }
        return (capture, view);
    }

    /// <summary>A node outside the administrator's view is answered as one that does not exist.</summary>
    private static Task<string> UnseenAsync(string field, string code, CancellationToken ct) =>
        throw new ValidationException(field, "unknown_node");

    /// <summary>A password reset, disabling, or a change of roles or scopes: the account's sessions end at once.</summary>
    private static bool AccessChanges(AppUser user, IList<string> roles, SaveUser input, string capture, string? view) =>
        !string.IsNullOrEmpty(input.Password) || input.IsDisabled != user.IsDisabled || user.CaptureScopePath != capture
        || user.ViewScopePath != view || !roles.Order().SequenceEqual(input.Roles.Order());

    /// <summary>Who changed which account is kept with the sign-in events, for auditors.</summary>
    private async Task RecordAsync(AppUser user, SignInOutcomeKind what, CancellationToken ct)
    {
        sessions.Record(user.UserName!, user, what, SessionKind.Page, by: actor.UserName);
        await db.SaveChangesAsync(ct);
    }

    private async Task RevokeAsync(AppUser user, CancellationToken ct)
    {
        if (await sessions.EndAllAsync(user.Id, "access_changed", ct) == 0) return;
        sessions.Record(user.UserName!, user, SignInOutcomeKind.SessionsRevoked, SessionKind.Page);
        await db.SaveChangesAsync(ct);
    }

    private static void Apply(AppUser user, SaveUser input, string capture, string? view)
    {
        user.DisplayName = input.DisplayName.Trim();
        user.CaptureScopeCode = input.CaptureScopeCode;
        user.CaptureScopePath = capture;
        user.ViewScopeCode = view is null ? null : input.ViewScopeCode;
        user.ViewScopePath = view;
        user.IsDisabled = input.IsDisabled;
    }

    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        // A common password is the most useful thing to say, whatever else Identity found.
        var first = result.Errors.FirstOrDefault(e => e.Code == "PasswordTooCommon") ?? result.Errors.First();
        var field = first.Code.Contains("Password") ? "password" : first.Code.Contains("UserName") ? "userName" : "user";
        throw new ValidationException(field, PasswordErrorCode(first.Code) ?? (first.Code.Contains("Duplicate") ? "duplicate" : "invalid"));
    }

    /// <summary>The field error for an Identity password failure, or null when the failure is not about the password.</summary>
    internal static string? PasswordErrorCode(string identityCode) =>
        identityCode == "PasswordTooCommon" ? "common_password" : identityCode.Contains("Password") ? "weak_password" : null;

    private UserView View(AppUser u, IReadOnlyList<string> roles) =>
        new(u.Id, u.UserName!, u.DisplayName, roles, u.CaptureScopeCode, u.ViewScopeCode,
            u.LockoutEnd is { } end && end > clock.GetUtcNow(), u.IsDisabled);
}
