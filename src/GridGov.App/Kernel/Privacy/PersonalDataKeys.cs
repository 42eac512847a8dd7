using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GridGov.Kernel.Privacy;

/// <summary>
/// The keys that protect personal data at rest, kept outside the database: encryption keys by id
/// (AES-256-GCM; the newest encrypts, every one listed still decrypts, so keys rotate without
/// rewriting rows at once) and one index key (HMAC-SHA256) for the blind indexes that search uses.
/// Read from <c>Privacy:KeyFile</c> (default <c>data/keys/personal-data.json</c>, readable by the app
/// alone), which is created with fresh keys on a first start.
/// </summary>
public sealed class PersonalDataKeys
{
    private const string Prefix = "gg1:";
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _currentId;
    private readonly byte[] _indexKey;

    public sealed record KeyFile(string Current, Dictionary<string, string> Keys, string IndexKey);

    private PersonalDataKeys(KeyFile file)
    {
        _keys = file.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value));
        _currentId = file.Current;
        _indexKey = Convert.FromBase64String(file.IndexKey);
        if (!_keys.ContainsKey(_currentId) || _keys.Values.Any(k => k.Length != 32) || _indexKey.Length < 32)
            throw new InvalidOperationException("The personal data key file is malformed: a current key id, 32-byte keys and a 32-byte index key.");
    }

    private static PersonalDataKeys? _current;

    /// <summary>The process's keys; set once at start-up, before any personal value is read or written.</summary>
    public static PersonalDataKeys Current => _current ?? throw new InvalidOperationException("Personal data keys are not loaded.");

    private static readonly Lock Gate = new();

    public static PersonalDataKeys Load(string path)
    {
        var full = Path.GetFullPath(path);
        lock (Gate)
        {
            if (_current is { } loaded && loaded.Source == full) return loaded;
            if (!File.Exists(full)) Create(full);
            return _current = new PersonalDataKeys(JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(full))!) { Source = full };
        }
    }

    public string Source { get; private init; } = "";

    public static KeyFile NewFile(string id = "k1") =>
        new(id, new Dictionary<string, string> { [id] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    /// <summary>Written whole beside the target, then moved in: another process starting at the same moment keeps the first file made.</summary>
    private static void Create(string path)
    {
        Files.PrivateFolder.Create(Path.GetDirectoryName(path)!);
        var draft = path + "." + Guid.NewGuid().ToString("N");
        using (var file = Files.PrivateFolder.CreateFile(draft))
            JsonSerializer.Serialize(file, NewFile(), new JsonSerializerOptions { WriteIndented = true });
        try
        {
            File.Move(draft, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(draft);
        }
    }

    public string Encrypt(string plain)
    {
        var key = _keys[_currentId];
        var nonce = RandomNumberGenerator.GetBytes(12);
        var data = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[12 + 16 + data.Length];
        nonce.CopyTo(sealedBytes, 0);
        using (var aes = new AesGcm(key, 16))
            aes.Encrypt(nonce, data, sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), Encoding.ASCII.GetBytes(_currentId));
        return $"{Prefix}{_currentId}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>The clear value; a value stored before encryption was turned on is read as it is.</summary>
    public string Decrypt(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal)) return stored;
        var rest = stored.AsSpan(Prefix.Length);
        var cut = rest.IndexOf(':');
        var id = rest[..cut].ToString();
        var bytes = Convert.FromBase64String(rest[(cut + 1)..].ToString());
        var plain = new byte[bytes.Length - 28];
        using (var aes = new AesGcm(_keys[id], 16))
            aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(28), bytes.AsSpan(12, 16), plain, Encoding.ASCII.GetBytes(id));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A keyed hash of a normalised value, for finding it by equality without storing it: the same value, the same index.</summary>
    public string Index(string purpose, string value)
    {
        var mac = HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes(purpose + "\u001f" + value.Trim().ToUpperInvariant()));
        return Convert.ToBase64String(mac, 0, 18);
    }
}
