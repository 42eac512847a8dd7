using GridGov.Kernel.Security;
using GridGov.Kernel.Tallies;
using GridGov.Modules.Training.Contracts;

namespace GridGov.Modules.Training.Application;

/// <summary>
/// Training's figures on the Kernel's read contract, by where the trainees live: trained,
/// certified ("new skilled talents" and "new high-skilled talents" by level), employed and the
/// employment rate, each opening the trainees it counts; and vouchers issued and paid, by where
/// their holders live, each opening the vouchers it counts. Read by leaders' cockpits and targets.
/// </summary>
internal sealed class TrainingFigureSource(TrainingOutcomes outcomes, VoucherBook vouchers) : IFigureSource
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

    private const string VoucherList = "/training/vouchers?area={area}&from={from}&to={to}&measure=";

    private static readonly (FigureDefinition Figure, Func<VoucherCounts, double?> Value)[] Vouchers =
    [
        (new FigureDefinition("training.vouchers_issued", "Figure.training.vouchers_issued", FigureKind.Count, ListLink: VoucherList + VoucherMeasure.Issued),
            c => c.Issued),
        (new FigureDefinition("training.vouchers_paid", "Figure.training.vouchers_paid", FigureKind.Count, ListLink: VoucherList + VoucherMeasure.Paid),
            c => c.Paid),
    ];

    private static FigureDefinition Count(string name, OutcomeMeasure measure) =>
        new("training." + name, "Figure.training." + name, FigureKind.Count, ListLink: List + measure);

    public IReadOnlyList<FigureDefinition> Figures { get; } = [.. All.Select(a => a.Figure), .. Vouchers.Select(v => v.Figure)];

    public bool MayRead(CurrentUser user) => TrainingPermissions.ReadsFigures(user);

    public async Task<IReadOnlyDictionary<string, double?>> ReadAsync(FigureQuery query, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var values = new Dictionary<string, double?>();
        // Each pass is made only when a figure of it is asked for: a bulletin of trainees reads no vouchers.
        if (All.Any(a => keys.Contains(a.Figure.Key)))
        {
            var counts = await outcomes.UnderAsync(query.Path, query.From, query.To, ct);
            foreach (var a in All.Where(a => keys.Contains(a.Figure.Key))) values[a.Figure.Key] = a.Value(counts);
        }
        if (Vouchers.Any(v => keys.Contains(v.Figure.Key)))
        {
            var counts = await vouchers.CountsUnderAsync(query.Path, query.From, query.To, ct);
            foreach (var v in Vouchers.Where(v => keys.Contains(v.Figure.Key))) values[v.Figure.Key] = v.Value(counts);
        }
        return values;
    }
}
