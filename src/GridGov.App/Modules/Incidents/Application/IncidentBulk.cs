using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Modules.Incidents.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Incidents.Application;

public sealed record BulkStepRequest(IReadOnlyList<int> Ids, IncidentAction Action);

/// <summary>One incident's outcome in a bulk step: done, or the problem code that stopped it.</summary>
public sealed record BulkStepResult(int Id, string? Number, bool Done, string? Code)
{
    /// <summary>What fills the problem's message in the reader's language (the state and step of a refused transition).</summary>
    [System.Text.Json.Serialization.JsonIgnore] public object[] Args { get; init; } = [];
}

/// <summary>
/// The desk's bulk steps: accept many reports, or dispatch many on the routing table's
/// suggestion, in one action. Each incident goes through the same step as a single one, with its
/// own rules and its own save; one that cannot take the step is reported and the others go on.
/// </summary>
public sealed class IncidentBulk(IncidentDesk desk, GridGovDbContext db, IncidentNotices notices, GridGov.Kernel.Security.CurrentUser user)
{
    public const int MaxIncidents = 100;
    public static readonly IncidentAction[] Actions = [IncidentAction.Accept, IncidentAction.Dispatch];

    public async Task<IReadOnlyList<BulkStepResult>> StepAsync(BulkStepRequest request, CancellationToken ct)
    {
        // Both steps are the desk's: whoever cannot dispatch is refused outright, not incident by incident.
        user.Require(Contracts.IncidentPermissions.Dispatch);
        var ids = (request.Ids ?? []).Distinct().ToList();
        if (ids.Count == 0) throw new ValidationException("ids", "required");
        if (ids.Count > MaxIncidents) throw new ValidationException("ids", "out_of_range");
        if (!Actions.Contains(request.Action)) throw new ValidationException("action", "unknown");
        var results = new List<BulkStepResult>();
        foreach (var id in ids)
        {
            try
            {
                var done = await desk.StepAsync(id, new StepRequest(request.Action), ct);
                results.Add(new BulkStepResult(id, done.Number, true, null));
            }
            catch (Exception e) when (e is AppException or DbUpdateConcurrencyException)
            {
                // What the failed step left in the unit of work must not ride along with the next one's save.
                db.ChangeTracker.Clear();
                notices.DiscardPending();
                results.Add(e is AppException app
                    ? new BulkStepResult(id, null, false, app.Code) { Args = app.Args }
                    : new BulkStepResult(id, null, false, "concurrency_conflict"));
            }
        }
        return results;
    }
}
