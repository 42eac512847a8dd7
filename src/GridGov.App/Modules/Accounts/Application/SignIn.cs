using GridGov.Kernel.Security;
using System.Security.Claims;
using GridGov.Data;
using GridGov.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;

namespace GridGov.Modules.Accounts.Application;

public enum SignInOutcome
{
    Succeeded,
    /// <summary>Unknown user, wrong password, disabled or locked out: one answer for all, so accounts cannot be probed.</summary>
    Refused,
    /// <summary>The password was right; the account signs in with a second factor, and none (or a wrong one) came.</summary>
    SecondFactorRequired,
}

/// <summary>
/// Password sign-in for pages (cookie) and API clients (bearer token). Every failure costs one
/// password hash, whatever its cause, so neither the answer nor its time tells an unknown,
/// disabled or locked account from a wrong password; every attempt is recorded for auditors.
/// </summary>
public sealed class SignIn(SignInManager<AppUser> signIn, UserManager<AppUser> users, Sessions sessions, GridGovDbContext db,
    TimeProvider clock, IConfiguration config)
{
    /// <param name="scheme">The cookie scheme for the UI, the bearer scheme for API clients.</param>
    public async Task<SignInOutcome> PasswordAsync(string userName, string password, string scheme, bool persistent = false, string? code = null)
    {
        var channel = scheme == IdentityConstants.BearerScheme ? SessionKind.Api : SessionKind.Page;
        var user = await users.FindByNameAsync(userName.Trim());
        var outcome = await CheckAsync(user, password);
        if (outcome == SignInOutcomeKind.SignedIn && user!.TwoFactorEnabled && !await SecondFactor.CheckAsync(users, user, code))
        {
            // A wrong code counts towards the lockout as a wrong password does.
            if (!string.IsNullOrWhiteSpace(code)) await users.AccessFailedAsync(user);
            sessions.Record(userName, user, SignInOutcomeKind.SecondFactorFailed, channel);
            await db.SaveChangesAsync();
            return SignInOutcome.SecondFactorRequired;
        }
        sessions.Record(userName, user, outcome, channel);
        if (outcome != SignInOutcomeKind.SignedIn)
        {
            await db.SaveChangesAsync();
            return SignInOutcome.Refused;
        }
        if (PasswordExpired(user!)) user!.MustChangePassword = true;
        var session = sessions.Start(user!, channel);
        await db.SaveChangesAsync();
        signIn.AuthenticationScheme = scheme;
        await signIn.SignInWithClaimsAsync(user!, persistent, [new Claim(Sessions.Claim, session.Id)]);
        return SignInOutcome.Succeeded;
    }

    private async Task<SignInOutcomeKind> CheckAsync(AppUser? user, string password)
    {
        if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            // The same work as a real check, so timing does not tell these apart from a wrong password.
            users.PasswordHasher.VerifyHashedPassword(user ?? new AppUser(), user?.PasswordHash ?? DummyHash, password);
            return user is not null && !user.IsDisabled ? SignInOutcomeKind.LockedOut : SignInOutcomeKind.Failed;
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? SignInOutcomeKind.SignedIn : result.IsLockedOut ? SignInOutcomeKind.LockedOut : SignInOutcomeKind.Failed;
    }

    /// <summary>Counties whose rules require it set <c>Auth:PasswordMaxAgeDays</c>; 0 means passwords do not expire.</summary>
    private bool PasswordExpired(AppUser user)
    {
        var days = config.GetValue("Auth:PasswordMaxAgeDays", 0);
        return days > 0 && user.PasswordChangedAt is { } changed && changed.AddDays(days) < clock.GetUtcNow().UtcDateTime;
    }

    private static readonly string DummyHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), "not-a-password");
}
