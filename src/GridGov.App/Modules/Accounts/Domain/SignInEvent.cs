using GridGov.Kernel.Security;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Accounts.Domain;

public enum SignInOutcomeKind
{
    SignedIn = 1,
    Failed = 2,
    LockedOut = 3,
    SignedOut = 4,
    /// <summary>Sessions ended by a password reset, disable, role or scope change.</summary>
    SessionsRevoked = 5,
    PasswordChanged = 6,
    RateLimited = 7,
    SecondFactorFailed = 8,
    /// <summary>An administrator created the account, or changed its roles, scopes, password or state.</summary>
    AccountCreated = 9,
    AccountChanged = 10,
    AccountUnlocked = 11,
    SecondFactorEnabled = 12,
}

/// <summary>
/// A sign-in, a failure, a lockout or a sign-out, or an administrator's change to an account, kept for auditors. It lies at the account's
/// scope, so an auditor reads the events of the accounts they oversee; attempts on unknown names
/// lie at the root, for auditors of the whole tree.
/// </summary>
public sealed class SignInEvent : IScopedByPath, IAuditTrail
{
    private SignInEvent() { }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string UserName { get; private set; } = "";
    public string? UserId { get; private set; }
    public SignInOutcomeKind Outcome { get; private set; }
    public SessionKind Channel { get; private set; }
    public string? ClientAddress { get; private set; }
    public string Path { get; private set; } = "";
    /// <summary>For an administrator's change to an account: who made it.</summary>
    public string? By { get; private set; }

    public static SignInEvent Record(string userName, AppUser? user, SignInOutcomeKind outcome, SessionKind channel, string? clientAddress, DateTime at,
        string? by = null) =>
        new()
        {
            By = by is null ? null : Clip(by, 64),
            At = at, UserName = Clip(userName.Trim(), 64), UserId = user?.Id, Outcome = outcome, Channel = channel,
            ClientAddress = clientAddress is null ? null : Clip(clientAddress, 64), Path = user?.CaptureScopePath ?? "",
        };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
