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

public sealed record TakeTracked(TrackedAction Action, string? Note, IReadOnlyList<string>? Photos = null);

public sealed record TrackedStepView(int Sequence, DateTime At, string By, TrackedAction Action, TrackedState From, TrackedState To, string? Note,
    IReadOnlyList<string> Photos);

public sealed record TrackedView(long Id, TrackedKind Kind, int SourceId, string AreaCode, string UnitName, string Title, string Owner, DateTime DueAt,
    TrackedState State, bool Overdue, bool? OnTime, DateTime? ReportedAt, DateTime? ClosedAt, string? LastNote, IReadOnlyList<TrackedAction> Allowed,
    IReadOnlyList<TrackedStepView> Steps);

/// <summary>Tracked items from decisions and findings: set with a deadline on the working-day clock, progressed and reported by their unit, verified by their issuer.</summary>
public sealed class TrackedBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, HolidayCalendar holidays, FileStore files)
{
    public const string FileOwner = "tracked";

    /// <summary>An item for a unit at or below the issuing unit, due a number of working days from now.</summary>
    internal async Task<TrackedItem> SetAsync(TrackedKind kind, int sourceId, string issuerPath, string path, string areaCode, string unitName, string title,
        string owner, int workingDays, CancellationToken ct)
    {
        if (workingDays is < 1 or > 250) throw new ValidationException("dueInWorkingDays", "out_of_range");
        var now = clock.UtcNow();
        var due = (await holidays.CalendarAsync(ct)).DueAt(now, TimeLimit.WorkingDays(workingDays));
        var item = TrackedItem.Set(kind, sourceId, issuerPath, path, areaCode, unitName, title, owner, due, user.UserName, now);
        db.Add(item);
        return item;
    }

    public async Task<Page<TrackedView>> ListAsync(TrackedKind? kind, TrackedState? state, bool overdueOnly, PageRequest page, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        var now = clock.UtcNow();
        var rows = db.Set<TrackedItem>().AsNoTracking();
        if (kind is { } k) rows = rows.Where(i => i.Kind == k);
        if (state is { } s) rows = rows.Where(i => i.State == s);
        if (overdueOnly) rows = rows.Where(i => i.State != TrackedState.Closed && i.DueAt < now);
        return await rows.OrderBy(i => i.State == TrackedState.Closed).ThenBy(i => i.DueAt).ThenBy(i => i.Id).ToPageAsync(page, i => View(i, now, false), ct);
    }

    public async Task<TrackedView> GetAsync(long id, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        var item = await db.Set<TrackedItem>().AsNoTracking().Include(i => i.Steps).FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException("tracked_not_found", id);
        return View(item, clock.UtcNow(), true);
    }

    internal async Task<IReadOnlyList<TrackedView>> OfAsync(TrackedKind kind, int sourceId, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var items = await db.Set<TrackedItem>().AsNoTracking().Where(i => i.Kind == kind && i.SourceId == sourceId).OrderBy(i => i.Id).ToListAsync(ct);
        return items.Select(i => View(i, now, false)).ToList();
    }

    /// <summary>A step on an item: the owner's progress or report (with photos), the issuer's verification or return.</summary>
    public async Task<TrackedView> TakeAsync(long id, TakeTracked input, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        var item = await db.Set<TrackedItem>().Include(i => i.Steps).ForChangeAsync(i => i.Id == id, user, "tracked_not_found", id, ct);
        var photos = await files.ClaimAsync(input.Photos, FileOwner, ct);
        foreach (var photo in photos) photo.BelongTo(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        item.Take(input.Action, ActorsOf(item), user.UserName, clock.UtcNow(), input.Note,
            photos.Count == 0 ? null : string.Join(',', photos.Select(p => p.StoredName)));
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    private List<TrackedActor> ActorsOf(TrackedItem item)
    {
        var actors = new List<TrackedActor>();
        if (user.Has(TargetsPermissions.Report) && user.CanCapture(item.Path)) actors.Add(TrackedActor.Owner);
        if (user.Has(TargetsPermissions.Approve) && user.CanCapture(item.IssuerPath)) actors.Add(TrackedActor.Issuer);
        return actors;
    }

    private TrackedView View(TrackedItem i, DateTime now, bool withSteps) => new(i.Id, i.Kind, i.SourceId, i.AreaCode, i.UnitName, i.Title, i.Owner, i.DueAt,
        i.State, i.State != TrackedState.Closed && (i.ReportedAt ?? now) > i.DueAt, i.OnTime, i.ReportedAt, i.ClosedAt, i.LastNote,
        TrackedItem.Table.Allowed(i.State, ActorsOf(i)),
        withSteps ? i.Steps.OrderBy(s => s.Sequence).Select(s => new TrackedStepView(s.Sequence, s.At, s.By, s.Action, s.From, s.To, s.Note,
            s.Photos is { Length: > 0 } p ? p.Split(',') : [])).ToList() : []);
}

/// <summary>A tracked item's evidence is seen by whoever sees the item.</summary>
internal sealed class TrackedFiles(GridGovDbContext db) : IFileAuthoriser
{
    public string OwnerType => TrackedBook.FileOwner;

    public Task<bool> MaySeeAsync(string ownerKey, CancellationToken ct) =>
        long.TryParse(ownerKey, out var id) ? db.Set<TrackedItem>().AnyAsync(i => i.Id == id, ct) : Task.FromResult(false);
}
