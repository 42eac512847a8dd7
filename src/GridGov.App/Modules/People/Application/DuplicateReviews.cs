using GridGov.Kernel.Time;
using GridGov.Modules.People.Contracts;
using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Privacy;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

public sealed record ReviewView(int Id, int ExistingPersonId, string ExistingName, Masked MaskedIdNumber, int HouseholdId, string Name,
    Masked MaskedPhone, string RelationToHead, ReviewState State, string RequestedBy, DateTime RequestedAt, string? DecidedBy, DateTime? DecidedAt);

/// <summary>The review queue for registrations whose ID number is already on the ledger.</summary>
public sealed class DuplicateReviews(GridGovDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task<Page<ReviewView>> ListAsync(bool pendingOnly, PageRequest page, CancellationToken ct)
    {
        user.Require(PeoplePermissions.View);
        var query = db.Set<DuplicateReview>().AsNoTracking().Where(r => !pendingOnly || r.State == ReviewState.Pending);
        // The existing person through the scope filter too: a review is placed where its reader sees
        // both records, and a filter switched off inside a subquery would be off for the whole query.
        return await query.OrderBy(r => r.Id)
            .Select(r => new { Review = r, Existing = db.Set<Person>().Where(p => p.Id == r.ExistingPersonId).Select(p => p.Name).FirstOrDefault() })
            .ToPageAsync(page, x => View(x.Review, x.Existing ?? ""), ct);
    }

    /// <summary>Merge: the submitted details update the existing person. Keep apart: a second record is registered on purpose.</summary>
    public async Task<ReviewView> DecideAsync(int id, ReviewState decision, CancellationToken ct)
    {
        user.Require(PeoplePermissions.Manage);
        var review = await db.Set<DuplicateReview>().ForChangeAsync(r => r.Id == id, user, "review_not_found", id, ct);
        review.Decide(decision, user.UserName, clock.GetUtcNow().UtcDateTime);
        var existing = await db.Set<Person>().FirstOrDefaultAsync(p => p.Id == review.ExistingPersonId, ct)
            ?? throw new NotFoundException("review_not_found", id);
        if (decision == ReviewState.Merged)
        {
            if (!user.CanCapture(existing.Path)) throw new ForbiddenException("outside_capture_scope");
            existing.Edit(review.Name, review.Phone ?? existing.Phone, review.RelationToHead, review.Residency,
                await HeadsOfHouseholds.LoadAsync(db, [existing.HouseholdId], ct));
        }
        else
        {
            var household = await db.Set<Household>().FirstAsync(h => h.Id == review.HouseholdId, ct);
            db.Add(Person.Register(household, review.Name, PersonRegistry.ParseId(review.IdNumber, clock.Today()), review.Phone, review.RelationToHead, review.Residency,
                await HeadsOfHouseholds.LoadAsync(db, [household.Id], ct)));
        }
        await db.SaveChangesAsync(ct);
        return View(review, existing.Name);
    }

    private static ReviewView View(DuplicateReview r, string existingName) =>
        new(r.Id, r.ExistingPersonId, existingName, Masked.IdNumber(r.IdNumber), r.HouseholdId, r.Name, Masked.Phone(r.Phone), r.RelationToHead,
            r.State, r.RequestedBy, r.RequestedAt, r.DecidedBy, r.DecidedAt);
}
