using GridGov.Kernel.Auditing;
using GridGov.Kernel.Scoping;

namespace GridGov.Kernel.Documents;

/// <summary>One export of a list from any module: what, who, with which filter, how many rows, masked or full.</summary>
public sealed class ExportRecord : IScopedByPath, IAuditTrail
{
    private ExportRecord() { }

    public long Id { get; private set; }
    /// <summary>The exporting user's view scope: the place the exported records came from.</summary>
    public string Path { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public DateTime At { get; private set; }
    /// <summary>What was exported ("people", "incidents", …); empty on exports recorded before any module but People exported.</summary>
    [AddedToTrail]
    public string? Subject { get; private set; }
    public string Filter { get; private set; } = "";
    public int Rows { get; private set; }
    public bool FullValues { get; private set; }

    public static ExportRecord Of(string subject, string path, string userId, string userName, DateTime at, string filter, int rows, bool full) =>
        new() { Subject = subject, Path = path, UserId = userId, UserName = userName, At = at, Filter = filter, Rows = rows, FullValues = full };
}
