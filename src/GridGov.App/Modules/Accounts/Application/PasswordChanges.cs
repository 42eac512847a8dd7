using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using GridGov.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Modules.Accounts.Application;

public sealed record ChangePassword(string CurrentPassword, string NewPassword);

/// <summary>A user changing their own password: the other sessions of the account end, this one goes on.</summary>
public sealed class PasswordChanges(UserManager<AppUser> users, CurrentUser me, Sessions sessions, GridGovDbContext db, TimeProvider clock)
{
    public async Task ChangeAsync(ChangePassword input, CancellationToken ct)
    {
        if (!me.IsAuthenticated) throw new AppException(401, "unauthenticated");
        new Validator().Require("currentPassword", input.CurrentPassword, 200).Require("newPassword", input.NewPassword, 200).ThrowIfInvalid();
        if (input.NewPassword == input.CurrentPassword) throw new ValidationException("newPassword", "same_password");
        var user = await users.FindByIdAsync(me.UserId!) ?? throw new AppException(401, "unauthenticated");
        var result = await users.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
        if (!result.Succeeded)
        {
            var code = (result.Errors.FirstOrDefault(e => e.Code == "PasswordTooCommon") ?? result.Errors.First()).Code;
            throw code == "PasswordMismatch"
                ? new ValidationException("currentPassword", "wrong_password")
                : new ValidationException("newPassword", UserAdministration.PasswordErrorCode(code) ?? "weak_password");
        }
        user.MustChangePassword = false;
        user.PasswordChangedAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        await sessions.EndAllAsync(user.Id, "password_changed", ct, keep: me.SessionId);
        sessions.Record(user.UserName!, user, SignInOutcomeKind.PasswordChanged, SessionKind.Page);
        await db.SaveChangesAsync(ct);
    }
}
