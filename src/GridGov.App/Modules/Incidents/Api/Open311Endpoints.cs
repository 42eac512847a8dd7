using GridGov.Kernel.Time;
using System.Text.Json.Serialization;
using GridGov.Kernel.Errors;
using GridGov.Modules.Incidents.Application;
using GridGov.Modules.Incidents.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GridGov.Modules.Incidents.Api;

public sealed record Open311Service(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("metadata")] bool Metadata,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("keywords")] string Keywords,
    [property: JsonPropertyName("group")] string Group);

public sealed record Open311Created(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("service_notice")] string ServiceNotice);

public sealed record Open311Request(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("status_notes")] string? StatusNotes,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("requested_datetime")] DateTimeOffset RequestedDatetime,
    [property: JsonPropertyName("updated_datetime")] DateTimeOffset UpdatedDatetime,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("address_id")] string? AddressId,
    [property: JsonPropertyName("lat")] double? Lat,
    [property: JsonPropertyName("long")] double? Long);

/// <summary>
/// Open311 GeoReport v2, so that existing civic clients can submit and follow reports: the service
/// list is the category catalogue's items; a request is placed on the grid named by address_id (a
/// level-3 grid code) or on the grid whose boundary holds lat/long. Internal states map to open and
/// closed. Clients authenticate with a bearer token of an account allowed to report.
/// </summary>
public static class Open311Endpoints
{
    /// <summary>
    /// A request's fields, from a form or a JSON object: numbers and booleans read as their text,
    /// and a missing or unreadable body is no fields at all (the report then names what is missing).
    /// </summary>
    private static async Task<Dictionary<string, string>> FieldsAsync(HttpRequest http, CancellationToken ct)
    {
        if (http.HasFormContentType) return (await http.ReadFormAsync(ct)).ToDictionary(x => x.Key, x => x.Value.ToString());
        if (http.ContentLength is 0 || !(http.ContentType ?? "").Contains("json", StringComparison.OrdinalIgnoreCase)) return [];
        System.Text.Json.JsonDocument document;
        try
        {
            document = await System.Text.Json.JsonDocument.ParseAsync(http.Body, cancellationToken: ct);
        }
        catch (System.Text.Json.JsonException)
        {
            throw new AppException(400, "bad_request");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object) throw new AppException(400, "bad_request");
            return document.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind is not (System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Object or System.Text.Json.JsonValueKind.Array))
                .ToDictionary(p => p.Name, p => p.Value.ValueKind == System.Text.Json.JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
        }
    }

    public static RouteGroupBuilder MapOpen311(this RouteGroupBuilder open311)
    {
        open311.WithTags("Open311");
        open311.MapGet("/services.json", async (IncidentCatalogue catalogue, CancellationToken ct) =>
            {
                var categories = await catalogue.CategoriesAsync(ct);
                return categories.Where(c => c.ParentCode is not null).Select(c =>
                {
                    var group = categories.First(g => g.Code == c.ParentCode);
                    return new Open311Service(c.Code, c.Label, $"{group.Label}: {c.Label}", false, "realtime", c.EnglishName, group.Label);
                }).ToList();
            })
            .WithSummary("GeoReport v2 service list: the incident categories");
        open311.MapPost("/requests.json", async (HttpRequest http, IncidentDesk desk, CancellationToken ct) =>
            {
                var f = await FieldsAsync(http, ct);
                string? Field(string name) => f.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
                double? Number(string name) => double.TryParse(Field(name), System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
                var name = string.Join(" ", new[] { Field("first_name"), Field("last_name") }.OfType<string>());
                var result = await desk.ReportFromOpen311Async(new ReportRequest(
                    Field("service_code") ?? "", Field("description") ?? "", Field("address_string") ?? Field("address") ?? "",
                    Field("address_id"), Number("long"), Number("lat"), ContactName: name.Length > 0 ? name : null,
                    ContactPhone: Field("phone")), ct);
                return TypedResults.Created($"/open311/v2/requests/{result.Incident.Id}.json",
                    new[] { new Open311Created(result.Incident.Id.ToString(), result.Incident.Number) });
            })
            .DisableAntiforgery()
            .WithSummary("GeoReport v2: creates a service request (service_code, description, address_string, address_id or lat/long)");
        open311.MapGet("/requests/{id}.json", async (string id, IncidentDesk desk, IncidentCatalogue catalogue, CancellationToken ct) =>
            {
                var briefs = int.TryParse(id, out var number) ? await desk.BriefsAsync([number], new IncidentFilter(), null, 1, ct) : [];
                if (briefs.Count == 0) throw new NotFoundException("incident_not_found", id);
                return briefs.Select(Mapper(await catalogue.CategoriesAsync(ct))).ToList();
            })
            .WithSummary("GeoReport v2: one service request");
        open311.MapGet("/requests.json", async (string? service_request_id, string? service_code, string? status, DateTimeOffset? start_date,
                DateTimeOffset? end_date, IncidentDesk desk, IncidentCatalogue catalogue, TimeProvider clock, CancellationToken ct) =>
            {
                var ids = (service_request_id ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(s => int.TryParse(s, out var n) ? n : -1).Where(n => n > 0).Take(50).ToList();
                var from = start_date is { } s ? ChinaTime.DateOf(s.UtcDateTime) : clock.Today().AddDays(-90);
                var to = end_date is { } e ? ChinaTime.DateOf(e.UtcDateTime) : (DateOnly?)null;
                var briefs = await desk.BriefsAsync(ids, new IncidentFilter(From: from, To: to), service_code, 200, ct);
                return briefs.Select(Mapper(await catalogue.CategoriesAsync(ct))).Where(v => status is null || v.Status == status).ToList();
            })
            .WithSummary("GeoReport v2: service requests by id list, or by service code, status and date range (90 days by default, 200 at most)");
        return open311;
    }

    private static Func<IncidentBrief, Open311Request> Mapper(IReadOnlyList<CategoryItem> categories) => i =>
    {
        var closed = i.State is IncidentState.Closed or IncidentState.Rejected;
        return new Open311Request(i.Id.ToString(), closed ? "closed" : "open", i.State == IncidentState.Rejected ? i.LastNote : i.Result,
            categories.FirstOrDefault(c => c.Code == i.CategoryCode)?.Label ?? i.CategoryCode, i.CategoryCode, i.Description,
            new DateTimeOffset(DateTime.SpecifyKind(i.ReportedAt, DateTimeKind.Utc)),
            new DateTimeOffset(DateTime.SpecifyKind(i.LastStepAt, DateTimeKind.Utc)), i.Address, null, i.Latitude, i.Longitude);
    };
}
