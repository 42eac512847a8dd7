using GridGov.Modules.Accounts.Contracts;
using GridGov.Modules.People.Contracts;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using GridGov.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Identity;

namespace GridGov.Modules.Accounts.Application;

public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri, string QrSvg, bool Enabled);

public sealed record EnableAuthenticator(string Code);

public sealed record RecoveryCodes(IReadOnlyList<string> Codes);

/// <summary>
/// The second factor: a TOTP authenticator app (RFC 6238, as Identity's authenticator provider
/// checks it) with ten one-time recovery codes. Required for administrators and for every role that
/// may reveal or export full ID numbers and phones; any other user may turn it on.
/// </summary>
public sealed class SecondFactor(UserManager<AppUser> users, CurrentUser me, Sessions sessions, GridGovDbContext db)
{
    public const string Issuer = "GridGov";

    /// <summary>Roles whose holders must sign in with a second factor.</summary>
    public static bool IsRequiredFor(IEnumerable<string> roles)
    {
        var list = roles.ToList();
        var permissions = Roles.PermissionsOf(list).ToHashSet();
        return list.Any(Roles.SeparatedDuties.Contains) || permissions.Contains(PeoplePermissions.Reveal) || permissions.Contains(AccountPermissions.UsersManage)
            || permissions.Contains(Training.Contracts.TrainingPermissions.Review);
    }

    /// <summary>The key to enter in an authenticator app (made on first ask), as text and as a QR code.</summary>
    public async Task<AuthenticatorSetup> SetupAsync()
    {
        var user = await MeAsync();
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var qr = QRCoder.QRCodeGenerator.GenerateQrCode(uri, QRCoder.QRCodeGenerator.ECCLevel.M);
        var svg = new QRCoder.SvgQRCode(qr).GetGraphic(4);
        return new AuthenticatorSetup(key, uri, svg, user.TwoFactorEnabled);
    }

    /// <summary>Turns the second factor on once the app shows a matching code; answers the recovery codes, shown this once.</summary>
    public async Task<RecoveryCodes> EnableAsync(EnableAuthenticator input)
    {
        var user = await MeAsync();
        var code = Normalise(input.Code);
        if (code.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            throw new ValidationException("code", "wrong_code");
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        sessions.Record(user.UserName!, user, SignInOutcomeKind.SecondFactorEnabled, SessionKind.Page);
        await db.SaveChangesAsync();
        return new RecoveryCodes(codes!.ToList());
    }

    /// <summary>A code from the app, or one recovery code (used up by this check).</summary>
    public static async Task<bool> CheckAsync(UserManager<AppUser> users, AppUser user, string? code)
    {
        var value = Normalise(code);
        if (value.Length == 0) return false;
        if (value.Length == 6 && value.All(char.IsAsciiDigit))
            return await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, value);
        return (await users.RedeemTwoFactorRecoveryCodeAsync(user, value)).Succeeded;
    }

    /// <summary>Spaces people type between groups go; a recovery code keeps its dash, as it was issued.</summary>
    private static string Normalise(string? code) => (code ?? "").Replace(" ", "").Trim();

    private async Task<AppUser> MeAsync()
    {
        if (!me.IsAuthenticated) throw new AppException(401, "unauthenticated");
        return await users.FindByIdAsync(me.UserId!) ?? throw new AppException(401, "unauthenticated");
    }
}
