using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using GridGov.Kernel.Tallies;
using GridGov.Modules.Targets.Contracts;
using GridGov.Modules.Targets.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Targets.Application;

public sealed record DefineIndicator(string Code, string Name, string? Unit, IndicatorKind Kind, string? NumeratorKey, string? DenominatorKey,
    bool AcceptsReports, PeriodKinds Periods, decimal? MinimumDenominator, decimal? GreenFrom, decimal? AmberFrom);

public sealed record IndicatorView(int Id, string Code, string Name, string Unit, IndicatorKind Kind, string? NumeratorKey, string? DenominatorKey,
    bool AcceptsReports, PeriodKinds Periods, decimal MinimumDenominator, decimal GreenFrom, decimal AmberFrom, bool IsActive);

/// <summary>The county's indicators, each read from the counts any module publishes on the figure board, or reported by hand.</summary>
public sealed class IndicatorBook(GridGovDbContext db, CurrentUser user, FigureBoard board)
{
    public async Task<IReadOnlyList<IndicatorView>> ListAsync(CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        return await db.Set<Indicator>().AsNoTracking().OrderBy(i => i.Code).Select(i => View(i)).ToListAsync(ct);
    }

    /// <summary>The counts an indicator may be read from: every module's count figures the caller may read.</summary>
    public IReadOnlyList<FigureDefinition> Countable() => board.Catalogue().Where(f => f.Kind == FigureKind.Count && f.PeriodBound).ToList();

    public async Task<IndicatorView> DefineAsync(DefineIndicator input, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Manage);
        var code = input.Code?.Trim() ?? "";
        if (await db.Set<Indicator>().AnyAsync(i => i.Code == code, ct)) throw new ConflictException("indicator_exists");
        var indicator = Indicator.Define(code, input.Name, input.Unit ?? "", input.Kind, input.NumeratorKey, input.DenominatorKey, input.AcceptsReports,
            input.Periods, input.MinimumDenominator ?? 0, input.GreenFrom ?? 1m, input.AmberFrom ?? 0.8m, Countable().Select(f => f.Key).ToList(), user.UserName);
        db.Add(indicator);
        await db.SaveChangesAsync(ct);
        return View(indicator);
    }

    internal static IndicatorView View(Indicator i) => new(i.Id, i.Code, i.Name, i.Unit, i.Kind, i.NumeratorKey, i.DenominatorKey, i.AcceptsReports, i.Periods,
        i.MinimumDenominator, i.GreenFrom, i.AmberFrom, i.IsActive);
}
