using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Tallies;
using GridGov.Kernel.Time;
using GridGov.Modules.Targets.Contracts;
using GridGov.Modules.Targets.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Targets.Application;

public sealed record EnterFigure(int IndicatorId, string? AreaCode, DateOnly From, DateOnly To, long Numerator, long? Denominator, string Source);

/// <summary>The hand-reported figures one unit's line counts, as a bulletin reads them: of the indicator, under the unit, inside the period.</summary>
public sealed record ReportsCounted(int IndicatorId, string Under, DateOnly From, DateOnly To);

public sealed record ReportedView(long Id, int IndicatorId, string Indicator, string AreaCode, string UnitName, DateOnly From, DateOnly To, long Numerator,
    long? Denominator, string Source, ReportState State, string EnteredBy, DateTime EnteredAt, string? DecidedBy);

/// <summary>Figures reported by hand: entered with their source, counted once a second person approves them.</summary>
public sealed class ReportBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, CycleBook cycles, FigureBoard figures)
{
    /// <param name="counted">Only the figures a bulletin line counts: of that indicator, under that place, within that period.</param>
    public async Task<Page<ReportedView>> ListAsync(ReportState? state, PageRequest page, CancellationToken ct, ReportsCounted? counted = null)
    {
        user.Require(TargetsPermissions.View);
        var rows = db.Set<ReportedFigure>().AsNoTracking();
        if (state is { } s) rows = rows.Where(r => r.State == s);
        if (counted is { } c)
            rows = rows.Where(r => r.IndicatorId == c.IndicatorId && r.Path.StartsWith(c.Under) && r.From >= c.From && r.To <= c.To);
        return await rows.OrderByDescending(r => r.Id)
            .Join(db.Set<Indicator>(), r => r.IndicatorId, i => i.Id, (r, i) => new ReportedView(r.Id, r.IndicatorId, i.Name, r.AreaCode, r.UnitName, r.From, r.To,
                r.Numerator, r.Denominator, r.Source, r.State, r.EnteredBy, r.EnteredAt, r.DecidedBy))
            .ToPageAsync(page, ct);
    }

    /// <summary>
    /// Whether the modules' records already count something for the unit in the period: a bulletin adds a unit's
    /// records and its approved reports, so a figure is reported by hand only where the records count none.
    /// </summary>
    private async Task<bool> RecordsCountAsync(Indicator indicator, string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (indicator.NumeratorKey is not { } key || !figures.Catalogue().Any(f => f.Key == key)) return false;
        var values = await figures.ReadAtAsync([key], [path], from, to, ct);
        return values.GetValueOrDefault(path)?.GetValueOrDefault(key) is > 0;
    }

    /// <summary>The filter of a bulletin line's link, when it names an indicator; the area read within the caller's view.</summary>
    public async Task<ReportsCounted?> CountedAsync(int? indicatorId, string? areaCode, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (indicatorId is not { } id) return null;
        var (path, _) = await cycles.AreaAsync(areaCode, ct);
        return new ReportsCounted(id, path, from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue);
    }

    /// <summary>Enters a unit's figure; one that overlaps a figure of the same unit and indicator not refused is refused, so nothing counts twice.</summary>
    public async Task<ReportedView> EnterAsync(EnterFigure input, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Report);
        var indicator = await db.Set<Indicator>().FirstOrDefaultAsync(i => i.Id == input.IndicatorId, ct) ?? throw new ValidationException("indicatorId", "unknown");
        var (path, code) = await cycles.AreaAsync(input.AreaCode, ct);
        if (!user.CanCapture(path)) throw new ForbiddenException("outside_capture_scope");
        if (await db.Set<ReportedFigure>().AnyAsync(r => r.IndicatorId == indicator.Id && r.Path == path && r.State != ReportState.Refused
                && r.From <= input.To && r.To >= input.From, ct))
            throw new ConflictException("figure_already_reported");
        var name = await cycles.NameAsync(path, code, ct);
        var figure = ReportedFigure.Enter(indicator, path, code, name, input.From, input.To, input.Numerator, input.Denominator, input.Source, user.UserName,
            clock.UtcNow());
        if (await RecordsCountAsync(indicator, path, input.From, input.To, ct)) throw new ConflictException("records_already_count");
        db.Add(figure);
        await db.SaveChangesAsync(ct);
        return await GetAsync(figure.Id, ct);
    }

    public async Task<ReportedView> DecideAsync(long id, bool approve, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Approve);
        var figure = await db.Set<ReportedFigure>().ForChangeAsync(r => r.Id == id, user, "figure_not_found", id, ct);
        if (approve) figure.Approve(user.UserName, clock.UtcNow());
        else figure.Refuse(user.UserName, clock.UtcNow());
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<ReportedView> GetAsync(long id, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        return await db.Set<ReportedFigure>().AsNoTracking().Where(r => r.Id == id)
            .Join(db.Set<Indicator>(), r => r.IndicatorId, i => i.Id, (r, i) => new ReportedView(r.Id, r.IndicatorId, i.Name, r.AreaCode, r.UnitName, r.From, r.To,
                r.Numerator, r.Denominator, r.Source, r.State, r.EnteredBy, r.EnteredAt, r.DecidedBy))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("figure_not_found", id);
    }
}
