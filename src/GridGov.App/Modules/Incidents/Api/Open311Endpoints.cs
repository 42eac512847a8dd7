using Microsoft.AspNetCore.Authentication;
using GridGov.Kernel.Time;
using System.Text.Json.Serialization;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using GridGov.Modules.Incidents.Contracts;
using GridGov.Modules.Incidents.Application;
using GridGov.Modules.Incidents.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

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

/// <summary>The standard's error: a code (the HTTP status) and a description, always in a list.</summary>
public sealed record Open311Error(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("description")] string Description);

/// <summary>
/// Open311 GeoReport v2, so that existing civic clients can submit and follow reports. Reads are
/// public, as the standard makes them, and carry no personal data: the service list is the
/// category catalogue's items, a request shows its service, status, description, address, grid
/// (address_id) and place. Posting needs the api_key issued to a named client (or the bearer token of an account allowed to report). Every
/// answer comes as JSON or XML (the format is the path's extension) and every error as the
/// standard's list of {code, description}. A request is placed on the level-3 grid named by
/// address_id, or on the grid whose boundary holds lat/long; either alone is enough.
/// </summary>
public static class Open311Endpoints
{
    private const string Format = "{format}";

    /// <summary>The most days one list may span, and the default span back from today.</summary>
    public const int MaxDays = 90;

    /// <summary>Issuing, listing and revoking the api_keys of the clients that post requests.</summary>
    public static RouteGroupBuilder MapOpen311ClientApi(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/open311-clients").WithTags("Open311");
        clients.MapGet("", (int? page, int? pageSize, Open311Clients c, CancellationToken ct) => c.ListAsync(Kernel.Paging.PageRequest.Of(page, pageSize), ct))
            .WithSummary("For those who configure the incident loop: the Open311 clients in their area, without their keys");
        clients.MapPost("", async (Open311ClientRequest body, Open311Clients c, CancellationToken ct) =>
            {
                var issued = await c.IssueAsync(body, ct);
                return TypedResults.Created($"/api/v1/open311-clients/{issued.Client.Id}", issued);
            })
            .WithSummary("Issues an api_key to a named client for one area; the key is shown in this answer only");
        clients.MapPost("/{id:int}/revoke", async (int id, Open311Clients c, CancellationToken ct) =>
            {
                await c.RevokeAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Revokes a client's api_key at once");
        return api;
    }

    public static RouteGroupBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var open311 = app.MapGroup("/open311/v2").WithTags("Open311").AddEndpointFilter<DefinedEnumsFilter>().AddEndpointFilter<Open311Errors>();
        open311.MapGet($"/services.{Format}", async (string format, string? jurisdiction_id, IncidentCatalogue catalogue, IConfiguration config,
                CancellationToken ct) =>
            {
                CheckJurisdiction(jurisdiction_id, config);
                var categories = await catalogue.CategoriesAsync(ct);
                var services = categories.Where(c => c.ParentCode is not null).Select(c =>
                {
                    var group = categories.First(g => g.Code == c.ParentCode);
                    return new Open311Service(c.Code, c.Label, $"{group.Label}: {c.Label}", false, "realtime", c.EnglishName, group.Label);
                }).ToList();
                return Open311Answer.Of(format, services, "services", "service");
            })
            .AllowAnonymous()
            .WithSummary("GeoReport v2 service list: the incident categories (public)");
        open311.MapPost($"/requests.{Format}", async (string format, HttpRequest http, IncidentDesk desk, IConfiguration config, CurrentUser user,
                Open311Clients clients, CancellationToken ct) =>
            {
                var f = await FieldsAsync(http, ct);
                string? Field(string name) => f.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
                await SignInAsync(http, Field("api_key"), user, clients, ct);
                user.Require(IncidentPermissions.Report);
                double? Number(string name) => Field(name) is not { } text ? null
                    : double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d
                    : throw new ValidationException(name, "invalid_value");
                CheckJurisdiction(Field("jurisdiction_id"), config);
                var (latitude, longitude, gridCode) = (Number("lat"), Number("long"), Field("address_id"));
                var address = Field("address_string") ?? Field("address") ?? PlaceText(gridCode, latitude, longitude)
                    ?? throw new ValidationException("address_string", "required");
                var name = string.Join(" ", new[] { Field("first_name"), Field("last_name") }.OfType<string>());
                var result = await desk.ReportFromOpen311Async(new ReportRequest(
                    Field("service_code") ?? "", Field("description") ?? "", address, gridCode, longitude, latitude,
                    ContactName: name.Length > 0 ? name : null, ContactPhone: Field("phone")), ct);
                return Open311Answer.Of(format, new[] { new Open311Created(result.Incident.Id.ToString(), result.Incident.Number) },
                    "service_requests", "request", StatusCodes.Status201Created);
            })
            .AllowAnonymous()
            .WithMetadata(new Kernel.Hosting.ChecksCredentialsItselfAttribute())
            .DisableAntiforgery()
            .WithSummary("GeoReport v2: creates a service request (api_key, service_code, description, and address_string, address_id or lat/long); a bearer token of an account allowed to report may stand in for the api_key");
        open311.MapGet($"/requests/{{id}}.{Format}", async (string id, string format, string? jurisdiction_id, IncidentDesk desk,
                IncidentCatalogue catalogue, IConfiguration config, TimeProvider clock, CancellationToken ct) =>
            {
                CheckJurisdiction(jurisdiction_id, config);
                var briefs = int.TryParse(id, out var number) && number > 0
                    ? await desk.PublicBriefsAsync(new PublicRequestFilter([number], null, null, DateTime.MinValue, DateTime.MaxValue), 1, ct) : [];
                if (briefs.Count == 0) throw new NotFoundException("incident_not_found", id);
                return Open311Answer.Of(format, briefs.Select(Mapper(await catalogue.CategoriesAsync(ct))).ToList(), "service_requests", "request");
            })
            .AllowAnonymous()
            .WithSummary("GeoReport v2: one service request (public)");
        open311.MapGet($"/requests.{Format}", async (string format, string? service_request_id, string? service_code, string? status,
                string? start_date, string? end_date, string? jurisdiction_id, IncidentDesk desk, IncidentCatalogue catalogue, IConfiguration config,
                TimeProvider clock, CancellationToken ct) =>
            {
                CheckJurisdiction(jurisdiction_id, config);
                var filter = RequestFilter(service_request_id, service_code, status, start_date, end_date, clock);
                var briefs = await desk.PublicBriefsAsync(filter, 200, ct);
                return Open311Answer.Of(format, briefs.Select(Mapper(await catalogue.CategoriesAsync(ct))).ToList(), "service_requests", "request");
            })
            .AllowAnonymous()
            .WithSummary($"GeoReport v2: service requests by id list, or by service code, status (open, closed) and period ({MaxDays} days at most and by default, 200 requests at most; public)");
        return open311;
    }

    /// <summary>The deployment's own jurisdiction (<c>Open311:JurisdictionId</c>); a request naming another is refused, not answered for this one.</summary>
    /// <summary>
    /// The poster is the client whose api_key the request carries, or else the account of its bearer
    /// token. A browser's cookie never counts here: this form takes no antiforgery token, so a page
    /// elsewhere could otherwise post it in a signed-in user's name.
    /// </summary>
    private static async Task SignInAsync(HttpRequest http, string? apiKey, CurrentUser user, Open311Clients clients, CancellationToken ct)
    {
        if (apiKey is not null)
        {
            await clients.ActAsAsync(apiKey, ct);
            return;
        }
        var bearer = await http.HttpContext.AuthenticateAsync(Microsoft.AspNetCore.Identity.IdentityConstants.BearerScheme);
        if (!bearer.Succeeded || !user.IsAuthenticated) throw new AppException(401, "api_key_required");
    }

    private static void CheckJurisdiction(string? jurisdiction, IConfiguration config)
    {
        var ours = config["Open311:JurisdictionId"] ?? "gridgov";
        if (jurisdiction is { Length: > 0 } j && !string.Equals(j.Trim(), ours, StringComparison.OrdinalIgnoreCase))
            throw new NotFoundException("unknown_jurisdiction", j);
    }

    private static PublicRequestFilter RequestFilter(string? ids, string? serviceCode, string? status, string? start, string? end, TimeProvider clock)
    {
        var wanted = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, out var n) && n > 0 ? n : throw new ValidationException("service_request_id", "invalid_value")).Take(50).ToList();
        var statuses = (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (statuses.Any(s => s is not ("open" or "closed"))) throw new ValidationException("status", "unknown");
        bool? closed = statuses.Count == 1 ? statuses[0] == "closed" : null;
        DateTime? Instant(string? text, string field) => text is null ? null : ChinaTime.ReadInstant(text) ?? throw new ValidationException(field, "invalid_value");
        var to = Instant(end, "end_date") ?? clock.UtcNow();
        var from = Instant(start, "start_date") ?? to.AddDays(-MaxDays);
        if (to < from) throw new ValidationException("end_date", "before_start");
        if (to - from > TimeSpan.FromDays(MaxDays)) throw new ValidationException("end_date", "range_too_long", MaxDays);
        return new PublicRequestFilter(wanted, serviceCode, closed, from, to);
    }

    /// <summary>An address for a request that gave only its grid or its coordinates.</summary>
    private static string? PlaceText(string? gridCode, double? latitude, double? longitude) =>
        gridCode is not null ? $"网格 {gridCode}"
        : latitude is { } lat && longitude is { } lon ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{lat:F6}, {lon:F6}")
        : null;

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

    private static Func<IncidentBrief, Open311Request> Mapper(IReadOnlyList<CategoryItem> categories) => i =>
    {
        var closed = i.State is IncidentState.Closed or IncidentState.Rejected or IncidentState.Merged;
        var gridCode = i.Path.TrimEnd('/').Split('/')[^1];
        return new Open311Request(i.Id.ToString(), closed ? "closed" : "open", i.State == IncidentState.Rejected ? i.LastNote : i.Result,
            categories.FirstOrDefault(c => c.Code == i.CategoryCode)?.Label ?? i.CategoryCode, i.CategoryCode, i.Description,
            new DateTimeOffset(DateTime.SpecifyKind(i.ReportedAt, DateTimeKind.Utc)),
            new DateTimeOffset(DateTime.SpecifyKind(i.LastStepAt, DateTimeKind.Utc)), i.Address, gridCode, i.Latitude, i.Longitude);
    };
}
