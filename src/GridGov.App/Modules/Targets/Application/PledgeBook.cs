using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Files;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.Targets.Contracts;
using GridGov.Modules.Targets.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Targets.Application;

public sealed record DraftPledge(string? AreaCode, string Title, int Year, IReadOnlyList<int>? TargetIds);

/// <param name="Document">The stored name of the uploaded scan of the signed pledge.</param>
public sealed record SignPledge(string Signatories, DateOnly SignedOn, string? Document);

public sealed record PledgeView(int Id, string AreaCode, string UnitName, string Title, int Year, PledgeState State, string? Signatories, DateOnly? SignedOn,
    string? DocumentName, string CreatedBy, IReadOnlyList<TargetView> Targets);

/// <summary>Pledges drawn up, their targets bound, and signed with the scan of the signed document, which locks the targets.</summary>
public sealed class PledgeBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, CycleBook cycles, TargetBook targets, FileStore files)
{
    public const string FileOwner = "pledge";

    public async Task<Page<PledgeView>> ListAsync(int? year, PageRequest page, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        var rows = db.Set<Pledge>().AsNoTracking();
        if (year is { } y) rows = rows.Where(p => p.Year == y);
        return await rows.OrderByDescending(p => p.Year).ThenBy(p => p.AreaCode).ToPageAsync(page, p => View(p, []), ct);
    }

    public async Task<PledgeView> GetAsync(int id, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        var pledge = await db.Set<Pledge>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("pledge_not_found", id);
        var bound = await db.Set<Target>().AsNoTracking().Where(t => t.PledgeId == id).Select(t => t.Id).ToListAsync(ct);
        return View(pledge, await targets.ManyAsync(bound, ct));
    }

    public async Task<PledgeView> DraftAsync(DraftPledge input, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Manage);
        var (path, code) = await cycles.AreaAsync(input.AreaCode, ct);
        if (!user.CanCapture(path)) throw new ForbiddenException("outside_capture_scope");
        var name = await cycles.NameAsync(path, code, ct);
        var pledge = Pledge.Draft(path, code, name, input.Title, input.Year, user.UserName, clock.UtcNow());
        db.Add(pledge);
        await db.SaveChangesAsync(ct);
        if (input.TargetIds is { Count: > 0 } ids)
        {
            pledge.Bind(await TargetsAsync(ids, ct));
            await db.SaveChangesAsync(ct);
        }
        return await GetAsync(pledge.Id, ct);
    }

    /// <summary>Binds more targets of the unit (or below) to a pledge not yet signed.</summary>
    public async Task<PledgeView> BindTargetsAsync(int id, IReadOnlyList<int> targetIds, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Manage);
        var pledge = await db.Set<Pledge>().ForChangeAsync(p => p.Id == id, user, "pledge_not_found", id, ct);
        if (targetIds.Count == 0) throw new ValidationException("targetIds", "required");
        pledge.Bind(await TargetsAsync(targetIds, ct));
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>The targets that could still be bound to a pledge: unbound, unlocked, of its unit or below, in its year.</summary>
    public async Task<IReadOnlyList<TargetView>> BindableAsync(int id, CancellationToken ct)
    {
        var pledge = await GetAsync(id, ct);
        var path = await db.Set<Pledge>().AsNoTracking().Where(p => p.Id == id).Select(p => p.Path).FirstAsync(ct);
        var ids = await db.Set<Target>().AsNoTracking().Where(t => t.PledgeId == null && !t.IsLocked && t.Path.StartsWith(path) && t.From.Year == pledge.Year)
            .OrderBy(t => t.IndicatorId).ThenBy(t => t.AreaCode).Select(t => t.Id).Take(200).ToListAsync(ct);
        return await targets.ManyAsync(ids, ct);
    }

    /// <summary>Signs a pledge with the scan uploaded beforehand: its targets lock in the same save.</summary>
    public async Task<PledgeView> SignAsync(int id, SignPledge input, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Manage);
        var pledge = await db.Set<Pledge>().ForChangeAsync(p => p.Id == id, user, "pledge_not_found", id, ct);
        var bound = await db.Set<Target>().Where(t => t.PledgeId == id).ToListAsync(ct);
        var scans = string.IsNullOrWhiteSpace(input.Document) ? [] : await files.ClaimAsync([input.Document.Trim()], FileOwner, ct);
        pledge.Sign(bound, input.Signatories, input.SignedOn, scans.FirstOrDefault()?.StoredName, clock.Today(), user.UserName);
        foreach (var scan in scans) scan.BelongTo(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    private async Task<List<Target>> TargetsAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var found = await db.Set<Target>().Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        if (found.Count != ids.Distinct().Count()) throw new ValidationException("targetIds", "unknown");
        return found;
    }

    private static PledgeView View(Pledge p, IReadOnlyList<TargetView> bound) => new(p.Id, p.AreaCode, p.UnitName, p.Title, p.Year, p.State, p.Signatories,
        p.SignedOn, p.DocumentName, p.CreatedBy, bound);
}

/// <summary>A pledge's scan is seen by whoever sees the pledge.</summary>
internal sealed class PledgeFiles(GridGovDbContext db) : IFileAuthoriser
{
    public string OwnerType => PledgeBook.FileOwner;

    public Task<bool> MaySeeAsync(string ownerKey, CancellationToken ct) =>
        int.TryParse(ownerKey, out var id) ? db.Set<Pledge>().AnyAsync(p => p.Id == id, ct) : Task.FromResult(false);
}
