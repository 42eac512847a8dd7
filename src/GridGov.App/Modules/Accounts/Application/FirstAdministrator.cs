using System.Security.Cryptography;
using GridGov.Kernel.Security;
using GridGov.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Modules.Accounts.Application;

/// <summary>
/// The roles every deployment has, and the first account of a production deployment: created from
/// the command line with a random one-time password that must be changed at first sign-in.
/// </summary>
public sealed class FirstAdministrator(UserManager<AppUser> users, RoleManager<IdentityRole> roles)
{
    public const string Command = "create-admin";

    public const string Instructions =
        "No accounts yet. Create the first administrator with:\n" +
        "  dotnet GridGov.Web.dll " + Command + " <user name>\n" +
        "(or: dotnet run --project src/GridGov.Web -- " + Command + " <user name>). It prints a one-time password,\n" +
        "which must be changed at the first sign-in.";

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>Creates the account over the whole tree and answers its one-time password.</summary>
    public async Task<string> CreateAsync(string userName)
    {
        await EnsureRolesAsync();
        if (await users.FindByNameAsync(userName) is not null) throw new InvalidOperationException($"An account named {userName} exists already.");
        var password = OneTimePassword();
        var user = new AppUser
        {
            UserName = userName, DisplayName = userName, LockoutEnabled = true, CaptureScopeCode = null, CaptureScopePath = "",
            MustChangePassword = true,
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, Roles.FirstAccountRole));
        return password;
    }

    /// <summary>Sixteen characters from letters and digits of each case, at least one of each kind.</summary>
    private static string OneTimePassword()
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789";
        var all = lower + upper + digits;
        var chars = Enumerable.Range(0, 13).Select(_ => all[RandomNumberGenerator.GetInt32(all.Length)])
            .Append(lower[RandomNumberGenerator.GetInt32(lower.Length)]).Append(upper[RandomNumberGenerator.GetInt32(upper.Length)])
            .Append(digits[RandomNumberGenerator.GetInt32(digits.Length)]).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
