using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Modules.FieldWork.Contracts;
using GridGov.Modules.FieldWork.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.FieldWork.Application;

/// <summary>A place's coverage: its universe, the subjects in each state, and done "x of y" against the universe less approved exclusions.</summary>
public sealed record CoverageLine(string Code, string Name, string Path, int Universe, int UniversePeople, int Pending, int Done, int NotAtHome,
    int Refused, int ExclusionRequested, int Excluded, int Target, decimal? Percent, bool HasTarget, string Link);

public sealed record CampaignCoverageView(int CampaignId, CoverageLine Total, IReadOnlyList<CoverageLine> Parts);

/// <summary>
/// Coverage of a campaign for any place in view: the sum of its grids' kept rows, never a count
/// of the subjects, and the same for each place one level down, those without a universe listed
/// as having no target.
/// </summary>
public sealed class CampaignCoverageReader(GridGovDbContext db, CurrentUser user, ITerritoryMap map, ITerritoryDirectory territory)
{
    private sealed record Sums(int Universe, int People, int Pending, int Done, int NotAtHome, int Refused, int Requested, int Excluded)
    {
        public static readonly Sums Zero = new(0, 0, 0, 0, 0, 0, 0, 0);

        public static Sums operator +(Sums a, Sums b) => new(a.Universe + b.Universe, a.People + b.People, a.Pending + b.Pending, a.Done + b.Done,
            a.NotAtHome + b.NotAtHome, a.Refused + b.Refused, a.Requested + b.Requested, a.Excluded + b.Excluded);
    }

    public async Task<CampaignCoverageView> CoverageAsync(int campaignId, string? placeCode, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        var campaign = await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct)
            ?? throw new NotFoundException("campaign_not_found", campaignId);
        var path = await PlaceAsync(campaign, placeCode, ct);
        var children = await map.ChildrenAsync(path, ct);
        // Above a community the communities' rollups are read; at a community or below, its grids' rows.
        var rollups = TreePath.GridDepth(path) == 0 && !DutyBook.IsCommunity(TreePath.Codes(path).LastOrDefault() ?? "");
        var rows = db.Set<CampaignCoverage>().AsNoTracking().Where(c => c.CampaignId == campaignId && c.IsRollup == rollups && c.Path.StartsWith(path));
        // Every grid under the place lies under exactly one place one level down, so the total is the sum of the parts, read once.
        var length = children.Count > 0 ? children[0].Path.Length : path.Length;
        var grouped = await rows.Where(c => c.Path.Length >= length).GroupBy(c => c.Path.Substring(0, length))
            .Select(g => new { g.Key, Sums = new Sums(g.Sum(c => c.Universe), g.Sum(c => c.UniversePeople), g.Sum(c => c.Pending), g.Sum(c => c.Done),
                g.Sum(c => c.NotAtHome), g.Sum(c => c.Refused), g.Sum(c => c.ExclusionRequested), g.Sum(c => c.Excluded)) })
            .ToListAsync(ct);
        var parts = grouped.ToDictionary(g => g.Key, g => g.Sums);
        var total = grouped.Select(g => g.Sums).Aggregate(Sums.Zero, (a, b) => a + b);
        var names = await map.NamesAsync([path], ct);
        var (code, name) = names.GetValueOrDefault(path, (placeCode ?? campaign.AreaCode, placeCode ?? campaign.AreaCode));
        return new CampaignCoverageView(campaignId, Line(campaignId, code, name, path, total),
            children.Select(c => Line(campaignId, c.Code, c.Name, c.Path, parts.GetValueOrDefault(c.Path, Sums.Zero))).ToList());
    }

    /// <summary>The place asked for (by default the campaign's area, or the caller's own place below it); outside the view, not found.</summary>
    private async Task<string> PlaceAsync(Campaign campaign, string? code, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(code)) return await territory.PathOfAsync(code, ct) ?? throw new NotFoundException("area_not_found", code);
        return user.ViewPath is { } view && view.StartsWith(campaign.Path, StringComparison.Ordinal) ? view : campaign.Path;
    }

    private static CoverageLine Line(int campaignId, string code, string name, string path, Sums s)
    {
        var figure = CoverageFigure.Of(s.Universe, s.Excluded, s.Done);
        return new CoverageLine(code, name, path, s.Universe, s.People, s.Pending, s.Done, s.NotAtHome, s.Refused, s.Requested, s.Excluded, figure.Target,
            figure.Percent, figure.HasTarget, $"/field/campaigns/{campaignId}/subjects?under={code}");
    }
}
