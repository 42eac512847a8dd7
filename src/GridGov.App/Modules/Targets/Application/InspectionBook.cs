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

public sealed record PlanRound(string? AreaCode, string Title, string Team, DateOnly StartsOn, DateOnly EndsOn);

public sealed record Rectification(string Title, string Owner, int DueInWorkingDays);

public sealed record RecordFinding(string AreaCode, DateOnly VisitedOn, string Text, IReadOnlyList<string>? Photos, Rectification? Rectification);

public sealed record FindingView(long Id, string AreaCode, string UnitName, DateOnly VisitedOn, string Text, IReadOnlyList<string> Photos, long? RectificationId);

public sealed record RoundView(int Id, string AreaCode, string UnitName, string Title, string Team, DateOnly StartsOn, DateOnly EndsOn, RoundState State,
    IReadOnlyList<FindingView> Findings, IReadOnlyList<TrackedView> Rectifications);

/// <summary>Supervision rounds: planned with their team, findings recorded at the units visited with evidence, rectifications tracked, the round closed.</summary>
public sealed class InspectionBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, CycleBook cycles, TrackedBook tracked, FileStore files)
{
    public const string FileOwner = "finding";

    public async Task<Page<RoundView>> ListAsync(RoundState? state, PageRequest page, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        var rows = db.Set<InspectionRound>().AsNoTracking();
        if (state is { } s) rows = rows.Where(r => r.State == s);
        return await rows.OrderByDescending(r => r.StartsOn).ThenByDescending(r => r.Id).ToPageAsync(page, r => View(r, [], []), ct);
    }

    public async Task<RoundView> GetAsync(int id, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        var round = await db.Set<InspectionRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("round_not_found", id);
        var findings = await db.Set<Finding>().AsNoTracking().Where(f => f.RoundId == id).OrderBy(f => f.Id).ToListAsync(ct);
        return View(round, findings, await tracked.OfAsync(TrackedKind.Rectification, id, ct));
    }

    public async Task<RoundView> PlanAsync(PlanRound input, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Manage);
        var (path, code) = await cycles.AreaAsync(input.AreaCode, ct);
        if (!user.CanCapture(path)) throw new ForbiddenException("outside_capture_scope");
        var round = InspectionRound.Plan(path, code, await cycles.NameAsync(path, code, ct), input.Title, input.Team, input.StartsOn, input.EndsOn,
            user.UserName, clock.UtcNow());
        db.Add(round);
        await db.SaveChangesAsync(ct);
        return await GetAsync(round.Id, ct);
    }

    /// <summary>A finding at a unit below the round's area, with its photos, and the rectification it asks for in the same save.</summary>
    public async Task<RoundView> FindAsync(int id, RecordFinding input, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Manage);
        var round = await db.Set<InspectionRound>().ForChangeAsync(r => r.Id == id, user, "round_not_found", id, ct);
        var (path, code) = await cycles.AreaAsync(input.AreaCode, ct);
        var name = await cycles.NameAsync(path, code, ct);
        var photos = await files.ClaimAsync(input.Photos, FileOwner, ct);
        var finding = Finding.Record(round, path, code, name, input.VisitedOn, input.Text, photos.Select(p => p.StoredName).ToList(), user.UserName, clock.UtcNow());
        db.Add(finding);
        TrackedItem? item = null;
        if (input.Rectification is { } r)
            item = await tracked.SetAsync(TrackedKind.Rectification, round.Id, round.Path, path, code, name, r.Title, r.Owner, r.DueInWorkingDays, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var photo in photos) photo.BelongTo(finding.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (item is not null) finding.Rectify(item);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<RoundView> CloseAsync(int id, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Approve);
        var round = await db.Set<InspectionRound>().ForChangeAsync(r => r.Id == id, user, "round_not_found", id, ct);
        // The round's units lie below its area, so whoever may close it sees every rectification it set.
        var items = await db.Set<TrackedItem>().AsNoTracking().Where(i => i.Kind == TrackedKind.Rectification && i.SourceId == id).ToListAsync(ct);
        round.Close(items, clock.UtcNow());
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<(Stream Content, string ContentType)> PhotoAsync(int id, long findingId, string name, CancellationToken ct)
    {
        await GetAsync(id, ct);
        if (!await db.Set<Finding>().AnyAsync(f => f.Id == findingId && f.RoundId == id, ct)) throw new NotFoundException("photo_not_found");
        return await files.OpenAsync(FileOwner, findingId.ToString(System.Globalization.CultureInfo.InvariantCulture), name, ct);
    }

    private static RoundView View(InspectionRound r, IReadOnlyList<Finding> findings, IReadOnlyList<TrackedView> rectifications) =>
        new(r.Id, r.AreaCode, r.UnitName, r.Title, r.Team, r.StartsOn, r.EndsOn, r.State,
            findings.Select(f => new FindingView(f.Id, f.AreaCode, f.UnitName, f.VisitedOn, f.Text, f.Photos.Split(',', StringSplitOptions.RemoveEmptyEntries),
                f.RectificationId)).ToList(), rectifications);
}

/// <summary>A finding's photos are seen by whoever sees the finding.</summary>
internal sealed class FindingFiles(GridGovDbContext db) : IFileAuthoriser
{
    public string OwnerType => InspectionBook.FileOwner;

    public Task<bool> MaySeeAsync(string ownerKey, CancellationToken ct) =>
        long.TryParse(ownerKey, out var id) ? db.Set<Finding>().AnyAsync(f => f.Id == id, ct) : Task.FromResult(false);
}
