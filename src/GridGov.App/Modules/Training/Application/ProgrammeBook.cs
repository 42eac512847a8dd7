using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.Territory.Contracts;
using GridGov.Modules.Training.Contracts;
using GridGov.Modules.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Training.Application;

/// <summary>A version of the rules as written: the groups served (tag codes), age band, residency types, once per N years, phone needed.</summary>
public sealed record RulesInput(DateOnly? EffectiveFrom = null, IReadOnlyList<string>? TargetTags = null, int? MinAge = null, int? MaxAge = null,
    IReadOnlyList<string>? Residencies = null, int? OncePerYears = null, bool NeedsTextCode = true);

public sealed record DefineProgramme(string Name, ProgrammeKind Kind, string AreaCode, DateOnly StartsOn, DateOnly EndsOn, long Budget,
    IReadOnlyDictionary<CertificateLevel, int> Subsidies, RulesInput Rules, int? ExpiryDays = null, string? Employer = null);

public sealed record RulesView(int Id, DateOnly EffectiveFrom, IReadOnlyList<string> TargetTags, int? MinAge, int? MaxAge, IReadOnlyList<string> Residencies,
    int? OncePerYears, bool NeedsTextCode, string CreatedBy, DateTime CreatedAt);

public sealed record StateCount(VoucherState State, int Vouchers, long Yuan);

public sealed record ProgrammeView(int Id, string Name, ProgrammeKind Kind, string AreaCode, DateOnly StartsOn, DateOnly EndsOn, long Budget,
    long Committed, int FaceValue, IReadOnlyDictionary<CertificateLevel, int> Subsidies, int ExpiryDays, string? Employer, RulesView? RulesInForce,
    IReadOnlyList<RulesView> RuleVersions, IReadOnlyList<StateCount> Vouchers, int Version);

public sealed record ProgrammeRow(int Id, string Name, ProgrammeKind Kind, string AreaCode, DateOnly StartsOn, DateOnly EndsOn, long Budget, int FaceValue);

/// <summary>Voucher programmes: defined for an area with their rules, each new version of the rules effective from its day.</summary>
public sealed class ProgrammeBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, ITerritoryDirectory territory)
{
    public async Task<ProgrammeView> DefineAsync(DefineProgramme input, CancellationToken ct)
    {
        user.Require(TrainingPermissions.Manage);
        var path = await territory.PathOfAsync(input.AreaCode ?? "", ct) ?? throw new ValidationException("areaCode", "unknown_area");
        if (!user.CanCapture(path)) throw new ForbiddenException("outside_capture_scope");
        var now = clock.UtcNow();
        var programme = VoucherProgramme.Define(input.Name ?? "", input.Kind, input.AreaCode!, path, input.StartsOn, input.EndsOn, input.Budget,
            new SubsidyTable(input.Subsidies ?? new Dictionary<CertificateLevel, int>()), input.ExpiryDays ?? VoucherProgramme.DefaultExpiryDays,
            input.Employer, user.UserName, now);
        var rules = input.Rules ?? new RulesInput();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(programme);
        await db.SaveChangesAsync(ct);
        db.Add(NewRules(programme.Id, rules with { EffectiveFrom = rules.EffectiveFrom ?? input.StartsOn }, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await GetAsync(programme.Id, ct);
    }

    /// <summary>A new version of the rules, effective from its day (never before today: results already given stand).</summary>
    public async Task<ProgrammeView> AddRulesAsync(int id, RulesInput rules, CancellationToken ct)
    {
        user.Require(TrainingPermissions.Manage);
        var programme = await db.Set<VoucherProgramme>().ForChangeAsync(p => p.Id == id, user, "programme_not_found", id, ct);
        var from = rules.EffectiveFrom ?? clock.Today();
        if (from < clock.Today()) throw new ValidationException("effectiveFrom", "in_past");
        db.Add(NewRules(programme.Id, rules with { EffectiveFrom = from }, clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    private EligibilityRules NewRules(int programmeId, RulesInput rules, DateTime now) =>
        EligibilityRules.Effective(programmeId, rules.EffectiveFrom!.Value, rules.TargetTags, rules.MinAge, rules.MaxAge, rules.Residencies,
            rules.OncePerYears, rules.NeedsTextCode, user.UserName, now);

    public async Task<ProgrammeView> GetAsync(int id, CancellationToken ct)
    {
        user.Require(TrainingPermissions.View);
        var p = await db.Set<VoucherProgramme>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("programme_not_found", id);
        var versions = await RulesOfAsync(id, ct);
        var inForce = EligibilityRules.InForce(versions, clock.Today());
        var counts = await CountsAsync(id, ct);
        return new ProgrammeView(p.Id, p.Name, p.Kind, p.AreaCode, p.StartsOn, p.EndsOn, p.Budget, await CommittedAsync(id, ct), p.FaceValue,
            p.SubsidyTable.Values, p.ExpiryDays, p.Employer, inForce is null ? null : View(inForce), versions.Select(View).ToList(), counts, p.Version);
    }

    public async Task<Page<ProgrammeRow>> ListAsync(bool? running, PageRequest page, CancellationToken ct)
    {
        user.Require(TrainingPermissions.View);
        var rows = db.Set<VoucherProgramme>().AsNoTracking();
        var today = clock.Today();
        if (running == true) rows = rows.Where(p => p.StartsOn <= today && p.EndsOn >= today);
        return await rows.OrderByDescending(p => p.StartsOn).ThenByDescending(p => p.Id)
            .Select(p => new ProgrammeRow(p.Id, p.Name, p.Kind, p.AreaCode, p.StartsOn, p.EndsOn, p.Budget, p.FaceValue)).ToPageAsync(page, ct);
    }

    internal async Task<List<EligibilityRules>> RulesOfAsync(int programmeId, CancellationToken ct) =>
        await db.Set<EligibilityRules>().AsNoTracking().Where(r => r.ProgrammeId == programmeId).OrderBy(r => r.EffectiveFrom).ThenBy(r => r.Id).ToListAsync(ct);

    /// <summary>Yuan the programme has committed: an open voucher's face value until its subsidy is fixed, then the subsidy. Over the whole programme, not the caller's part of it.</summary>
    internal Task<long> CommittedAsync(int programmeId, CancellationToken ct) =>
        db.Set<Voucher>().AsNoTracking().OutsideScope("a programme's budget is spent wherever its vouchers went")
            .Where(v => v.ProgrammeId == programmeId)
            .SumAsync(v => v.State == VoucherState.Reviewed || v.State == VoucherState.Paid ? (long)(v.Subsidy ?? 0) : v.OpenIn != null ? v.FaceValue : 0L, ct);

    private async Task<IReadOnlyList<StateCount>> CountsAsync(int programmeId, CancellationToken ct)
    {
        var rows = await db.Set<Voucher>().AsNoTracking().Where(v => v.ProgrammeId == programmeId)
            .GroupBy(v => v.State).Select(g => new { g.Key, Count = g.Count(), Yuan = g.Sum(v => (long)(v.Subsidy ?? 0)) }).ToListAsync(ct);
        return rows.OrderBy(r => r.Key).Select(r => new StateCount(r.Key, r.Count, r.Yuan)).ToList();
    }

    private static RulesView View(EligibilityRules r) =>
        new(r.Id, r.EffectiveFrom, r.Tags, r.MinAge, r.MaxAge, r.ResidencyTypes, r.OncePerYears, r.NeedsTextCode, r.CreatedBy, r.CreatedAt);
}
