using GridGov.Data;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Tallies;
using GridGov.Modules.FieldWork.Contracts;
using GridGov.Modules.FieldWork.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.FieldWork.Application;

/// <summary>
/// Field work's figures on the Kernel's read contract: visits made in a period under an area, each
/// opening the visits it counts; and the coverage of the screening campaigns running in the period
/// (subjects done of the universe less approved exclusions, summed from the kept coverage rows, never
/// by counting subjects), each opening those campaigns.
/// </summary>
internal sealed class FieldFigureSource(GridGovDbContext db) : IFigureSource
{
    public const string Visits = "field.visits";
    public const string CampaignDone = "field.campaign_done";
    public const string CampaignTarget = "field.campaign_target";
    public const string CampaignCoverage = "field.campaign_coverage";

    private const string Period = "?area={area}&from={from}&to={to}";

    public IReadOnlyList<FigureDefinition> Figures { get; } =
    [
        new(Visits, "Figure." + Visits, FigureKind.Count, ListLink: "/field/visits" + Period),
        new(CampaignDone, "Figure." + CampaignDone, FigureKind.Count, ListLink: "/field/campaigns" + Period),
        new(CampaignTarget, "Figure." + CampaignTarget, FigureKind.Count, ListLink: "/field/campaigns" + Period),
        new(CampaignCoverage, "Figure." + CampaignCoverage, FigureKind.Percent, ListLink: "/field/campaigns" + Period),
    ];

    public bool MayRead(CurrentUser user) => user.Has(FieldWorkPermissions.View) || user.Has(Cockpit.Contracts.CockpitPermissions.View);

    public async Task<IReadOnlyDictionary<string, double?>> ReadAsync(FigureQuery query, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var values = new Dictionary<string, double?>();
        var (from, to) = (query.From ?? DateOnly.MinValue, query.To ?? DateOnly.MaxValue);
        if (keys.Contains(Visits))
            values[Visits] = await db.Set<Visit>().AsNoTracking().CountAsync(v => v.Path.StartsWith(query.Path) && v.VisitedOn >= from && v.VisitedOn <= to, ct);
        if (keys.Contains(CampaignDone) || keys.Contains(CampaignTarget) || keys.Contains(CampaignCoverage))
        {
            var (done, target) = await CoverageAsync(query.Path, from, to, ct);
            values[CampaignDone] = done;
            values[CampaignTarget] = target;
            values[CampaignCoverage] = target == 0 ? null : 100.0 * done / target;
        }
        return values.Where(v => keys.Contains(v.Key)).ToDictionary();
    }

    /// <summary>
    /// Subjects done and the target (universe less exclusions) of the campaigns running in the period, under the place: above a
    /// community its communities' rollup rows, at a community or below its grids' rows, as the campaign's own coverage reads them.
    /// </summary>
    private async Task<(int Done, int Target)> CoverageAsync(string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var running = db.Set<Campaign>().Where(c => c.State != CampaignState.Draft && c.From <= to && c.To >= from).Select(c => c.Id);
        var rollups = TreePath.GridDepth(path) == 0 && !DutyBook.IsCommunity(TreePath.Codes(path).LastOrDefault() ?? "");
        var sums = await db.Set<Domain.CampaignCoverage>().AsNoTracking()
            .Where(c => running.Contains(c.CampaignId) && c.IsRollup == rollups && c.Path.StartsWith(path))
            .GroupBy(_ => 1).Select(g => new { Done = g.Sum(c => c.Done), Universe = g.Sum(c => c.Universe), Excluded = g.Sum(c => c.Excluded) })
            .FirstOrDefaultAsync(ct);
        if (sums is null) return (0, 0);
        var figure = CoverageFigure.Of(sums.Universe, sums.Excluded, sums.Done);
        return (figure.Done, figure.Target);
    }
}
