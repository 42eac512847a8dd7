using GridGov.Kernel.Security;
using System.IO.Compression;
using GridGov.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;

namespace GridGov.Modules.Accounts.Application;

/// <summary>
/// Refuses passwords shorter than 12 characters (Identity's own length rule), those on the
/// bundled list of common and breached passwords, a listed word with only digits or symbols
/// around it, one character making up most of it, and the account's own name. The demo's published password
/// is refused everywhere but in a demo.
/// </summary>
public sealed class PasswordPolicy(IConfiguration config, Microsoft.Extensions.Hosting.IHostEnvironment env) : IPasswordValidator<AppUser>
{
    public const int MinimumLength = 12;
    public const string DemoPassword = "GridGov@2026";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var refused = IsDemo(password) ? !Kernel.Hosting.DemoData.Wanted(config, env)
            : IsCommon(password) || MostlyOneCharacter(password)
              || user.UserName is { Length: >= 3 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase);
        return Task.FromResult(refused
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = "password_too_common" })
            : IdentityResult.Success);
    }

    /// <summary>"aaaaaaaaaaaaA1": one character making up more than half of it.</summary>
    private static bool MostlyOneCharacter(string password) =>
        password.GroupBy(char.ToLowerInvariant).Max(g => g.Count()) * 2 > password.Length;

    private static bool IsDemo(string password) => string.Equals(password, DemoPassword, StringComparison.OrdinalIgnoreCase);

    public static bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        if (Common.Value.Contains(lower)) return true;
        // "password2026!", "!!qwertyuiop1": a listed word dressed up with digits and symbols.
        var core = lower.Trim("0123456789!@#$%^&*()-_=+.,?~ ".ToCharArray());
        return core.Length >= 6 && core.Length < lower.Length && Common.Value.Contains(core);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("GridGov.CommonPasswords.txt.gz")!;
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line) if (line.Length > 0) words.Add(line);
        return words;
    }
}
