using System.Reflection;
using GridGov.Data;
using GridGov.Kernel.Time;
using GridGov.Modules.Incidents.Application;
using GridGov.Modules.Incidents.Domain;
using GridGov.Modules.Territory.Application;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Demo;

/// <summary>
/// A year of incidents over a county's level-3 grids, each carried through the workflow by the
/// domain's own steps (reported, accepted, dispatched, handled, verified; some refused, reworked,
/// extended or escalated; the recent ones still open, the late ones marked overdue), written in
/// bulk. The demo county shows its desk, cockpit and metrics on them; the benchmark measures on them.
/// </summary>
public static class IncidentHistory
{
    private static readonly Actor[] Centre = [Actor.Dispatcher];
    private static readonly Actor[] Lead = [Actor.LeadDepartment];
    private static readonly Actor[] OnGrid = [Actor.GridWorker];
    private static readonly PropertyInfo StepId = typeof(IncidentStep).GetProperty(nameof(IncidentStep.Id))!;
    private static readonly PropertyInfo StepIncident = typeof(IncidentStep).GetProperty(nameof(IncidentStep.IncidentId))!;
    private static readonly PropertyInfo AssignmentId = typeof(IncidentAssignment).GetProperty(nameof(IncidentAssignment.Id))!;
    private static readonly PropertyInfo AssignmentIncident = typeof(IncidentAssignment).GetProperty(nameof(IncidentAssignment.IncidentId))!;

    private sealed record Place(int Id, string Code, string Path, (double W, double S, double E, double N)? Box);

    /// <param name="reporterGrid">The grid whose incidents the demo's grid worker reported; the others came by the hotline.</param>
    public static async Task GenerateAsync(GridGovDbContext db, int count, int seed, DateTime now, string? reporterGrid, CancellationToken ct)
    {
        var places = (await db.Set<Grid>().Where(g => g.Level == 3 && g.ClosedOn == null).OrderBy(g => g.Id)
            .Select(g => new { g.Id, g.Code, g.Path, g.BoundaryGeoJson }).ToListAsync(ct))
            .Select(g => new Place(g.Id, g.Code, g.Path, GeoJson.Read(g.BoundaryGeoJson)?.EnvelopeInternal is { } e ? (e.MinX, e.MinY, e.MaxX, e.MaxY) : null))
            .ToList();
        if (places.Count == 0) return;
        var categories = IncidentReferenceData.Categories().Where(c => c.ParentCode is not null).ToDictionary(c => c.Code, c => c.Name);
        var items = categories.Keys.Order(StringComparer.Ordinal).ToArray();
        var routes = IncidentReferenceData.Routes();
        var calendar = new WorkCalendar(PublishedHolidays.Year2026());
        var random = new Random(seed);
        var start = now.AddDays(-365);
        var nextId = await db.Set<Incident>().MaxAsync(i => (int?)i.Id, ct) ?? 0;
        var nextStep = await db.Set<IncidentStep>().MaxAsync(s => (long?)s.Id, ct) ?? 0;
        var nextAssignment = await db.Set<IncidentAssignment>().MaxAsync(a => (long?)a.Id, ct) ?? 0;
        const int Chunk = 20_000;
        for (var done = 0; done < count; done += Chunk)
        {
            var incidents = new List<Incident>();
            for (var n = 0; n < Math.Min(Chunk, count - done); n++)
            {
                var place = places[random.Next(places.Count)];
                var code = items[random.Next(items.Length)];
                var rule = routes.Where(r => r.CategoryCode == code).Concat(routes.Where(r => r.CategoryCode == code[..code.IndexOf('.')])).First();
                // More recent days carry more incidents, as a live county's desk does.
                var at = start.AddMinutes(Math.Sqrt(random.NextDouble()) * 365 * 24 * 60);
                var incident = Report(place, code, categories[code], rule, at, ++nextId, reporterGrid, calendar, random);
                Walk(incident, rule, at, now, calendar, random, place.Code == reporterGrid ? "gridworker" : "county");
                incidents.Add(incident);
            }
            await WriteAsync(db, incidents, () => ++nextStep, () => ++nextAssignment, ct);
        }
        await BulkWriter.ResetIdentityAsync<Incident>(db, ct);
        await BulkWriter.ResetIdentityAsync<IncidentStep>(db, ct);
        await BulkWriter.ResetIdentityAsync<IncidentAssignment>(db, ct);
        await IncidentTallies.RebuildAsync(db, ct);
    }

    private static readonly string[] Accounts = ["群众反映", "巡查发现", "热线来电", "居民上报"];

    private static Incident Report(Place place, string code, string name, RoutingRule rule, DateTime at, int id, string? reporterGrid, WorkCalendar calendar,
        Random random)
    {
        double? lon = null, lat = null;
        if (place.Box is var (w, s, e, n) && random.NextDouble() < 0.8)
            (lon, lat) = (Math.Round(w + (e - w) * (0.1 + 0.8 * random.NextDouble()), 6), Math.Round(s + (n - s) * (0.1 + 0.8 * random.NextDouble()), 6));
        var byWorker = place.Code == reporterGrid;
        var report = new IncidentReport(code, $"{Accounts[random.Next(Accounts.Length)]}：{name}，请核实处置", $"网格 {place.Code[^5..]} 附近", lon, lat,
            random.NextDouble() < 0.1 ? Urgency.Urgent : Urgency.Normal, byWorker ? IncidentSource.GridWorker : IncidentSource.Hotline);
        return Incident.Report(report, place.Id, place.Path, rule.Level, byWorker ? "gridworker" : "county", at, calendar.DueAt(at, rule.Limits.Accept))
            .WithNumber($"SJ{WorkCalendar.LocalDate(at):yyyyMMdd}{id:D6}").WithId(id);
    }

    /// <summary>Carries one incident as far as its age and its fate allow, by the workflow's own steps.</summary>
    private static void Walk(Incident i, RoutingRule rule, DateTime at, DateTime now, WorkCalendar calendar, Random random, string reporter)
    {
        var age = (now - at).TotalDays;
        var fate = random.NextDouble();
        var stopsEarly = age < 12 && random.NextDouble() < 0.6;
        if (rule.Level == HandlingLevel.Grid && fate < 0.4 && reporter == "gridworker") { i.SelfResolve(OnGrid, reporter, at.AddHours(3), "已自行处置", "scene.jpg"); return; }
        if (fate < 0.04) { i.Reject(Centre, "county", at.AddHours(1), "重复上报"); return; }
        if (stopsEarly && fate < 0.2) { i.MarkOverdue(now); return; }
        i.Accept(Centre, "county", at.AddHours(1), calendar.DueAt(at.AddHours(1), rule.Limits.Accept));
        if (rule.Level < HandlingLevel.County && fate > 0.96)
        {
            i.Escalate(Centre, "county", at.AddHours(2), "需上级协调", calendar.DueAt(at.AddHours(2), rule.Limits.Accept));
            if (stopsEarly || age < 20) { i.MarkOverdue(now); return; }
        }
        if (stopsEarly && fate < 0.3) { i.MarkOverdue(now); return; }
        var department = rule.LeadDepartmentCode ?? "CIVIL";
        var sent = at.AddHours(2.5);
        i.Dispatch(Centre, "county", sent, department, rule.Assisting.Where(a => a != department).ToList(),
            calendar.DueAt(sent, rule.Limits.Acknowledge), calendar.DueAt(sent, rule.Limits.Handle));
        i.Acknowledge(Lead, department, "department", at.AddHours(3));
        if (stopsEarly) { i.MarkOverdue(now); return; }
        // Most are handled within the limit; about one in eight takes longer than it should.
        var handled = at.AddHours(random.NextDouble() < 0.88 ? random.Next(4, 24 * 4) : random.Next(24 * 6, 24 * 14));
        if (handled >= now) { i.MarkOverdue(now); return; }
        if (fate > 0.93)
        {
            i.RequestExtension(Lead, "department", at.AddHours(4), 3, "需协调相关单位");
            i.DecideExtension(Centre, "county", at.AddHours(5), true, calendar);
        }
        i.Finish(Lead, "department", handled, "已处置完毕", calendar.DueAt(handled, rule.Limits.Verify));
        if (fate > 0.88)
        {
            i.Verify(OnGrid, reporter == "gridworker" ? "gridworker" : "county", handled.AddHours(5), false, "未整改到位");
            i.Finish(Lead, "department", handled.AddHours(30), "再次处置", handled.AddDays(3));
        }
        var verified = handled.AddHours(fate > 0.88 ? 40 : 6);
        if (verified >= now) { i.MarkOverdue(now); return; }
        i.Verify(OnGrid, reporter == "gridworker" ? "gridworker" : "county", verified, true, "现场核查已解决");
    }

    private static async Task WriteAsync(GridGovDbContext db, List<Incident> incidents, Func<long> nextStep, Func<long> nextAssignment, CancellationToken ct)
    {
        var steps = incidents.SelectMany(i => i.Steps.Select(s => (i.Id, s))).Select(x =>
        {
            StepId.SetValue(x.s, nextStep());
            StepIncident.SetValue(x.s, x.Id);
            return x.s;
        }).ToList();
        var assignments = incidents.SelectMany(i => i.Assignments.Select(a => (i.Id, a))).Select(x =>
        {
            AssignmentId.SetValue(x.a, nextAssignment());
            AssignmentIncident.SetValue(x.a, x.Id);
            return x.a;
        }).ToList();
        await BulkWriter.InsertAsync(db, incidents, ct);
        await BulkWriter.InsertAsync(db, steps, ct);
        await BulkWriter.InsertAsync(db, assignments, ct);
    }
}
