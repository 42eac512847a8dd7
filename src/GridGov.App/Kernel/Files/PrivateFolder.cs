namespace GridGov.Kernel.Files;

/// <summary>
/// Folders and files of the app's own that hold personal data (uploads between preview and commit,
/// photos): readable and writable by the app's user alone, whatever the host's umask.
/// </summary>
public static class PrivateFolder
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string Create(string path)
    {
        var folder = OperatingSystem.IsWindows() ? Directory.CreateDirectory(path) : Directory.CreateDirectory(path, FolderMode);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder.FullName, FolderMode);
        return folder.FullName;
    }

    /// <summary>A new file only its owner can read.</summary>
    public static FileStream CreateFile(string path) => new(path, new FileStreamOptions
    {
        Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write,
        UnixCreateMode = OperatingSystem.IsWindows() ? null : FileMode,
    });

    public static async Task WriteAllBytesAsync(string path, byte[] bytes, CancellationToken ct)
    {
        await using var file = CreateFile(path);
        await file.WriteAsync(bytes, ct);
    }
}
