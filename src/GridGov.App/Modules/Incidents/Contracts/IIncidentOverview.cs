namespace GridGov.Modules.Incidents.Contracts;

/// <summary>The closed-loop counts a cockpit shows for one place and period.</summary>
public sealed record LoopCounts(int Reported, int Accepted, int Closed, int ClosedOnTime, int Overdue, int Escalated)
{
    public static readonly LoopCounts Zero = new(0, 0, 0, 0, 0, 0);

    /// <summary>结案率: closed of accepted, in percent; null where nothing was accepted.</summary>
    public double? ClosureRate => Accepted == 0 ? null : Math.Round(100.0 * Closed / Accepted, 1);

    /// <summary>按期结案率: closed on time of closed, in percent; null where nothing closed.</summary>
    public double? OnTimeRate => Closed == 0 ? null : Math.Round(100.0 * ClosedOnTime / Closed, 1);
}

/// <summary>One day or one month of a trend: its first and last local dates and its counts.</summary>
public sealed record TrendPoint(DateOnly From, DateOnly To, LoopCounts Counts);

/// <summary>The counts of one place under the one asked about (a township of a county, a county of a city).</summary>
public sealed record PlaceCounts(string Path, LoopCounts Counts);

/// <summary>An open incident a leader should see by name: overdue or escalated.</summary>
public sealed record IncidentLine(int Id, string Number, string CategoryCode, string Address, DateTime ReportedAt, DateTime? StepDueAt, bool IsOverdue);

/// <summary>Where an incident was reported, for a map.</summary>
public sealed record IncidentMarker(int Id, string Number, string State, bool IsOverdue, double Longitude, double Latitude);

/// <summary>
/// The incidents of a place read for dashboards: trends and rankings from the tallies, and the
/// few open incidents worth naming. Every read stays within the caller's view.
/// </summary>
public interface IIncidentOverview
{
    bool MayRead { get; }

    /// <summary>One point per local day; empty for a place no daily tally serves (below a township).</summary>
    Task<IReadOnlyList<TrendPoint>> ByDayAsync(string path, DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>One point per local month from <paramref name="from"/>'s month to <paramref name="to"/>'s.</summary>
    Task<IReadOnlyList<TrendPoint>> ByMonthAsync(string path, DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>
    /// The places one level under <paramref name="path"/> that a tally serves (counties of a city,
    /// townships of a county, communities of a township over whole months), each with its counts.
    /// </summary>
    Task<IReadOnlyList<PlaceCounts>> ByPlaceAsync(string path, DateOnly from, DateOnly to, CancellationToken ct);

    Task<IReadOnlyList<IncidentLine>> OverdueAsync(string path, int limit, CancellationToken ct);

    /// <summary>Open incidents that were escalated at least once, most recently reported first.</summary>
    Task<IReadOnlyList<IncidentLine>> EscalatedAsync(string path, int limit, CancellationToken ct);

    /// <summary>Incidents reported in the period that carry the phone's location, newest first.</summary>
    Task<IReadOnlyList<IncidentMarker>> MarkersAsync(string path, DateOnly from, DateOnly to, int limit, CancellationToken ct);

    /// <summary>The incident list that holds exactly what a count counted (measure: Reported, Closed, ClosedOnTime, Overdue, Escalated…).</summary>
    string ListLink(string placeCode, string measure, DateOnly? from, DateOnly? to);

    /// <summary>Whether the caller can see the incident (a visit links the one it raised).</summary>
    Task<bool> IsVisibleAsync(int id, CancellationToken ct);
}
