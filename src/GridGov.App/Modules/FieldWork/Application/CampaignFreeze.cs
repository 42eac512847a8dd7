using GridGov.Data;
using GridGov.Kernel.Scoping;
using GridGov.Modules.FieldWork.Domain;
using GridGov.Modules.People.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.FieldWork.Application;

/// <summary>
/// Copies a campaign's universe from the ledger at its start, in batches, with bulk writes: each
/// subject where it is that day, and a coverage row per grid with its size. Ids are the campaign's
/// own range (its id in the high 32 bits), so two campaigns starting at once never draw the same.
/// </summary>
public sealed class CampaignFreeze(GridGovDbContext db, IProgrammeLedger ledger)
{
    public const int Batch = 20_000;

    public async Task<(int Subjects, int People)> FreezeAsync(Campaign campaign, CancellationToken ct)
    {
        var query = new UniverseQuery(campaign.Path, campaign.Grids.Count > 0 ? campaign.Grids : null,
            campaign.Population == CampaignPopulation.Tagged ? campaign.Tags : null);
        var kind = campaign.Population == CampaignPopulation.Tagged ? SubjectKind.Person : SubjectKind.Household;
        var grids = new Dictionary<int, (string Path, int Subjects, int People)>();
        var (after, count, people) = (0, 0, 0);
        while (true)
        {
            var batch = await ledger.UniverseAsync(query, after, Batch, ct);
            if (batch.Count == 0) break;
            var rows = batch.Select((m, i) => Frozen(campaign.Id, count + i + 1, kind, m)).ToList();
            await BulkWriter.InsertAsync(db, rows, ct);
            foreach (var m in batch)
            {
                var g = grids.GetValueOrDefault(m.GridId, (Path: m.Path, Subjects: 0, People: 0));
                grids[m.GridId] = (g.Path, g.Subjects + 1, g.People + m.People);
                people += m.People;
            }
            count += batch.Count;
            after = batch[^1].Key;
        }
        var coverage = grids.OrderBy(g => g.Key).Select((g, i) =>
            CampaignCoverage.Frozen(campaign.Id, g.Key, g.Value.Path, g.Value.Subjects, g.Value.People).WithId(IdOf(campaign.Id, i + 1))).ToList();
        var next = coverage.Count;
        await BulkWriter.InsertAsync(db, [.. coverage, .. CampaignCoverage.Rollups(campaign.Id, coverage, () => IdOf(campaign.Id, ++next))], ct);
        return (count, people);
    }

    private static CampaignSubject Frozen(int campaignId, int n, SubjectKind kind, UniverseMember m) =>
        CampaignSubject.Frozen(campaignId, kind, m.PersonId ?? m.HouseholdId, m.HouseholdId, m.GridId, m.Path, m.Label, m.People).WithId(IdOf(campaignId, n));

    public static long IdOf(int campaignId, int n) => ((long)campaignId << 32) | (uint)n;

    /// <summary>Moves one subject's count from its old state to its new one on its grid's row and its community's, in the step's transaction.</summary>
    public static async Task MoveCountAsync(GridGovDbContext db, int campaignId, string gridPath, SubjectState from, SubjectState to, CancellationToken ct)
    {
        if (from == to) return;
        // Only the enum's own names are spliced in; the values travel as parameters.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync(
            $"UPDATE \"CampaignCoverages\" SET \"{from}\" = \"{from}\" - 1, \"{to}\" = \"{to}\" + 1 WHERE \"CampaignId\" = {{0}} AND \"Path\" IN ({{1}}, {{2}})",
            [campaignId, gridPath, TreePath.AreaPath(gridPath)], ct);
#pragma warning restore EF1002
    }
}
