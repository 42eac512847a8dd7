namespace GridGov.Kernel.Naming;

/// <summary>
/// Names a module's records for people (a household by its number and address, a grid by its
/// name), so that a history line that stored an id reads as what it points to. Read through the
/// caller's scope: a record the reader cannot see keeps its bare id and reveals nothing.
/// </summary>
public interface IRecordNamer
{
    /// <summary>The entity type names this namer answers for ("Household"), and any shorter name a field may use ("Area" in CountyAreaId).</summary>
    IReadOnlyCollection<string> Types { get; }

    Task<IReadOnlyDictionary<int, string>> NamesAsync(string type, IReadOnlyCollection<int> ids, CancellationToken ct);
}
