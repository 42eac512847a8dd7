namespace GridGov.Modules.Incidents.Domain;

/// <summary>
/// What incidents add to the closed-loop metrics: counted in the database over rows, kept month by
/// month in <see cref="IncidentTally"/>, and worked out here for one incident as it changes.
/// </summary>
public class IncidentFigures
{
    public int Reported { get; init; }
    public int Accepted { get; init; }
    public int Closed { get; init; }
    public int ClosedOnTime { get; init; }
    public int Rework { get; init; }
    public int Extended { get; init; }
    public int Escalations { get; init; }
    public int Escalated { get; init; }
    public int SelfResolved { get; init; }
    public int Overdue { get; init; }
    public long MinutesSum { get; init; }
    public int MinutesCount { get; init; }

    public static IncidentFigures Zero { get; } = new();

    /// <summary>One incident's share; the grouped queries in the metrics count the same conditions.</summary>
    public static IncidentFigures Of(Incident i)
    {
        var closed = i.State == IncidentState.Closed;
        return new IncidentFigures
        {
            Reported = 1,
            Accepted = One(i.State is not (IncidentState.Reported or IncidentState.Rejected or IncidentState.Merged)),
            Closed = One(closed),
            ClosedOnTime = One(closed && i.ClosedOnTime),
            Rework = One(closed && i.ReworkCount > 0),
            Extended = One(i.ExtensionCount > 0),
            Escalations = i.EscalationCount,
            Escalated = One(i.EscalationCount > 0),
            SelfResolved = One(closed && i.SelfResolved),
            Overdue = One(i.IsOverdue),
            MinutesSum = i.ResolutionMinutes ?? 0,
            MinutesCount = One(i.ResolutionMinutes is not null),
        };
    }

    public static IncidentFigures Sum(IEnumerable<IncidentFigures> parts)
    {
        var total = Zero;
        foreach (var part in parts) total = total.Plus(part, 1);
        return total;
    }

    /// <summary>This plus <paramref name="sign"/> times <paramref name="other"/>.</summary>
    public IncidentFigures Plus(IncidentFigures other, int sign) => new()
    {
        Reported = Reported + sign * other.Reported, Accepted = Accepted + sign * other.Accepted, Closed = Closed + sign * other.Closed,
        ClosedOnTime = ClosedOnTime + sign * other.ClosedOnTime, Rework = Rework + sign * other.Rework, Extended = Extended + sign * other.Extended,
        Escalations = Escalations + sign * other.Escalations, Escalated = Escalated + sign * other.Escalated,
        SelfResolved = SelfResolved + sign * other.SelfResolved, Overdue = Overdue + sign * other.Overdue,
        MinutesSum = MinutesSum + sign * other.MinutesSum, MinutesCount = MinutesCount + sign * other.MinutesCount,
    };

    public bool IsZero => Reported == 0 && Accepted == 0 && Closed == 0 && ClosedOnTime == 0 && Rework == 0 && Extended == 0
        && Escalations == 0 && Escalated == 0 && SelfResolved == 0 && Overdue == 0 && MinutesSum == 0 && MinutesCount == 0;

    private static int One(bool condition) => condition ? 1 : 0;
}
