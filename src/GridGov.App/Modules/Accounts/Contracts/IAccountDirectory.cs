namespace GridGov.Modules.Accounts.Contracts;

/// <summary>What other modules may ask of accounts.</summary>
public interface IAccountDirectory
{
    Task<string?> FindUserIdAsync(string userName, CancellationToken ct);
}
