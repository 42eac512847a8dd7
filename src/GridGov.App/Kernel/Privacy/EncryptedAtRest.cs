using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GridGov.Kernel.Privacy;

/// <summary>Stores a declared personal value encrypted; reads it back clear. Applied to every <see cref="PersonalAttribute"/> property.</summary>
public sealed class EncryptedAtRest() : ValueConverter<string, string>(
    clear => PersonalDataKeys.Current.Encrypt(clear),
    stored => PersonalDataKeys.Current.Decrypt(stored))
{
    /// <summary>Room for the ciphertext of a value of up to 40 characters: prefix, key id, nonce, tag, base64.</summary>
    public const int StoredLength = 128;
}
