namespace GridGov.Modules.Accounts.Contracts;

/// <summary>What other modules may ask of accounts.</summary>
public interface IAccountDirectory
{
    /// <summary>Keeps users' scopes pointing at the same nodes when the tree is reorganised.</summary>
    Task RebaseAsync(string oldPrefix, string newPrefix, CancellationToken ct);

    Task<string?> FindUserIdAsync(string userName, CancellationToken ct);
}
