using System.Security.Cryptography;
using System.Text;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Incidents.Domain;

/// <summary>
/// An outside system allowed to post Open311 requests, under a name, within one area: its
/// requests are reported by it and land only on grids of that area. Its api_key is shown once, when
/// issued; only the key's hash is kept, so a stolen database yields no key.
/// </summary>
public sealed class Open311Client : IScopedByPath, Kernel.Auditing.IAudited
{
    public const int MaxName = 40;
    public const string KeyPrefix = "gg311_";

    private Open311Client() { }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The area the client files into: its requests' grids must lie under it.</summary>
    public string Path { get; private set; } = "";
    public string AreaCode { get; private set; } = "";
    public string KeyHash { get; private set; } = "";
    /// <summary>The key's first characters, so an administrator can tell keys apart.</summary>
    public string KeyStart { get; private set; } = "";
    public string IssuedBy { get; private set; } = "";
    public DateTime IssuedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>A new client and its key, which the caller shows once and never stores.</summary>
    public static (Open311Client Client, string Key) Issue(string name, string areaCode, string areaPath, string issuedBy, DateTime at)
    {
        name = name.Trim();
        if (name.Length == 0) throw new ValidationException("name", "required");
        if (name.Length > MaxName) throw new ValidationException("name", "too_long");
        var key = KeyPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var client = new Open311Client
        {
            Name = name, AreaCode = areaCode, Path = areaPath, KeyHash = HashOf(key), KeyStart = key[..(KeyPrefix.Length + 6)],
            IssuedBy = issuedBy, IssuedAt = at,
        };
        return (client, key);
    }

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public void Revoke(DateTime at) => RevokedAt ??= at;

    public void Used(DateTime at) => LastUsedAt = at;

    /// <summary>The name its requests are reported by.</summary>
    public string ReporterName => "open311:" + Name;
}
