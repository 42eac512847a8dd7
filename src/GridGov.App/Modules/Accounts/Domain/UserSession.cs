using System.Security.Cryptography;

namespace GridGov.Modules.Accounts.Domain;

public enum SessionKind
{
    Page = 1,
    Api = 2,
}

/// <summary>
/// One sign-in, cookie or bearer token alike. Every request checks that its session is still
/// open, so signing out, a password reset, disabling an account or changing its roles or scopes
/// ends it at once on the server, whatever copy of the cookie or token is still about.
/// </summary>
public sealed class UserSession
{
    private UserSession() { }

    public string Id { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public SessionKind Kind { get; private set; }
    public DateTime StartedAt { get; private set; }
    public string? ClientAddress { get; private set; }
    public DateTime? EndedAt { get; private set; }
    public string? EndReason { get; private set; }

    public bool IsOpen => EndedAt is null;

    public static UserSession Start(string userId, SessionKind kind, DateTime at, string? clientAddress) => new()
    {
        Id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'),
        UserId = userId, Kind = kind, StartedAt = at, ClientAddress = clientAddress?[..Math.Min(clientAddress.Length, 64)],
    };

    public void End(DateTime at, string reason)
    {
        if (EndedAt is not null) return;
        EndedAt = at;
        EndReason = reason;
    }
}
