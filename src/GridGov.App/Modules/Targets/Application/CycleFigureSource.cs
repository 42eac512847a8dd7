using GridGov.Data;
using GridGov.Kernel.Security;
using GridGov.Kernel.Tallies;
using GridGov.Kernel.Time;
using GridGov.Modules.Targets.Contracts;
using GridGov.Modules.Targets.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Targets.Application;

/// <summary>
/// The cycle's own figures on the Kernel's read contract, counted in the database under a place
/// and period: supervision rounds started, findings, rectifications verified and those reported
/// done by their deadline, meeting decisions and those closed, and policy documents issued.
/// </summary>
internal sealed class CycleFigureSource(GridGovDbContext db) : IFigureSource
{
    private const string Supervision = "/targets/supervision";

    public IReadOnlyList<FigureDefinition> Figures { get; } =
    [
        new("supervision.rounds", "Figure.supervision.rounds", FigureKind.Count, ListLink: Supervision),
        new("supervision.findings", "Figure.supervision.findings", FigureKind.Count, ListLink: Supervision),
        new("supervision.rectified", "Figure.supervision.rectified", FigureKind.Count, ListLink: "/targets/tracked?kind=Rectification&state=Closed"),
        new("supervision.rectified_on_time", "Figure.supervision.rectified_on_time", FigureKind.Count, ListLink: "/targets/tracked?kind=Rectification&state=Closed"),
        new("meetings.decisions", "Figure.meetings.decisions", FigureKind.Count, ListLink: "/targets/tracked?kind=Decision"),
        new("meetings.decisions_closed", "Figure.meetings.decisions_closed", FigureKind.Count, ListLink: "/targets/tracked?kind=Decision&state=Closed"),
        new("policies.issued", "Figure.policies.issued", FigureKind.Count, ListLink: "/targets/policies"),
    ];

    public bool MayRead(CurrentUser user) => user.Has(TargetsPermissions.View);

    public async Task<IReadOnlyDictionary<string, double?>> ReadAsync(FigureQuery query, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var (from, to) = (query.From ?? DateOnly.MinValue, query.To ?? DateOnly.MaxValue);
        var (start, end) = (query.From is { } f ? ChinaTime.StartOf(f) : DateTime.MinValue, query.To is { } t ? ChinaTime.StartOf(t.AddDays(1)) : DateTime.MaxValue);
        var path = query.Path;
        var values = new Dictionary<string, double?>();
        var items = db.Set<TrackedItem>().AsNoTracking().Where(i => i.Path.StartsWith(path));
        foreach (var key in keys)
            values[key] = key switch
            {
                "supervision.rounds" => await db.Set<InspectionRound>().CountAsync(r => r.Path.StartsWith(path) && r.StartsOn >= from && r.StartsOn <= to, ct),
                "supervision.findings" => await db.Set<Finding>().CountAsync(x => x.Path.StartsWith(path) && x.VisitedOn >= from && x.VisitedOn <= to, ct),
                "supervision.rectified" => await items.CountAsync(i => i.Kind == TrackedKind.Rectification && i.State == TrackedState.Closed
                    && i.ClosedAt >= start && i.ClosedAt < end, ct),
                "supervision.rectified_on_time" => await items.CountAsync(i => i.Kind == TrackedKind.Rectification && i.State == TrackedState.Closed
                    && i.ClosedAt >= start && i.ClosedAt < end && i.ReportedAt <= i.DueAt, ct),
                "meetings.decisions" => await items.CountAsync(i => i.Kind == TrackedKind.Decision && i.CreatedAt >= start && i.CreatedAt < end, ct),
                "meetings.decisions_closed" => await items.CountAsync(i => i.Kind == TrackedKind.Decision && i.State == TrackedState.Closed
                    && i.ClosedAt >= start && i.ClosedAt < end, ct),
                "policies.issued" => await db.Set<PolicyDocument>().CountAsync(p => p.Path.StartsWith(path) && p.IssuedOn >= from && p.IssuedOn <= to, ct),
                _ => null,
            };
        return values;
    }
}
