using GridGov.Kernel.Auditing;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.People.Domain;

/// <summary>One export of a list of people: who, with which filter, how many rows, masked or full.</summary>
public sealed class ExportRecord : IScopedByPath, IAuditTrail
{
    private ExportRecord() { }

    public long Id { get; private set; }
    /// <summary>The exporting user's view scope: the place the exported people came from.</summary>
    public string Path { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public DateTime At { get; private set; }
    public string Filter { get; private set; } = "";
    public int Rows { get; private set; }
    public bool FullValues { get; private set; }

    public static ExportRecord Of(string path, string userId, string userName, DateTime at, string filter, int rows, bool full) =>
        new() { Path = path, UserId = userId, UserName = userName, At = at, Filter = filter, Rows = rows, FullValues = full };
}
