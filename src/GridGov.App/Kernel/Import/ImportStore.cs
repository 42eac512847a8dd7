using GridGov.Kernel.Errors;
using Microsoft.Extensions.Configuration;

namespace GridGov.Kernel.Import;

/// <summary>
/// Uploaded files between preview and commit, each usable only by the user who uploaded it. They
/// lie in the app's own data folder (<c>Import:Folder</c>, default <c>data/imports</c>), readable by
/// the app's user alone, and are deleted at commit, or once <c>Import:KeepHours</c> (24) have passed.
/// </summary>
public sealed class ImportStore(IConfiguration config, Microsoft.Extensions.Hosting.IHostEnvironment host, TimeProvider clock)
{
    private string Folder => Kernel.Files.PrivateFolder.Create(Path.GetFullPath(
        config["Import:Folder"] ?? Path.Combine(host.ContentRootPath, "data", "imports"), host.ContentRootPath));

    private TimeSpan Keep => TimeSpan.FromHours(Math.Max(1, config.GetValue("Import:KeepHours", 24)));

    public long MaxBytes => config.GetValue("Import:MaxBytes", ImportFile.DefaultMaxBytes);

    public async Task<string> SaveAsync(Stream content, string owner, CancellationToken ct)
    {
        DeleteExpired();
        var token = Guid.NewGuid().ToString("N");
        var path = Path.Combine(Folder, token);
        await using (var file = Kernel.Files.PrivateFolder.CreateFile(path))
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > MaxBytes)
                {
                    file.Close();
                    File.Delete(path);
                    throw new AppException(413, "import_too_large", MaxBytes / 1024 / 1024);
                }
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        await Kernel.Files.PrivateFolder.WriteAllBytesAsync(path + ".owner", System.Text.Encoding.UTF8.GetBytes(owner), ct);
        return token;
    }

    /// <summary>Uploads never committed go once their time is up.</summary>
    public int DeleteExpired()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Keep;
        var expired = new DirectoryInfo(Folder).EnumerateFiles().Where(f => !f.Name.EndsWith(".owner") && f.LastWriteTimeUtc < cutoff).ToList();
        foreach (var file in expired) Delete(file.Name);
        return expired.Count;
    }

    public string PathOf(string token, string owner)
    {
        if (token.Length != 32 || !token.All(char.IsAsciiHexDigit)) throw new NotFoundException("import_not_found", token);
        var path = Path.Combine(Folder, token);
        if (!File.Exists(path) || !File.Exists(path + ".owner") || File.ReadAllText(path + ".owner") != owner)
            throw new NotFoundException("import_not_found", token);
        return path;
    }

    public void Delete(string token)
    {
        var path = Path.Combine(Folder, token);
        File.Delete(path);
        File.Delete(path + ".owner");
    }
}
