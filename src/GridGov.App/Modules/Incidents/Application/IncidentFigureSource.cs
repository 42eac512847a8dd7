using GridGov.Kernel.Security;
using GridGov.Kernel.Tallies;
using GridGov.Modules.Incidents.Contracts;

namespace GridGov.Modules.Incidents.Application;

/// <summary>The closed-loop figures on the Kernel's read contract, read from the incident tallies as the metrics page reads them.</summary>
internal sealed class IncidentFigureSource(IncidentMetrics metrics) : IFigureSource
{
    private const string List = "/incidents?area={area}&from={from}&to={to}&measure=";

    private static readonly (FigureDefinition Figure, Func<Rates, double?> Value)[] All =
    [
        (Count("reported", Measure.Reported), r => r.Reported),
        (Count("accepted", Measure.Accepted), r => r.Accepted),
        (Count("closed", Measure.Closed), r => r.Closed),
        (Count("closed_on_time", Measure.ClosedOnTime), r => r.ClosedOnTime),
        (Count("rework", Measure.Rework), r => r.Rework),
        (Count("extended", Measure.Extended), r => r.Extended),
        (Count("escalated", Measure.Escalated), r => r.Escalated),
        (Count("self_resolved", Measure.SelfResolved), r => r.SelfResolved),
        (Count("overdue", Measure.Overdue), r => r.Overdue),
        (Rate("closure_rate", Measure.Closed), r => r.ClosureRate),
        (Rate("on_time_rate", Measure.ClosedOnTime), r => r.OnTimeRate),
        (Rate("rework_rate", Measure.Rework), r => r.ReworkRate),
        (Rate("extension_rate", Measure.Extended), r => r.ExtensionRate),
        (Rate("self_resolution_rate", Measure.SelfResolved), r => r.SelfResolutionRate),
        (new FigureDefinition("incidents.mean_handling_hours", "Figure.incidents.mean_handling_hours", FigureKind.Hours, ListLink: List + Measure.Closed), r => r.MeanHandlingHours),
    ];

    private static FigureDefinition Count(string name, Measure measure) =>
        new("incidents." + name, "Figure.incidents." + name, FigureKind.Count, ListLink: List + measure);

    /// <summary>A rate opens the list of what it counts over: the incidents closed on time for the on-time rate.</summary>
    private static FigureDefinition Rate(string name, Measure part) =>
        new("incidents." + name, "Figure.incidents." + name, FigureKind.Percent, ListLink: List + part);

    public IReadOnlyList<FigureDefinition> Figures { get; } = All.Select(a => a.Figure).ToList();

    public bool MayRead(CurrentUser user) => user.Has(IncidentPermissions.View);

    public async Task<IReadOnlyDictionary<string, double?>> ReadAsync(FigureQuery query, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var total = (await metrics.ReportAtAsync(new IncidentFilter(From: query.From, To: query.To), query.Path, ct)).Total;
        return All.Where(a => keys.Contains(a.Figure.Key)).ToDictionary(a => a.Figure.Key, a => a.Value(total));
    }
}
