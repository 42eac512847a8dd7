using GridGov.Data;
using GridGov.Kernel.Localization;
using GridGov.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GridGov.Modules.Accounts.Application;

/// <summary>Accounts by display name and role, in the reader's language, for timelines and histories.</summary>
internal sealed class ActorNames(GridGovDbContext db, IStringLocalizer<Strings> text) : IActorNames
{
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> userNames, CancellationToken ct)
    {
        var wanted = userNames.Where(n => n.Length > 0).Select(n => n.ToUpperInvariant()).Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<string, string>();
        var users = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.NormalizedUserName!))
            .Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        return users.ToDictionary(u => u.UserName!, u =>
        {
            var name = string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName! : u.DisplayName;
            var role = roles.FirstOrDefault(r => r.UserId == u.Id)?.Name;
            return role is null ? name : $"{name} · {text[$"Role.{role}"]}";
        }, StringComparer.OrdinalIgnoreCase);
    }
}
