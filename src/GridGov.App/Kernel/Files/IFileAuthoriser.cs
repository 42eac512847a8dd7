namespace GridGov.Kernel.Files;

/// <summary>
/// The owning module's answer to "may the caller see the files of this record": true when the
/// caller may see the record itself, through the same scope and filters as every read.
/// </summary>
public interface IFileAuthoriser
{
    /// <summary>The owner type this module claims files for, e.g. "incident".</summary>
    string OwnerType { get; }

    Task<bool> MaySeeAsync(string ownerKey, CancellationToken ct);
}
