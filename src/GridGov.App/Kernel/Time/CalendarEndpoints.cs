using GridGov.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GridGov.Kernel.Time;

/// <summary>The holiday calendar every module's working-day deadlines count by.</summary>
public static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendar(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Calendar");
        calendar.MapGet("/{year:int}", (int year, HolidayCalendar days, CancellationToken ct) => days.ListAsync(year, ct))
            .WithSummary("A year's public holidays and make-up working days, as working-time deadlines count them");
        calendar.MapPut("/days/{date}", (DateOnly date, CalendarDayChange body, HolidayCalendar days, CancellationToken ct) => days.SetAsync(date, body, ct))
            .WithSummary("For administrators: enters or changes a holiday or make-up working day; kept in history");
        calendar.MapDelete("/days/{date}", async (DateOnly date, HolidayCalendar days, CancellationToken ct) =>
            {
                await days.RemoveAsync(date, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("For administrators: removes a day entered by mistake");
        return api;
    }
}
