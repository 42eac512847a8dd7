using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.FieldWork.Domain;

public enum WatchType
{
    HealthMonitoring = 1,
    HomeIsolation = 2,
    Other = 3,
}

public enum WatchState
{
    Active = 1,
    Ended = 2,
}

/// <summary>
/// A person under home health watch (居家健康监测): type, period, reason and who ordered it; its
/// extensions and its end, each with a reason; whether supplies are ensured and what help is
/// needed; and the door seal posted and removed with the property manager. Its daily checks are a
/// visit plan of its own that ends when the watch does.
/// </summary>
public sealed class HomeWatch : IScopedByPath, IAudited
{
    public const int MaxText = 200;

    private HomeWatch() { }

    public HomeWatch WithId(int id)
    {
        Id = id;
        return this;
    }

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public string PersonLabel { get; private set; } = "";
    public int HouseholdId { get; private set; }
    public int GridId { get; private set; }
    public string Path { get; private set; } = "";
    public WatchType Type { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string Reason { get; private set; } = "";
    public string OrderedBy { get; private set; } = "";
    public WatchState State { get; private set; } = WatchState.Active;
    public int Extensions { get; private set; }
    public string? LastExtensionReason { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }
    public bool SuppliesEnsured { get; private set; }
    public string? HelpNeeded { get; private set; }
    public DateTime? SealPostedAt { get; private set; }
    public string? SealPostedBy { get; private set; }
    public string? SealPropertyManager { get; private set; }
    public string? SealPhotos { get; private set; }
    public DateTime? SealRemovedAt { get; private set; }
    public string? SealRemovedBy { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public int Version { get; private set; }

    public static HomeWatch Open(Subject person, int householdId, WatchType type, DateOnly from, DateOnly to, string reason, string orderedBy, string by,
        bool hasActiveWatch)
    {
        new Validator()
            .Check(Enum.IsDefined(type), "type", "unknown")
            .Check(to >= from, "to", "before_start")
            .Check(to.DayNumber - from.DayNumber <= 90, "to", "out_of_range")
            .Require("reason", reason, MaxText)
            .Require("orderedBy", orderedBy, 100)
            .ThrowIfInvalid();
        if (hasActiveWatch) throw new ConflictException("watch_already_active");
        return new HomeWatch
        {
            PersonId = person.Id, PersonLabel = Subject.Trim(person.Label), HouseholdId = householdId, GridId = person.GridId, Path = person.Path, Type = type,
            From = from, To = to, Reason = reason.Trim(), OrderedBy = orderedBy.Trim(), CreatedBy = by,
        };
    }

    public WatchState StateOn(DateOnly day) => State == WatchState.Active && day <= To ? WatchState.Active : WatchState.Ended;

    /// <summary>The last day the watch runs: its end, or the day it was ended early.</summary>
    public DateOnly LastDay => EndedOn ?? To;

    public void Extend(DateOnly to, string reason)
    {
        RequireActive();
        new Validator().Check(to > To, "to", "not_later").Check(to.DayNumber - From.DayNumber <= 180, "to", "out_of_range")
            .Require("reason", reason, MaxText).ThrowIfInvalid();
        (To, Extensions, LastExtensionReason) = (to, Extensions + 1, reason.Trim());
    }

    /// <summary>Ends the watch on a day (today, or its end): no check falls due after it.</summary>
    public void End(DateOnly on, string reason)
    {
        RequireActive();
        new Validator().Check(on >= From.AddDays(-1) && on <= To, "endedOn", "out_of_range").Require("reason", reason, MaxText).ThrowIfInvalid();
        (State, EndedOn, EndReason) = (WatchState.Ended, on, reason.Trim());
    }

    public void Support(bool suppliesEnsured, string? helpNeeded)
    {
        RequireActive();
        new Validator().Check(helpNeeded is null || helpNeeded.Length <= MaxText, "helpNeeded", "too_long").ThrowIfInvalid();
        (SuppliesEnsured, HelpNeeded) = (suppliesEnsured, string.IsNullOrWhiteSpace(helpNeeded) ? null : helpNeeded.Trim());
    }

    public void PostSeal(string by, DateTime at, string propertyManager, string? photos)
    {
        RequireActive();
        if (SealPostedAt is not null && SealRemovedAt is null) throw new ConflictException("seal_posted");
        new Validator().Require("propertyManager", propertyManager, 50).ThrowIfInvalid();
        if (string.IsNullOrEmpty(photos)) throw new ValidationException("photos", "required");
        (SealPostedAt, SealPostedBy, SealPropertyManager, SealPhotos, SealRemovedAt, SealRemovedBy) = (at, by, propertyManager.Trim(), photos, null, null);
    }

    public void RemoveSeal(string by, DateTime at, string propertyManager)
    {
        if (SealPostedAt is null || SealRemovedAt is not null) throw new ConflictException("seal_not_posted");
        new Validator().Require("propertyManager", propertyManager, 50).ThrowIfInvalid();
        (SealRemovedAt, SealRemovedBy, SealPropertyManager) = (at, by, propertyManager.Trim());
    }

    private void RequireActive()
    {
        if (State != WatchState.Active) throw new ConflictException("watch_ended");
    }
}
