using System.Security.Cryptography;
using System.Text;

namespace GridGov.Modules.Training.Domain;

/// <summary>
/// A code sent to the phone the ledger holds for a voucher's holder, to prove at the claim that the
/// one claiming is them. Only its hash is kept; it lasts ten minutes, takes five tries, is used once,
/// and a voucher gets five in an hour at the most.
/// </summary>
public sealed class ClaimChallenge
{
    public const int Digits = 6;
    public const int MaxTries = 5;
    public const int MaxPerHour = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private ClaimChallenge() { }

    public long Id { get; private set; }
    public long VoucherId { get; private set; }
    public string CodeHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public int Tries { get; private set; }
    public DateTime? UsedAt { get; private set; }

    /// <summary>A fresh challenge and the code to send: the code itself is never stored.</summary>
    public static (ClaimChallenge Challenge, string Code) Issue(long voucherId, DateTime at)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        return (new ClaimChallenge { VoucherId = voucherId, CodeHash = Hash(voucherId, code), CreatedAt = at, ExpiresAt = at + Lifetime }, code);
    }

    public bool IsOpen(DateTime at) => UsedAt is null && at < ExpiresAt && Tries < MaxTries;

    /// <summary>One try: true, and the challenge is used, when the code matches.</summary>
    public bool Try(string? code, DateTime at)
    {
        if (!IsOpen(at)) return false;
        Tries++;
        var given = Encoding.ASCII.GetBytes(Hash(VoucherId, (code ?? "").Trim()));
        if (!CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(CodeHash))) return false;
        UsedAt = at;
        return true;
    }

    private static string Hash(long voucherId, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{voucherId}:{code}")));
}
