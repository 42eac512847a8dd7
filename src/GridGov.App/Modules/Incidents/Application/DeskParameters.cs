using System.Globalization;
using GridGov.Kernel.Time;
using GridGov.Modules.Incidents.Domain;
using Microsoft.AspNetCore.Http;

namespace GridGov.Modules.Incidents.Application;

/// <summary>
/// A desk list as its address names it (list, state, category, urgency, overdue, number, sort,
/// period preset or dates, and a metric's area, group, department and measure), read the same by
/// the page and by its Excel export, so the file holds exactly the list on the screen.
/// </summary>
public sealed record DeskParameters(string? List, DeskQuery Query, PeriodPreset? Period)
{
    public static DeskParameters Read(IQueryCollection q, DateOnly today)
    {
        var period = PeriodPresets.Parse(q["period"]);
        var (from, to) = (Date(q["from"]), Date(q["to"]));
        if (period is { } p && from is null && to is null) (from, to) = p.Range(today);
        var measure = Enum.TryParse<Measure>(q["measure"], out var m) && Enum.IsDefined(m) ? m : (Measure?)null;
        var filter = (Text(q["area"]) ?? Text(q["group"]) ?? Text(q["department"])) is null && measure is null && from is null && to is null ? null
            : new IncidentFilter(Text(q["area"]), from, to, Text(q["group"]), Text(q["department"]), measure);
        return new DeskParameters(Text(q["list"]), new DeskQuery(
            Enum.TryParse<IncidentState>(q["state"], out var s) && Enum.IsDefined(s) ? s : null,
            Text(q["category"]),
            q["overdue"] == "true" ? true : null,
            Text(q["number"]),
            Enum.TryParse<Urgency>(q["urgency"], out var u) && Enum.IsDefined(u) ? u : null,
            Enum.TryParse<DeskSort>(q["sort"], out var sort) && Enum.IsDefined(sort) ? sort : DeskSort.Due,
            filter), period);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
