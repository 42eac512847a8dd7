using System.Globalization;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Submissions;
using GridGov.Kernel.Time;
using GridGov.Modules.FieldWork.Contracts;
using GridGov.Modules.FieldWork.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.FieldWork.Application;

public sealed record DefineCampaign(string Name, string AreaCode, CampaignPopulation Population, DateOnly From, DateOnly To,
    IReadOnlyList<CampaignQuestion> Questions, IReadOnlyList<string>? TagCodes = null, IReadOnlyList<string>? GridCodes = null);

public sealed record CampaignView(int Id, string Name, string AreaCode, string AreaPath, CampaignPopulation Population, IReadOnlyList<string> TagCodes,
    int CoveredGrids, DateOnly From, DateOnly To, IReadOnlyList<CampaignQuestion> Questions, CampaignState State, string CreatedBy, DateTime? StartedAt,
    DateTime? ClosedAt, int UniverseSubjects, int UniversePeople, int Version);

public sealed record SubjectView(long Id, int CampaignId, SubjectKind Kind, int SubjectId, int HouseholdId, string Label, string GridPath, int People,
    SubjectState State, IReadOnlyDictionary<string, string> Answers, string? Note, int Attempts, string? RecordedBy, DateTime? RecordedAt,
    string? StepBy, IReadOnlyList<SubjectAction> Allowed, int Version);

public sealed record SubjectStep(SubjectAction Action, string? Note = null, IReadOnlyDictionary<string, string?>? Answers = null, int? Version = null,
    string? ClientKey = null);

public sealed record SubjectStepped(SubjectView Subject, bool Replayed);

/// <summary>Screening campaigns: defined, started (the universe frozen), worked subject by subject, closed.</summary>
public sealed class CampaignBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, ITerritoryDirectory territory, SubmittedOnce once,
    CampaignFreeze freeze)
{
    public async Task<CampaignView> DefineAsync(DefineCampaign input, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.Plan);
        // No area chosen: the caller's own.
        var areaCode = string.IsNullOrWhiteSpace(input.AreaCode) ? TreePath.Codes(user.CapturePath ?? "").LastOrDefault() ?? "" : input.AreaCode;
        var areaPath = await territory.PathOfAsync(areaCode, ct) ?? throw new ValidationException("areaCode", "unknown");
        if (TreePath.GridDepth(areaPath) > 0) throw new ValidationException("areaCode", "area_only");
        if (!user.CanCapture(areaPath)) throw new ForbiddenException("outside_capture_scope");
        var gridIds = await GridIdsAsync(input.GridCodes, areaPath, ct);
        var campaign = Campaign.Define(input.Name ?? "", areaCode, areaPath, input.Population, input.TagCodes, gridIds, input.From, input.To,
            input.Questions ?? [], user.UserName);
        db.Add(campaign);
        await db.SaveChangesAsync(ct);
        return View(campaign);
    }

    private async Task<IReadOnlyList<int>?> GridIdsAsync(IReadOnlyList<string>? codes, string areaPath, CancellationToken ct)
    {
        if (codes is not { Count: > 0 }) return null;
        var grids = await territory.FindGridsAsync(codes, ct);
        var bad = codes.FirstOrDefault(c => !grids.TryGetValue(c, out var g) || g.Level != 3 || g.IsRetired || !g.Path.StartsWith(areaPath, StringComparison.Ordinal));
        if (bad is not null) throw new ValidationException("gridCodes", "grid_not_in_area", bad);
        return grids.Values.Select(g => g.Id).ToList();
    }

    public async Task<CampaignView> GetAsync(int id, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        return View(await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("campaign_not_found", id));
    }

    /// <param name="touching">Only the campaigns run in this place, above it or below it.</param>
    /// <param name="from">With <paramref name="to"/>: only the campaigns started and running some day of the period, as the coverage figure counts them.</param>
    public async Task<Page<CampaignView>> ListAsync(CampaignState? state, PageRequest page, CancellationToken ct, string? touching = null,
        DateOnly? from = null, DateOnly? to = null)
    {
        user.Require(FieldWorkPermissions.View);
        var campaigns = db.Set<Campaign>().AsNoTracking().AsQueryable();
        if (state is { } s) campaigns = campaigns.Where(c => c.State == s);
        if (touching is not null) campaigns = campaigns.Where(c => c.Path.StartsWith(touching) || touching.StartsWith(c.Path));
        if (from is not null || to is not null)
        {
            var (start, end) = (from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue);
            campaigns = campaigns.Where(c => c.State != CampaignState.Draft && c.From <= end && c.To >= start);
        }
        return await campaigns.OrderByDescending(c => c.Id).ToPageAsync(page, View, ct);
    }

    /// <summary>Starts the campaign: its universe is copied and frozen in one transaction, with the coverage rows per grid.</summary>
    public async Task<CampaignView> StartAsync(int id, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.Plan);
        var campaign = await db.Set<Campaign>().ForChangeAsync(c => c.Id == id, user, "campaign_not_found", id, ct);
        if (campaign.State != CampaignState.Draft) throw new ConflictException("campaign_not_draft");
        await using var tx = await OwnTransaction.BeginAsync(db.Database, ct);
        var (subjects, people) = await freeze.FreezeAsync(campaign, ct);
        campaign.Start(user.UserName, clock.UtcNow(), clock.Today(), subjects, people);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return View(campaign);
    }

    public async Task<CampaignView> CloseAsync(int id, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.Plan);
        var campaign = await db.Set<Campaign>().ForChangeAsync(c => c.Id == id, user, "campaign_not_found", id, ct);
        campaign.Close(clock.UtcNow());
        await db.SaveChangesAsync(ct);
        return View(campaign);
    }

    /// <summary>A campaign's subjects within the caller's view: a grid worker's are their grid's.</summary>
    public async Task<Page<SubjectView>> SubjectsAsync(int campaignId, SubjectState? state, string? under, string? search, PageRequest page, CancellationToken ct)
    {
        var campaign = await GetAsync(campaignId, ct);
        var rows = db.Set<CampaignSubject>().AsNoTracking().Where(s => s.CampaignId == campaignId);
        if (state is { } st) rows = rows.Where(s => s.State == st);
        if (!string.IsNullOrEmpty(under))
        {
            var path = await territory.PathOfAsync(under, ct) ?? throw new NotFoundException("area_not_found", under);
            rows = rows.Where(s => s.Path.StartsWith(path));
        }
        if (!string.IsNullOrWhiteSpace(search)) rows = rows.Where(s => s.Label.Contains(search.Trim()));
        var form = campaign.Questions;
        return await rows.OrderBy(s => s.Path).ThenBy(s => s.Label).ThenBy(s => s.Id).ToPageAsync(page, s => View(s, campaign.State), ct);
    }

    public async Task<SubjectView> SubjectAsync(int campaignId, long subjectId, CancellationToken ct)
    {
        var campaign = await GetAsync(campaignId, ct);
        var subject = await db.Set<CampaignSubject>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == subjectId && s.CampaignId == campaignId, ct)
            ?? throw new NotFoundException("subject_not_found", subjectId);
        return View(subject, campaign.State);
    }

    public async Task<SubjectStepped> StepAsync(int campaignId, long subjectId, SubjectStep step, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        SubjectView? taken = null;
        var saved = await once.SaveAsync("campaign-subject", step.ClientKey, async () =>
        {
            taken = await TakeAsync(campaignId, subjectId, step, ct);
            return taken.Id.ToString(CultureInfo.InvariantCulture);
        }, ct);
        // A step just taken answers with what it saved; a retry reads the subject as it stands.
        return new SubjectStepped(saved.Replayed || taken is null
            ? await SubjectAsync(campaignId, long.Parse(saved.RecordKey, CultureInfo.InvariantCulture), ct) : taken, saved.Replayed);
    }

    private async Task<SubjectView> TakeAsync(int campaignId, long subjectId, SubjectStep step, CancellationToken ct)
    {
        var campaign = await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct)
            ?? throw new NotFoundException("campaign_not_found", campaignId);
        var subject = await db.Set<CampaignSubject>().FirstOrDefaultAsync(s => s.Id == subjectId && s.CampaignId == campaignId, ct)
            ?? throw new NotFoundException("subject_not_found", subjectId);
        campaign.RequireRunning();
        if (step.Version is { } version && version != subject.Version) throw new ConflictException("concurrency_conflict");
        var actors = ActorsOn(subject.Path);
        if (actors.Count == 0) throw new ForbiddenException(user.CanCapture(subject.Path) ? "permission_denied" : "outside_capture_scope");
        var from = subject.Take(step.Action, actors, user.UserName, clock.UtcNow(), step.Note, campaign.Form, step.Answers);
        await using var tx = await OwnTransaction.BeginAsync(db.Database, ct);
        await db.SaveChangesAsync(ct);
        await CampaignFreeze.MoveCountAsync(db, campaignId, subject.Path, from, subject.State, ct);
        await tx.CommitAsync(ct);
        return View(subject, campaign.State);
    }

    private List<CampaignActor> ActorsOn(string path)
    {
        var actors = new List<CampaignActor>();
        if (!user.CanCapture(path)) return actors;
        if (user.Has(FieldWorkPermissions.Record)) actors.Add(CampaignActor.Worker);
        if (user.Has(FieldWorkPermissions.Review)) actors.Add(CampaignActor.Reviewer);
        return actors;
    }

    private SubjectView View(CampaignSubject s, CampaignState campaign) => new(s.Id, s.CampaignId, s.Kind, s.SubjectId, s.HouseholdId, s.Label, s.Path,
        s.People, s.State, CampaignForm.ReadAnswers(s.Answers), s.Note, s.Attempts, s.RecordedBy, s.RecordedAt, s.StepBy,
        campaign == CampaignState.Running ? CampaignSubject.Allowed(s.State, ActorsOn(s.Path)) : [], s.Version);

    internal static CampaignView View(Campaign c) => new(c.Id, c.Name, c.AreaCode, c.Path, c.Population, c.Tags, c.Grids.Count, c.From, c.To, c.Form,
        c.State, c.CreatedBy, c.StartedAt, c.ClosedAt, c.UniverseSubjects, c.UniversePeople, c.Version);
}
