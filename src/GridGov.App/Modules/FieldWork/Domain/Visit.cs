using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.FieldWork.Domain;

/// <summary>Where the phone was when the visit was recorded, and how sure it was (metres, as the browser reports it).</summary>
public readonly record struct Position(double Longitude, double Latitude, double? AccuracyMeters)
{
    public static Position? Of(double? longitude, double? latitude, double? accuracy)
    {
        if (longitude is null && latitude is null) return null;
        new Validator()
            .Check(longitude is >= -180 and <= 180, "longitude", "out_of_range")
            .Check(latitude is >= -90 and <= 90, "latitude", "out_of_range")
            .Check(accuracy is null or >= 0, "accuracy", "out_of_range")
            .ThrowIfInvalid();
        return new Position(longitude!.Value, latitude!.Value, accuracy);
    }
}

/// <summary>
/// One call at a door: who, when, what came of it, notes, photos and position. Recorded as it
/// happened: a visit outside its plan's window, or with a position less sure than the county's
/// threshold, is kept and flagged, never refused.
/// </summary>
public sealed class Visit : IScopedByPath, IAudited
{
    public const int MaxNotes = 1000;

    private Visit() { }

    public Visit WithId(int id)
    {
        Id = id;
        return this;
    }

    public int Id { get; private set; }
    public int? PlanId { get; private set; }
    public SubjectKind SubjectKind { get; private set; }
    public int SubjectId { get; private set; }
    public string SubjectLabel { get; private set; } = "";
    public int GridId { get; private set; }
    public string Path { get; private set; } = "";
    public VisitPurpose Purpose { get; private set; }
    public string VisitedBy { get; private set; } = "";
    public DateTime VisitedAt { get; private set; }
    public DateOnly VisitedOn { get; private set; }
    public VisitOutcome Outcome { get; private set; }
    public string? Notes { get; private set; }
    public string? Photos { get; private set; }
    public double? Longitude { get; private set; }
    public double? Latitude { get; private set; }
    public double? AccuracyMeters { get; private set; }
    /// <summary>The plan's occurrence it counted for, and that occurrence's due day.</summary>
    public int? Occurrence { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public bool OutsideWindow { get; private set; }
    public bool ImpreciseLocation { get; private set; }
    public int? IncidentId { get; private set; }
    public int? ServiceRequestId { get; private set; }

    public static Visit Record(Subject subject, VisitPurpose purpose, string by, DateTime at, DateOnly on, VisitOutcome outcome, string? notes,
        string? photos, Position? position, double maxAccuracyMeters)
    {
        new Validator()
            .Check(Enum.IsDefined(outcome), "outcome", "unknown")
            .Check(notes is null || notes.Length <= MaxNotes, "notes", "too_long")
            .Check(outcome != VisitOutcome.MovedAway || !string.IsNullOrWhiteSpace(notes), "notes", "required")
            .ThrowIfInvalid();
        return new Visit
        {
            SubjectKind = subject.Kind, SubjectId = subject.Id, SubjectLabel = Subject.Trim(subject.Label), GridId = subject.GridId, Path = subject.Path,
            Purpose = purpose, VisitedBy = by, VisitedAt = at, VisitedOn = on, Outcome = outcome, Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            Photos = photos, Longitude = position?.Longitude, Latitude = position?.Latitude, AccuracyMeters = position?.AccuracyMeters,
            // A position the phone could not vouch for, or none at all, is as good as none.
            ImpreciseLocation = position is not { AccuracyMeters: { } accuracy } || accuracy > maxAccuracyMeters,
        };
    }

    /// <summary>Counts the visit against its plan; outside the occurrence's window it is flagged, not refused.</summary>
    public void CountAgainst(VisitPlan plan, Func<DateOnly, bool> isWorkingDay)
    {
        if (plan.SubjectKind != SubjectKind || plan.SubjectId != SubjectId) throw new ValidationException("planId", "other_subject");
        var window = plan.Count(VisitedOn, Outcome, isWorkingDay);
        PlanId = plan.Id;
        Occurrence = window.Occurrence;
        DueOn = window.Due;
        OutsideWindow = !window.Holds(VisitedOn);
    }

    public void Raised(int? incidentId, int? serviceRequestId) => (IncidentId, ServiceRequestId) = (incidentId, serviceRequestId);
}
