namespace GridGov.Modules.Accounts.Contracts;

/// <summary>What other modules may ask of accounts.</summary>
public interface IAccountDirectory
{
    Task<string?> FindUserIdAsync(string userName, CancellationToken ct);

    /// <summary>Whether an account of that name exists and holds the role.</summary>
    Task<bool> HoldsRoleAsync(string userName, string role, CancellationToken ct);
}
