using GridGov.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Modules.Accounts.Application;

public enum SignInOutcome
{
    Succeeded,
    /// <summary>Unknown user, wrong password, disabled or locked out: one answer for all, so accounts cannot be probed.</summary>
    Refused,
}

public sealed class SignIn(SignInManager<AppUser> signIn, UserManager<AppUser> users)
{
    /// <param name="scheme">The cookie scheme for the UI, the bearer scheme for API clients.</param>
    public async Task<SignInOutcome> PasswordAsync(string userName, string password, string scheme, bool persistent = false)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null || user.IsDisabled)
        {
            // Spend the same work as a real check so timing does not tell unknown users apart.
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash, password);
            return SignInOutcome.Refused;
        }
        signIn.AuthenticationScheme = scheme;
        var result = await signIn.PasswordSignInAsync(user, password, persistent, lockoutOnFailure: true);
        return result.Succeeded ? SignInOutcome.Succeeded : SignInOutcome.Refused;
    }

    private static readonly string DummyHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), "not-a-password");
}
