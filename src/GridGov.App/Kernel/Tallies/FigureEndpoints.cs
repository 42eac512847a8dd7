using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GridGov.Kernel.Tallies;

public static class FigureEndpoints
{
    public static RouteGroupBuilder MapFigures(this RouteGroupBuilder api)
    {
        var figures = api.MapGroup("/figures").WithTags("Figures");
        figures.MapGet("", (FigureBoard board) => TypedResults.Ok(board.Catalogue()))
            .WithSummary("Every figure the caller may read, of any module: key, label, kind, whether a period cuts it, the list it counts");
        figures.MapGet("/values", (string[]? key, string? area, DateOnly? from, DateOnly? to, FigureBoard board, CancellationToken ct) =>
                board.ReadAsync(key ?? [], area, from, to, ct))
            .WithSummary("The values of the figures named by key (repeat key=…) for an area (default: the caller's scope) and a period of local dates");
        return api;
    }
}
