using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.FieldWork.Contracts;
using GridGov.Modules.FieldWork.Domain;
using GridGov.Modules.People.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.FieldWork.Application;

public sealed record ProposeTagging(string QuestionKey, string Answer, string TagCode);

public sealed record TaggingView(int Id, int CampaignId, string QuestionKey, string Answer, string TagCode, string ProposedBy, DateTime ProposedAt,
    ProposalState State, string? DecidedBy, DateTime? DecidedAt, int Applied, int Matching);

/// <summary>
/// A campaign's answers turned into tags once a second person approves: every screened subject
/// with the answer, each of its people (a household's current members) tagged from today; the
/// home-watch tag comes by opening a fortnight's watch, as the watch keeps it.
/// </summary>
public sealed class CampaignTaggings(GridGovDbContext db, CurrentUser user, TimeProvider clock, IProgrammeLedger ledger, IPeopleDirectory people,
    WatchBook watches)
{
    public const int WatchDays = 14;

    public async Task<TaggingView> ProposeAsync(int campaignId, ProposeTagging input, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.Plan);
        var campaign = await db.Set<Campaign>().ForChangeAsync(c => c.Id == campaignId, user, "campaign_not_found", campaignId, ct);
        var tagging = CampaignTagging.Propose(campaign, input.QuestionKey ?? "", input.Answer ?? "", input.TagCode ?? "", user.UserName, clock.UtcNow());
        db.Add(tagging);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(tagging, ct);
    }

    public async Task<IReadOnlyList<TaggingView>> ListAsync(int campaignId, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        if (!await db.Set<Campaign>().AnyAsync(c => c.Id == campaignId, ct)) throw new NotFoundException("campaign_not_found", campaignId);
        var rows = await db.Set<CampaignTagging>().AsNoTracking().Where(t => t.CampaignId == campaignId).OrderByDescending(t => t.Id).ToListAsync(ct);
        var views = new List<TaggingView>();
        foreach (var t in rows) views.Add(await ViewAsync(t, ct));
        return views;
    }

    public async Task<TaggingView> DecideAsync(int campaignId, int id, bool approve, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.Review);
        var tagging = await db.Set<CampaignTagging>().ForChangeAsync(t => t.Id == id && t.CampaignId == campaignId, user, "proposal_not_found", id, ct);
        var now = clock.UtcNow();
        if (!approve)
        {
            tagging.Decline(user.UserName, now);
            await db.SaveChangesAsync(ct);
            return await ViewAsync(tagging, ct);
        }
        tagging.Approve(user.UserName, now);
        var campaign = await db.Set<Campaign>().AsNoTracking().FirstAsync(c => c.Id == campaignId, ct);
        await using var tx = await OwnTransaction.BeginAsync(db.Database, ct);
        var applied = 0;
        foreach (var personId in await PeopleOfAsync(tagging, ct))
            applied += await ApplyAsync(personId, tagging.TagCode, campaign.Name, ct) ? 1 : 0;
        tagging.Done(applied);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(tagging, ct);
    }

    private async Task<bool> ApplyAsync(int personId, string tagCode, string campaignName, CancellationToken ct)
    {
        var today = clock.Today();
        if (tagCode != WatchBook.Tag) return await ledger.AttachTagAsync(personId, tagCode, today, ct);
        if (await db.Set<HomeWatch>().AnyAsync(w => w.PersonId == personId && w.State == WatchState.Active && w.To >= today, ct)) return false;
        await watches.OpenAsync(new OpenWatch(personId, WatchType.HealthMonitoring, today, today.AddDays(WatchDays - 1), $"排查：{campaignName}", user.UserName), ct);
        return true;
    }

    private async Task<IReadOnlyList<int>> PeopleOfAsync(CampaignTagging tagging, CancellationToken ct)
    {
        var subjects = await Matching(tagging).Select(s => new { s.Kind, s.SubjectId }).ToListAsync(ct);
        var found = new List<int>();
        foreach (var s in subjects)
            if (s.Kind == SubjectKind.Person) found.Add(s.SubjectId);
            else found.AddRange((await people.MembersAsync(s.SubjectId, ct)).Select(p => p.Id));
        return found.Distinct().ToList();
    }

    /// <summary>The screened subjects with the answer: the answers are kept as JSON text, matched on the pair as it is written.</summary>
    private IQueryable<CampaignSubject> Matching(CampaignTagging t)
    {
        var pair = CampaignForm.WriteAnswers(new Dictionary<string, string> { [t.QuestionKey] = t.Answer }).Trim('{', '}');
        return db.Set<CampaignSubject>().AsNoTracking()
            .Where(s => s.CampaignId == t.CampaignId && s.State == SubjectState.Done && s.Answers != null && s.Answers.Contains(pair));
    }

    private async Task<TaggingView> ViewAsync(CampaignTagging t, CancellationToken ct) => new(t.Id, t.CampaignId, t.QuestionKey, t.Answer, t.TagCode,
        t.ProposedBy, t.ProposedAt, t.State, t.DecidedBy, t.DecidedAt, t.Applied, await Matching(t).CountAsync(ct));
}
