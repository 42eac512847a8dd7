using GridGov.Kernel.Time;
using GridGov.Kernel.Paging;
using GridGov.Modules.People.Application;
using GridGov.Modules.People.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace GridGov.Modules.People.Api;

public sealed record MovePersonRequest(int HouseholdId);
public sealed record DeregisterRequest(PersonStatus Reason, DateOnly? On, string? Destination = null);
public sealed record RevealRequest(RevealField Field);
public sealed record RevealedValue(string Field, string? Value);
public sealed record DecideRequest(ReviewState Decision);

public static class PersonEndpoints
{
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Downloads for signed-in pages (cookie), next to the API's own route (bearer).</summary>
    public static IEndpointRouteBuilder MapPersonDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/people/export.xlsx", Export).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Export(string? q, string? tag, bool? full, string? area, [AsParameters] PeopleListParameters list,
        PersonExport export, TimeProvider clock, CancellationToken ct)
    {
        var (file, _) = await export.ExportAsync(q, tag, full ?? false, ct, area, list.ToFilter(clock.Today()));
        return TypedResults.File(file, ExcelType, $"people-{clock.FileStamp()}.xlsx");
    }

    public static RouteGroupBuilder MapPersonApi(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People");
        people.MapGet("/", (string? q, string? tag, string? area, bool? includeInactive, int? page, int? pageSize, [AsParameters] PeopleListParameters list,
                PersonSearch search, TimeProvider clock, CancellationToken ct) =>
                search.SearchAsync(q, includeInactive ?? false, PageRequest.Of(page, pageSize), ct, tag, area, list.ToFilter(clock.Today())))
            .WithSummary("Finds people by name, pinyin, ID number or its last 4–6 characters, phone or address; numbers masked; area= limits it to an area "
                + "or grid code; narrowed by status, sex, age (ageFrom, ageTo) and the period they left (left: week, month, quarter, year, or leftFrom/leftTo); "
                + "sort: Name (pinyin), Oldest, Youngest, RecentlyLeft");
        people.MapGet("/export", Export).WithSummary("The filtered list as an Excel file; masked unless full=true for an entitled role; recorded");
        people.MapGet("/{id:int}", (int id, PersonRegistry registry, CancellationToken ct) => registry.GetAsync(id, ct))
            .WithSummary("A person's record, numbers masked; the view is recorded");
        people.MapPut("/{id:int}", (int id, PersonUpdate body, PersonRegistry registry, CancellationToken ct) => registry.UpdateAsync(id, body, ct))
            .WithSummary("Edits a person; send the version you read, a newer one answers 409");
        people.MapPost("/{id:int}/move", (int id, MovePersonRequest body, PersonRegistry registry, CancellationToken ct) =>
            registry.MoveAsync(id, body.HouseholdId, ct)).WithSummary("Moves a person to another household");
        people.MapPost("/{id:int}/deregister", (int id, DeregisterRequest body, PersonRegistry registry, CancellationToken ct) =>
            registry.DeregisterAsync(id, body.Reason, body.On, ct, body.Destination))
            .WithSummary("Records a person as moved away (with where to, if known) or deceased; nothing is deleted");
        people.MapPost("/{id:int}/reinstate", (int id, PersonRegistry registry, CancellationToken ct) => registry.ReinstateAsync(id, ct))
            .WithSummary("Undoes a deregistration: the person is back on the register in their household (which must be open; a head only where it has none)");
        people.MapPost("/{id:int}/reveal", async (int id, RevealRequest body, PersonRegistry registry, CancellationToken ct) =>
            new RevealedValue(body.Field.ToString(), await registry.RevealAsync(id, body.Field, ct)))
            .WithSummary("The full ID number or phone, for entitled roles; every reveal is recorded");
        people.MapGet("/{id:int}/history", (int id, int? page, int? pageSize, PersonRegistry registry, CancellationToken ct) =>
            registry.TimelineAsync(id, PageRequest.Of(page, pageSize), ct)).WithSummary("Every change to a person, who and when");

        people.MapGet("/{id:int}/tags", (int id, PersonTags tags, CancellationToken ct) => tags.OfPersonAsync(id, ct))
            .WithSummary("A person's tags, past and present, with the derived ones");
        people.MapPost("/{id:int}/tags", async Task<Created<PersonTagView>> (int id, AttachTag body, PersonTags tags, CancellationToken ct) =>
        {
            var attached = await tags.AttachAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/people/{id}/tags", attached);
        }).WithSummary("Tags a person from a date (and to a date, for tags with a validity period)");
        people.MapPost("/{id:int}/tags/{tagId:int}/end", async Task<NoContent> (int id, int tagId, PersonTags tags, CancellationToken ct) =>
        {
            await tags.EndAsync(id, tagId, ct);
            return TypedResults.NoContent();
        }).WithSummary("Ends a tag today; the record stays");
        api.MapGet("/tags", (PersonTags tags, CancellationToken ct) => tags.CatalogueAsync(ct)).WithTags("People")
            .WithSummary("The tag catalogue (sensitive tags only for entitled roles)");
        api.MapPost("/tags", async Task<Created<TagView>> (TagView body, PersonTags tags, CancellationToken ct) =>
        {
            var tag = await tags.DefineAsync(body, ct);
            return TypedResults.Created($"/api/v1/tags/{tag.Code}", tag);
        }).WithTags("People").WithSummary("Adds a tag to the catalogue");

        api.MapPost("/households/{id:int}/members", async Task<Results<Created<PersonView>, Accepted<Registration>>> (
            int id, PersonInput body, PersonRegistry registry, CancellationToken ct) =>
        {
            var result = await registry.RegisterAsync(id, body, ct);
            return result.Person is { } person
                ? TypedResults.Created($"/api/v1/people/{person.Id}", person)
                : TypedResults.Accepted(result.ReviewId is { } review ? $"/api/v1/duplicate-reviews?review={review}" : "/api/v1/duplicate-reviews", result);
        }).WithTags("People").WithSummary("Registers a person in a household; a known ID number goes to the duplicate review queue (202)");

        var reviews = api.MapGroup("/duplicate-reviews").WithTags("People");
        reviews.MapGet("/", (bool? pendingOnly, int? page, int? pageSize, DuplicateReviews queue, CancellationToken ct) =>
            queue.ListAsync(pendingOnly ?? true, PageRequest.Of(page, pageSize), ct)).WithSummary("Registrations waiting on a duplicate ID number");
        reviews.MapPost("/{id:int}/decide", (int id, DecideRequest body, DuplicateReviews queue, CancellationToken ct) =>
            queue.DecideAsync(id, body.Decision, ct)).WithSummary("Merge into the existing person, or keep apart as a second record");

        api.MapGet("/access-log", (int? personId, string? userName, int? page, int? pageSize, AccessLog log, CancellationToken ct) =>
                log.ListAsync(personId, userName, PageRequest.Of(page, pageSize), ct))
            .WithTags("People").WithSummary("For auditors: who viewed or revealed whose record");
        return api;
    }
}
