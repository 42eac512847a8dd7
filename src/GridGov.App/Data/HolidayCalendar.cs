using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using GridGov.Kernel.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GridGov.Data;

public sealed record CalendarDayView(DateOnly Date, DayKind Kind, string Name);

public sealed record CalendarDayChange(DayKind Kind, string Name);

/// <summary>
/// The public holidays and make-up working days that working-time deadlines count with. 2026 is
/// seeded as published; each later year is entered by an administrator once the State Council
/// publishes it. Every change is kept in history. Any module's deadlines count with
/// <see cref="CalendarAsync"/>, which each process keeps for a minute and drops at once when it changes it.
/// </summary>
public sealed class HolidayCalendar(GridGovDbContext db, CurrentUser user, IMemoryCache cache)
{
    private const string CacheKey = "kernel.calendar";

    public async Task<WorkCalendar> CalendarAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return new WorkCalendar(await db.Set<CalendarDay>().AsNoTracking().ToListAsync(ct));
        }))!;

    /// <summary>Seeds the State Council's published years the product ships with, on a database that has none.</summary>
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<CalendarDay>().AnyAsync(ct)) return;
        db.AddRange(PublishedHolidays.Year2026());
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<CalendarDayView>> ListAsync(int year, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date)
            .Select(d => new CalendarDayView(d.Date, d.Kind, d.Name)).ToListAsync(ct);
    }

    public async Task<CalendarDayView> SetAsync(DateOnly date, CalendarDayChange change, CancellationToken ct)
    {
        user.Require(PlatformPermissions.SystemSettings);
        if (change.Kind == DayKind.Workday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            throw new ValidationException("kind", "workday_on_weekday");
        var day = await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.Date == date, ct);
        if (day is null) db.Add(day = CalendarDay.Create(date, change.Kind, change.Name));
        else day.Change(change.Kind, change.Name);
        await db.SaveChangesAsync(ct);
        cache.Remove(CacheKey);
        return new CalendarDayView(day.Date, day.Kind, day.Name);
    }

    public async Task RemoveAsync(DateOnly date, CancellationToken ct)
    {
        user.Require(PlatformPermissions.SystemSettings);
        var day = await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.Date == date, ct) ?? throw new NotFoundException("calendar_day_not_found", date);
        db.Remove(day);
        await db.SaveChangesAsync(ct);
        cache.Remove(CacheKey);
    }
}
