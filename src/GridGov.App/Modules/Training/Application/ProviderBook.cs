using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.Accounts.Contracts;
using GridGov.Modules.Territory.Contracts;
using GridGov.Modules.Training.Contracts;
using GridGov.Modules.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Training.Application;

public sealed record ProviderInput(string Name, string CreditCode, string AreaCode, string Contact, IReadOnlyList<ApprovedOccupation> Occupations);

public sealed record ProviderView(int Id, string Name, string CreditCode, string AreaCode, string Contact, IReadOnlyList<ApprovedOccupation> Occupations,
    bool IsActive, IReadOnlyList<string> Staff, int Classes, OutcomeCounts Outcomes, int Version);

public sealed record ProviderRow(int Id, string Name, string AreaCode, bool IsActive);

/// <summary>Training providers the bureau approves, and the accounts that work for each.</summary>
public sealed class ProviderBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, ITerritoryDirectory territory, IAccountDirectory accounts,
    TrainingOutcomes outcomes)
{
    public async Task<ProviderView> ApproveAsync(ProviderInput input, CancellationToken ct)
    {
        user.Require(TrainingPermissions.Manage);
        var path = await territory.PathOfAsync(input.AreaCode ?? "", ct) ?? throw new ValidationException("areaCode", "unknown_area");
        if (!user.CanCapture(path)) throw new ForbiddenException("outside_capture_scope");
        var provider = TrainingProvider.Approve(input.Name ?? "", input.CreditCode ?? "", input.AreaCode!, path, input.Contact ?? "",
            input.Occupations ?? [], user.UserName, clock.UtcNow());
        var code = provider.CreditCode;
        if (await db.Set<TrainingProvider>().OutsideScope("a credit code names one provider in the whole deployment").AnyAsync(p => p.CreditCode == code, ct))
            throw new ConflictException("provider_exists");
        db.Add(provider);
        await db.SaveChangesAsync(ct);
        return await GetAsync(provider.Id, ct);
    }

    public async Task<ProviderView> ChangeAsync(int id, ProviderInput input, int? version, CancellationToken ct)
    {
        user.Require(TrainingPermissions.Manage);
        var provider = await db.Set<TrainingProvider>().ForChangeAsync(p => p.Id == id, user, "provider_not_found", id, ct);
        if (version is { } v) db.Expect(provider, v);
        provider.Change(input.Name ?? "", input.CreditCode ?? "", input.Contact ?? "", input.Occupations ?? []);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Puts an account with the provider role to work for the provider; an account works for one provider.</summary>
    public async Task<ProviderView> AddStaffAsync(int id, string userName, CancellationToken ct)
    {
        user.Require(TrainingPermissions.Manage);
        var provider = await db.Set<TrainingProvider>().ForChangeAsync(p => p.Id == id, user, "provider_not_found", id, ct);
        if (!await accounts.HoldsRoleAsync(userName ?? "", Roles.TrainingProvider, ct)) throw new ValidationException("userName", "not_a_provider_account");
        if (await db.Set<ProviderStaff>().AnyAsync(s => s.UserName == userName, ct)) throw new ConflictException("staff_of_a_provider");
        db.Add(ProviderStaff.Of(provider.Id, userName!, user.UserName, clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<ProviderView> GetAsync(int id, CancellationToken ct)
    {
        if (!user.Has(TrainingPermissions.View)) user.Require(TrainingPermissions.Provide);
        var p = await db.Set<TrainingProvider>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("provider_not_found", id);
        var staff = await db.Set<ProviderStaff>().AsNoTracking().Where(s => s.ProviderId == id).OrderBy(s => s.UserName).Select(s => s.UserName).ToListAsync(ct);
        var classes = await db.Set<TrainingClass>().AsNoTracking().CountAsync(c => c.ProviderId == id, ct);
        return new ProviderView(p.Id, p.Name, p.CreditCode, p.AreaCode, p.Contact, p.Approved, p.IsActive, staff, classes,
            await outcomes.OfAsync(null, id, ct), p.Version);
    }

    public async Task<Page<ProviderRow>> ListAsync(string? search, PageRequest page, CancellationToken ct)
    {
        if (!user.Has(TrainingPermissions.View)) user.Require(TrainingPermissions.Provide);
        var rows = db.Set<TrainingProvider>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search)) rows = rows.Where(p => p.Name.Contains(search.Trim()));
        return await rows.OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => new ProviderRow(p.Id, p.Name, p.AreaCode, p.IsActive)).ToPageAsync(page, ct);
    }
}
