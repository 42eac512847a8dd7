using GridGov.Kernel.Security;
using GridGov.Kernel.Tallies;
using GridGov.Modules.Training.Contracts;

namespace GridGov.Modules.Training.Application;

/// <summary>
/// Training's figures on the Kernel's read contract, by where the trainees live: trained,
/// certified ("new skilled talents" and "new high-skilled talents" by level), employed and the
/// employment rate; each count opens the trainees it counts. Read by leaders' cockpits and targets.
/// </summary>
internal sealed class TrainingFigureSource(TrainingOutcomes outcomes) : IFigureSource
{
    private const string List = "/training/trainees?area={area}&from={from}&to={to}&measure=";

    private static readonly (FigureDefinition Figure, Func<OutcomeCounts, double?> Value)[] All =
    [
        (Count("trained", OutcomeMeasure.Trained), c => c.Trained),
        (Count("certified", OutcomeMeasure.Certified), c => c.Certified),
        (Count("skilled", OutcomeMeasure.Skilled), c => c.Skilled),
        (Count("high_skilled", OutcomeMeasure.HighSkilled), c => c.HighSkilled),
        (Count("employed", OutcomeMeasure.Employed), c => c.Employed),
        (new FigureDefinition("training.employment_rate", "Figure.training.employment_rate", FigureKind.Percent, ListLink: List + OutcomeMeasure.Employed),
            c => c.EmploymentRate is { } r ? r * 100 : null),
    ];

    private static FigureDefinition Count(string name, OutcomeMeasure measure) =>
        new("training." + name, "Figure.training." + name, FigureKind.Count, ListLink: List + measure);

    public IReadOnlyList<FigureDefinition> Figures { get; } = All.Select(a => a.Figure).ToList();

    public bool MayRead(CurrentUser user) => user.Has(TrainingPermissions.View) || user.Has(Cockpit.Contracts.CockpitPermissions.View);

    public async Task<IReadOnlyDictionary<string, double?>> ReadAsync(FigureQuery query, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var counts = await outcomes.UnderAsync(query.Path, query.From, query.To, ct);
        return All.Where(a => keys.Contains(a.Figure.Key)).ToDictionary(a => a.Figure.Key, a => a.Value(counts));
    }
}
