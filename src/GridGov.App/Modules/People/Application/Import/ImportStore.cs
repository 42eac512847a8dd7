using GridGov.Kernel.Errors;
using Microsoft.Extensions.Configuration;

namespace GridGov.Modules.People.Application.Import;

/// <summary>Uploaded files between preview and commit, each readable only by the user who uploaded it.</summary>
public sealed class ImportStore(IConfiguration config)
{
    private string Folder => Directory.CreateDirectory(config["Import:Folder"] ?? Path.Combine(Path.GetTempPath(), "gridgov-imports")).FullName;

    public long MaxBytes => config.GetValue("Import:MaxBytes", ImportFile.DefaultMaxBytes);

    public async Task<string> SaveAsync(Stream content, string owner, CancellationToken ct)
    {
        var token = Guid.NewGuid().ToString("N");
        var path = Path.Combine(Folder, token);
        await using (var file = File.Create(path))
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
        await File.WriteAllTextAsync(path + ".owner", owner, ct);
        return token;
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
