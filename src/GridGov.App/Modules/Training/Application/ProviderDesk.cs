using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using GridGov.Modules.Training.Contracts;
using GridGov.Modules.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Training.Application;

/// <summary>Which provider the caller works for: a provider's staff act only for their own.</summary>
public sealed class ProviderDesk(GridGovDbContext db, CurrentUser user)
{
    private int? _providerId;

    /// <summary>The caller's provider, for a step only a provider takes; 403 when the caller works for none.</summary>
    public async Task<int> ProviderIdAsync(CancellationToken ct)
    {
        user.Require(TrainingPermissions.Provide);
        if (_providerId is { } known) return known;
        var me = user.UserName;
        _providerId = await db.Set<ProviderStaff>().AsNoTracking().Where(s => s.UserName == me).Select(s => (int?)s.ProviderId).FirstOrDefaultAsync(ct)
            ?? throw new ForbiddenException("not_provider_staff");
        return _providerId.Value;
    }

    /// <summary>The caller's provider if they work for one, else null (bureau staff, auditors).</summary>
    public async Task<int?> OwnProviderAsync(CancellationToken ct) =>
        user.Has(TrainingPermissions.Provide) ? await ProviderIdAsync(ct) : null;
}
