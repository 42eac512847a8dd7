using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Files;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.Targets.Contracts;
using GridGov.Modules.Targets.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Targets.Application;

public sealed record RegisterPolicy(string? AreaCode, string IssuingBody, string Number, DateOnly IssuedOn, string Title, string? Scan,
    IReadOnlyList<int>? IndicatorIds, string? Programmes);

public sealed record PolicyView(int Id, string AreaCode, string IssuingBody, string Number, DateOnly IssuedOn, string Title, string? FileName,
    IReadOnlyList<int> IndicatorIds, string Programmes, string CreatedBy);

public sealed record PolicyCount(int Year, int Month, int Count);

/// <summary>The register of policy documents: each with its number, day, issuer, scan and what it concerns; counted by month.</summary>
public sealed class PolicyBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, CycleBook cycles, FileStore files)
{
    public const string FileOwner = "policy";

    public async Task<Page<PolicyView>> ListAsync(int? year, int? indicatorId, string? search, PageRequest page, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        var rows = db.Set<PolicyDocument>().AsNoTracking();
        if (year is { } y) rows = rows.Where(p => p.IssuedOn >= new DateOnly(y, 1, 1) && p.IssuedOn <= new DateOnly(y, 12, 31));
        if (indicatorId is { } i)
        {
            var id = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            rows = rows.Where(p => ("," + p.IndicatorIds + ",").Contains("," + id + ","));
        }
        if (!string.IsNullOrWhiteSpace(search)) rows = rows.Where(p => p.Title.Contains(search.Trim()) || p.Number.Contains(search.Trim()));
        return await rows.OrderByDescending(p => p.IssuedOn).ThenByDescending(p => p.Id).ToPageAsync(page, View, ct);
    }

    /// <summary>Documents issued per month in a period (default: this year), counted in the database.</summary>
    public async Task<IReadOnlyList<PolicyCount>> CountAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        var today = clock.Today();
        var (start, end) = (from ?? new DateOnly(today.Year, 1, 1), to ?? new DateOnly(today.Year, 12, 31));
        if (end < start) throw new ValidationException("to", "before_start");
        return await db.Set<PolicyDocument>().AsNoTracking().Where(p => p.IssuedOn >= start && p.IssuedOn <= end)
            .GroupBy(p => new { p.IssuedOn.Year, p.IssuedOn.Month }).OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Month)
            .Select(g => new PolicyCount(g.Key.Year, g.Key.Month, g.Count())).ToListAsync(ct);
    }

    public async Task<PolicyView> GetAsync(int id, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        return View(await db.Set<PolicyDocument>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("policy_not_found", id));
    }

    public async Task<PolicyView> RegisterAsync(RegisterPolicy input, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Manage);
        var (path, code) = await cycles.AreaAsync(input.AreaCode, ct);
        if (!user.CanCapture(path)) throw new ForbiddenException("outside_capture_scope");
        var number = input.Number?.Trim() ?? "";
        if (await db.Set<PolicyDocument>().AnyAsync(p => p.Path == path && p.Number == number, ct)) throw new ConflictException("policy_exists");
        var ids = (input.IndicatorIds ?? []).Distinct().ToList();
        if (await db.Set<Indicator>().CountAsync(i => ids.Contains(i.Id), ct) != ids.Count) throw new ValidationException("indicatorIds", "unknown");
        var scans = string.IsNullOrWhiteSpace(input.Scan) ? [] : await files.ClaimAsync([input.Scan.Trim()], FileOwner, ct);
        var policy = PolicyDocument.Register(path, code, input.IssuingBody, number, input.IssuedOn, input.Title, scans.FirstOrDefault()?.StoredName, ids,
            input.Programmes, clock.Today(), user.UserName, clock.UtcNow());
        db.Add(policy);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var scan in scans) scan.BelongTo(policy.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return View(policy);
    }

    private static PolicyView View(PolicyDocument p) =>
        new(p.Id, p.AreaCode, p.IssuingBody, p.Number, p.IssuedOn, p.Title, p.FileName, p.Indicators, p.Programmes, p.CreatedBy);
}

/// <summary>A policy's scan is seen by whoever sees the policy.</summary>
internal sealed class PolicyFiles(GridGovDbContext db) : IFileAuthoriser
{
    public string OwnerType => PolicyBook.FileOwner;

    public Task<bool> MaySeeAsync(string ownerKey, CancellationToken ct) =>
        int.TryParse(ownerKey, out var id) ? db.Set<PolicyDocument>().AnyAsync(p => p.Id == id, ct) : Task.FromResult(false);
}
