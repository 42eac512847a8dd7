namespace GridGov.Kernel.Security;

/// <summary>How a page names the people who took steps: by their name and role, never by their login alone.</summary>
public interface IActorNames
{
    /// <summary>For each login asked about that is an account, its display name with its role ("李明 · 县综治中心"); others are absent.</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> userNames, CancellationToken ct);
}
