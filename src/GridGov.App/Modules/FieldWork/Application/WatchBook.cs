using System.Globalization;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Files;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using GridGov.Modules.FieldWork.Contracts;
using GridGov.Modules.FieldWork.Domain;
using GridGov.Modules.People.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.FieldWork.Application;

public sealed record OpenWatch(int PersonId, WatchType Type, DateOnly From, DateOnly To, string Reason, string OrderedBy);

public sealed record WatchStep(WatchAction Action, DateOnly? To = null, DateOnly? On = null, string? Reason = null, bool? SuppliesEnsured = null,
    string? HelpNeeded = null, string? PropertyManager = null, IReadOnlyList<string>? Photos = null, int? Version = null);

public enum WatchAction
{
    Extend = 1,
    End = 2,
    Support = 3,
    PostSeal = 4,
    RemoveSeal = 5,
}

public sealed record WatchView(int Id, int PersonId, string PersonLabel, int HouseholdId, string GridPath, WatchType Type, DateOnly From, DateOnly To,
    string Reason, string OrderedBy, WatchState State, int Extensions, string? LastExtensionReason, DateOnly? EndedOn, string? EndReason,
    bool SuppliesEnsured, string? HelpNeeded, DateTime? SealPostedAt, string? SealPostedBy, string? SealPropertyManager, IReadOnlyList<string> SealPhotos,
    DateTime? SealRemovedAt, int? CheckPlanId, DateOnly? CheckDue, bool CheckMissingToday, int Version);

public sealed record WatchCount(string Path, int Active, int MissingToday);

/// <summary>
/// Home health watches: opened with their daily checks (a visit plan that ends with the watch) and
/// the home-watch tag the ledger keeps from them; extended, ended, supported and sealed.
/// </summary>
public sealed class WatchBook(GridGovDbContext db, CurrentUser user, TimeProvider clock, HolidayCalendar days, FieldSubjects subjects, FileStore files,
    IProgrammeLedger ledger)
{
    public const string Tag = "home_watch";
    public const string PhotoOwner = "watch";

    private DateOnly Today => clock.Today();

    public async Task<WatchView> OpenAsync(OpenWatch input, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.Plan);
        var (person, householdId) = await subjects.PersonAsync(input.PersonId, ct);
        if (!user.CanCapture(person.Path)) throw new ForbiddenException("outside_capture_scope");
        var today = Today;
        var active = await db.Set<HomeWatch>().AnyAsync(w => w.PersonId == input.PersonId && w.State == WatchState.Active && w.To >= today, ct);
        var watch = HomeWatch.Open(person, householdId, input.Type, input.From, input.To, input.Reason ?? "", input.OrderedBy ?? "", user.UserName, active);
        var calendar = await days.CalendarAsync(ct);
        await using var tx = await OwnTransaction.BeginAsync(db.Database, ct);
        db.Add(watch);
        await db.SaveChangesAsync(ct);
        var plan = VisitPlan.Create(person, VisitPurpose.WatchCheck, "", Schedule.Daily(watch.From, watch.To), calendar.IsWorkingDay, watch.Id);
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        await ledger.KeepTagAsync(watch.PersonId, Tag, watch.From, watch.To, ct);
        await tx.CommitAsync(ct);
        return View(watch, plan, today);
    }

    public async Task<WatchView> StepAsync(int id, WatchStep step, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        var watch = await db.Set<HomeWatch>().ForChangeAsync(w => w.Id == id, user, "watch_not_found", id, ct);
        if (step.Version is { } version) db.Expect(watch, version);
        var plan = await db.Set<VisitPlan>().FirstOrDefaultAsync(p => p.WatchId == id, ct);
        var calendar = await days.CalendarAsync(ct);
        var now = clock.UtcNow();
        var retag = false;
        switch (step.Action)
        {
            case WatchAction.Extend:
                user.Require(FieldWorkPermissions.Plan);
                watch.Extend(step.To ?? throw new ValidationException("to", "required"), step.Reason ?? "");
                retag = true;
                break;
            case WatchAction.End:
                user.Require(FieldWorkPermissions.Plan);
                watch.End(step.On ?? Today, step.Reason ?? "");
                retag = true;
                break;
            case WatchAction.Support:
                user.Require(FieldWorkPermissions.Record);
                watch.Support(step.SuppliesEnsured ?? watch.SuppliesEnsured, step.HelpNeeded);
                break;
            case WatchAction.PostSeal:
                user.Require(FieldWorkPermissions.Record);
                var claimed = await files.ClaimAsync(step.Photos, PhotoOwner, ct);
                foreach (var f in claimed) f.BelongTo(watch.Id.ToString(CultureInfo.InvariantCulture));
                watch.PostSeal(user.UserName, now, step.PropertyManager ?? "", claimed.Count == 0 ? null : string.Join(",", claimed.Select(f => f.StoredName)));
                break;
            case WatchAction.RemoveSeal:
                user.Require(FieldWorkPermissions.Record);
                watch.RemoveSeal(user.UserName, now, step.PropertyManager ?? "");
                break;
            default: throw new ValidationException("action", "unknown");
        }
        await using var tx = await OwnTransaction.BeginAsync(db.Database, ct);
        // The checks end with the watch: nothing falls due after its last day.
        if (retag) plan?.EndOn(watch.LastDay, calendar.IsWorkingDay);
        await db.SaveChangesAsync(ct);
        if (retag) await ledger.KeepTagAsync(watch.PersonId, Tag, watch.From, watch.LastDay, ct);
        await tx.CommitAsync(ct);
        return View(watch, plan, Today);
    }

    public async Task<WatchView> GetAsync(int id, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        var watch = await db.Set<HomeWatch>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException("watch_not_found", id);
        var plan = await db.Set<VisitPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.WatchId == id, ct);
        return View(watch, plan, Today);
    }

    /// <summary>Watches in scope: active today (or all), and only those whose check for today is missing.</summary>
    public async Task<Page<WatchView>> ListAsync(bool activeOnly, bool missingToday, PageRequest page, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        var today = Today;
        var rows = db.Set<HomeWatch>().AsNoTracking()
            .GroupJoin(db.Set<VisitPlan>().AsNoTracking(), w => (int?)w.Id, p => p.WatchId, (w, p) => new { w, p })
            .SelectMany(x => x.p.DefaultIfEmpty(), (x, p) => new { x.w, p });
        if (activeOnly || missingToday) rows = rows.Where(x => x.w.State == WatchState.Active && x.w.From <= today && x.w.To >= today);
        if (missingToday) rows = rows.Where(x => x.p != null && x.p.Status == PlanStatus.Active && x.p.NextDue <= today);
        return await rows.OrderBy(x => x.w.Path).ThenBy(x => x.w.Id).ToPageAsync(page, x => View(x.w, x.p, today), ct);
    }

    /// <summary>Active watches and missing checks today, per place one level under the path given (or per grid).</summary>
    public async Task<IReadOnlyList<WatchCount>> CountsAsync(string path, int keyLength, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        var today = Today;
        var active = db.Set<HomeWatch>().AsNoTracking()
            .Where(w => w.Path.StartsWith(path) && w.Path.Length >= keyLength && w.State == WatchState.Active && w.From <= today && w.To >= today);
        var watching = await active.GroupBy(w => w.Path.Substring(0, keyLength)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var missing = await active.Join(db.Set<VisitPlan>().Where(p => p.Status == PlanStatus.Active && p.NextDue <= today), w => (int?)w.Id, p => p.WatchId,
                (w, _) => w.Path.Substring(0, keyLength))
            .GroupBy(key => key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return watching.OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => new WatchCount(w.Key, w.Count, missing.FirstOrDefault(m => m.Key == w.Key)?.Count ?? 0)).ToList();
    }

    public Task<(Stream Content, string ContentType)> PhotoAsync(int watchId, string name, CancellationToken ct)
    {
        user.Require(FieldWorkPermissions.View);
        return files.OpenAsync(PhotoOwner, watchId.ToString(CultureInfo.InvariantCulture), name, ct);
    }

    private static WatchView View(HomeWatch w, VisitPlan? p, DateOnly today) => new(w.Id, w.PersonId, w.PersonLabel, w.HouseholdId, w.Path, w.Type, w.From,
        w.To, w.Reason, w.OrderedBy, w.StateOn(today), w.Extensions, w.LastExtensionReason, w.EndedOn, w.EndReason, w.SuppliesEnsured, w.HelpNeeded,
        w.SealPostedAt, w.SealPostedBy, w.SealPropertyManager, w.SealPhotos?.Split(',') ?? [], w.SealRemovedAt, p?.Id, p?.NextDue,
        w.StateOn(today) == WatchState.Active && w.From <= today && p is { Status: PlanStatus.Active } && p.NextDue <= today, w.Version);
}

internal sealed class WatchFileAuthoriser(GridGovDbContext db, CurrentUser user) : IFileAuthoriser
{
    public string OwnerType => WatchBook.PhotoOwner;

    public async Task<bool> MaySeeAsync(string ownerKey, CancellationToken ct) =>
        user.Has(FieldWorkPermissions.View) && int.TryParse(ownerKey, CultureInfo.InvariantCulture, out var id)
        && await db.Set<HomeWatch>().AnyAsync(w => w.Id == id, ct);
}
