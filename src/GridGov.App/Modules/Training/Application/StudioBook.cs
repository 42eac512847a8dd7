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

public sealed record ApplyStudio(int Round, string AreaCode, string StudioName, string Master, string Occupation, CertificateLevel MasterLevel, string Host);

public sealed record ScoreStudio(string Expert, int Score, string? Comment = null);

public sealed record SelectStudios(int Round, int Places);

public sealed record PayStudioGrant(string Reference, int? Yuan = null);

public sealed record StudioScoreView(string Expert, int Score, string? Comment);

public sealed record StudioView(int Id, int Round, string AreaCode, string StudioName, string Master, string Occupation, CertificateLevel MasterLevel, string Host,
    StudioState State, double? Average, IReadOnlyList<StudioScoreView> Scores, string? DecidedBy, int? Grant, string? GrantReference, DateTime? GrantedAt, int Version);

/// <summary>A round's outcome: who was selected and who not.</summary>
public sealed record SelectionResult(int Round, IReadOnlyList<int> Selected, IReadOnlyList<int> NotSelected);

/// <summary>Skill master studios: applications in a round, an expert panel's scores, the selection and the one-off grant.</summary>
public sealed class StudioBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, ITerritoryDirectory territory)
{
    public async Task<StudioView> ApplyAsync(ApplyStudio input, CancellationToken ct)
    {
        user.Require(TrainingPermissions.Manage);
        var path = await territory.PathOfAsync(input.AreaCode ?? "", ct) ?? throw new ValidationException("areaCode", "unknown_area");
        if (!user.CanCapture(path)) throw new ForbiddenException("outside_capture_scope");
        var application = StudioApplication.Apply(input.Round, input.AreaCode!, path, input.StudioName ?? "", input.Master ?? "", input.Occupation ?? "",
            input.MasterLevel, input.Host ?? "", user.UserName, clock.UtcNow());
        db.Add(application);
        await db.SaveChangesAsync(ct);
        return await GetAsync(application.Id, ct);
    }

    public async Task<StudioView> ScoreAsync(int id, ScoreStudio input, CancellationToken ct)
    {
        user.Require(TrainingPermissions.Review);
        var application = await db.Set<StudioApplication>().ForChangeAsync(a => a.Id == id, user, "studio_not_found", id, ct);
        var expert = (input.Expert ?? "").Trim();
        if (await db.Set<StudioScore>().AnyAsync(s => s.ApplicationId == id && s.Expert == expert, ct)) throw new ConflictException("expert_scored");
        db.Add(StudioScore.Of(application, expert, input.Score, input.Comment, user.UserName, clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Selects a round's studios in the caller's capture scope: the best averages with enough scores, ties at the last place included.</summary>
    public async Task<SelectionResult> SelectAsync(SelectStudios input, CancellationToken ct)
    {
        user.Require(TrainingPermissions.Review);
        var capture = user.CapturePath ?? throw new ForbiddenException("outside_capture_scope");
        var round = await db.Set<StudioApplication>().Where(a => a.Round == input.Round && a.State == StudioState.Applied && a.Path.StartsWith(capture))
            .ToListAsync(ct);
        if (round.Count == 0) throw new ConflictException("nothing_to_select");
        var ids = round.Select(a => a.Id).ToList();
        var scores = (await db.Set<StudioScore>().AsNoTracking().Where(s => ids.Contains(s.ApplicationId)).Select(s => new { s.ApplicationId, s.Score }).ToListAsync(ct))
            .GroupBy(s => s.ApplicationId).ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(s => s.Score).ToList());
        var unscored = round.Where(a => scores.GetValueOrDefault(a.Id)?.Count is not >= StudioApplication.MinScores).Select(a => a.Id).ToList();
        if (unscored.Count > 0)
            throw new ConflictException("studios_unscored", unscored.Count) { Extensions = new Dictionary<string, object?> { ["unscored"] = unscored } };
        var selected = StudioApplication.Select(scores, input.Places).ToHashSet();
        var now = clock.UtcNow();
        foreach (var a in round) a.Decide(selected.Contains(a.Id), user.UserName, now);
        await db.SaveChangesAsync(ct);
        return new SelectionResult(input.Round, [.. selected.Order()], round.Where(a => !selected.Contains(a.Id)).Select(a => a.Id).Order().ToList());
    }

    public async Task<StudioView> PayGrantAsync(int id, PayStudioGrant input, CancellationToken ct)
    {
        user.Require(TrainingPermissions.Review);
        var application = await db.Set<StudioApplication>().ForChangeAsync(a => a.Id == id, user, "studio_not_found", id, ct);
        application.PayGrant(input.Yuan ?? StudioApplication.DefaultGrant, input.Reference ?? "", user.UserName, clock.UtcNow());
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<StudioView> GetAsync(int id, CancellationToken ct)
    {
        user.Require(TrainingPermissions.View);
        var a = await db.Set<StudioApplication>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("studio_not_found", id);
        var scores = await db.Set<StudioScore>().AsNoTracking().Where(s => s.ApplicationId == id).OrderBy(s => s.Id)
            .Select(s => new StudioScoreView(s.Expert, s.Score, s.Comment)).ToListAsync(ct);
        return View(a, scores);
    }

    public async Task<Page<StudioView>> ListAsync(int? round, StudioState? state, PageRequest page, CancellationToken ct)
    {
        user.Require(TrainingPermissions.View);
        var rows = db.Set<StudioApplication>().AsNoTracking();
        if (round is { } r) rows = rows.Where(a => a.Round == r);
        if (state is { } s) rows = rows.Where(a => a.State == s);
        var found = await rows.OrderByDescending(a => a.Round).ThenBy(a => a.Id).ToPageAsync(page, ct);
        var ids = found.Items.Select(a => a.Id).ToList();
        var scores = (await db.Set<StudioScore>().AsNoTracking().Where(x => ids.Contains(x.ApplicationId)).OrderBy(x => x.Id).ToListAsync(ct))
            .GroupBy(x => x.ApplicationId).ToDictionary(g => g.Key, g => g.Select(x => new StudioScoreView(x.Expert, x.Score, x.Comment)).ToList());
        return new Page<StudioView>(found.Items.Select(a => View(a, scores.GetValueOrDefault(a.Id) ?? [])).ToList(), found.PageNumber, found.PageSize, found.Total);
    }

    private static StudioView View(StudioApplication a, IReadOnlyList<StudioScoreView> scores) =>
        new(a.Id, a.Round, a.AreaCode, a.StudioName, a.Master, a.Occupation, a.MasterLevel, a.Host, a.State,
            scores.Count == 0 ? null : Math.Round(scores.Average(s => s.Score), 2), scores, a.DecidedBy, a.Grant, a.GrantReference, a.GrantedAt, a.Version);
}
