using GridGov.Kernel.Paging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GridGov.Kernel.Notices;

public static class NoticeEndpoints
{
    public static RouteGroupBuilder MapNotices(this RouteGroupBuilder api)
    {
        var notices = api.MapGroup("/notices").WithTags("Notices");
        notices.MapGet("", (int? page, int? pageSize, bool? unread, NoticeBoard board, CancellationToken ct) =>
                board.InboxAsync(PageRequest.Of(page, pageSize), unread ?? false, ct))
            .WithSummary("The caller's inbox: notices to any audience they answer to, newest first");
        notices.MapGet("/unread-count", async (NoticeBoard board, CancellationToken ct) => TypedResults.Ok(new { unread = await board.UnreadCountAsync(ct) }))
            .WithSummary("How many of the caller's notices are unread");
        notices.MapPost("/{id:long}/read", async (long id, NoticeBoard board, CancellationToken ct) =>
            {
                await board.MarkReadAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Marks one notice read");
        notices.MapPost("/read-all", async (NoticeBoard board, CancellationToken ct) => TypedResults.Ok(new { marked = await board.MarkAllReadAsync(ct) }))
            .WithSummary("Marks every unread notice of the caller read");
        return api;
    }
}
