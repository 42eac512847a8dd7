using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Kernel.Security;

/// <summary>
/// Work in a service scope of its own, acting as the request's user. Components rendered side by
/// side (the header's unread count, the home page's panels) load at the same time; each reading
/// through its own scope, and so its own DbContext, keeps them from sharing one context at once.
/// </summary>
public sealed class UserScopes(IServiceScopeFactory scopes, CurrentUser user)
{
    public async Task<T> ReadAsync<TService, T>(Func<TService, Task<T>> read) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        user.CopyTo(scope.ServiceProvider.GetRequiredService<CurrentUser>());
        return await read(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
