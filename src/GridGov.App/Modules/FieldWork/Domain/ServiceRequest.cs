using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.FieldWork.Domain;

public enum ServiceKind
{
    BuyGoods = 1,
    Rubbish = 2,
    HomeSampling = 3,
    Medicine = 4,
    Other = 5,
}

public enum ServiceState
{
    Open = 1,
    Taken = 2,
    Done = 3,
    Confirmed = 4,
    Cancelled = 5,
}

/// <summary>
/// A service for a resident (代办服务): who asked, for which household, what is needed; who took it,
/// when it was done, and the resident's confirmation. Counted per worker, grid and day when done.
/// </summary>
public sealed class ServiceRequest : IScopedByPath, IAudited
{
    public const int MaxNeed = 500;

    private ServiceRequest() { }

    public ServiceRequest WithId(int id)
    {
        Id = id;
        return this;
    }

    public int Id { get; private set; }
    public ServiceKind Kind { get; private set; }
    public int HouseholdId { get; private set; }
    public int? PersonId { get; private set; }
    public string SubjectLabel { get; private set; } = "";
    public int GridId { get; private set; }
    public string Path { get; private set; } = "";
    public string Requester { get; private set; } = "";
    public string Need { get; private set; } = "";
    public ServiceState State { get; private set; } = ServiceState.Open;
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string? TakenBy { get; private set; }
    public DateTime? TakenAt { get; private set; }
    public string? DoneBy { get; private set; }
    public DateTime? DoneAt { get; private set; }
    public DateOnly? DoneOn { get; private set; }
    public string? DoneNote { get; private set; }
    public string? ConfirmedByResident { get; private set; }
    public DateTime? ConfirmedAt { get; private set; }
    public string? CancelReason { get; private set; }
    public int? WatchId { get; private set; }
    public int Version { get; private set; }

    public static ServiceRequest Ask(Subject household, int? personId, ServiceKind kind, string requester, string need, string by, DateTime at, int? watchId)
    {
        new Validator().Check(Enum.IsDefined(kind), "kind", "unknown").Require("requester", requester, 50).Require("need", need, MaxNeed).ThrowIfInvalid();
        return new ServiceRequest
        {
            Kind = kind, HouseholdId = household.Id, PersonId = personId, SubjectLabel = Subject.Trim(household.Label), GridId = household.GridId,
            Path = household.Path, Requester = requester.Trim(), Need = need.Trim(), CreatedBy = by, CreatedAt = at, WatchId = watchId,
        };
    }

    public void Take(string by, DateTime at)
    {
        if (State != ServiceState.Open) throw new ConflictException("service_not_open");
        (State, TakenBy, TakenAt) = (ServiceState.Taken, by, at);
    }

    /// <summary>Done by the one who took it (or straight from open, by whoever does it there and then).</summary>
    public void Complete(string by, DateTime at, DateOnly on, string? note)
    {
        if (State is not (ServiceState.Open or ServiceState.Taken)) throw new ConflictException("service_not_open");
        if (State == ServiceState.Taken && TakenBy != by) throw new ConflictException("service_taken_by_other");
        new Validator().Check(note is null || note.Length <= MaxNeed, "note", "too_long").ThrowIfInvalid();
        if (State == ServiceState.Open) (TakenBy, TakenAt) = (by, at);
        (State, DoneBy, DoneAt, DoneOn, DoneNote) = (ServiceState.Done, by, at, on, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
    }

    /// <summary>The resident says it was done: their name as they gave it.</summary>
    public void Confirm(string residentName, DateTime at)
    {
        if (State != ServiceState.Done) throw new ConflictException("service_not_done");
        new Validator().Require("residentName", residentName, 50).ThrowIfInvalid();
        (State, ConfirmedByResident, ConfirmedAt) = (ServiceState.Confirmed, residentName.Trim(), at);
    }

    public void Cancel(string reason)
    {
        if (State is not (ServiceState.Open or ServiceState.Taken)) throw new ConflictException("service_not_open");
        new Validator().Require("reason", reason, 200).ThrowIfInvalid();
        (State, CancelReason) = (ServiceState.Cancelled, reason.Trim());
    }
}
