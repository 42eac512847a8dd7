using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;
using GridGov.Modules.Targets.Contracts;
using GridGov.Modules.Targets.Domain;
using GridGov.Modules.Territory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Targets.Application;

public sealed record ChangeCycle(string? AreaCode, DayOfWeek? WeekStartsOn, RoundingMode? Rounding, int? Decimals, string? Office);

public sealed record CycleView(string AreaCode, string Path, DayOfWeek WeekStartsOn, RoundingMode Rounding, int Decimals, string Office, bool Inherited);

/// <summary>An area's cycle settings: its own, or the nearest above it, or the defaults.</summary>
public sealed class CycleBook(GridGovDbContext db, CurrentUser user, ITerritoryDirectory territory, ITerritoryMap map)
{
    public const string DefaultOffice = "网格化服务管理中心";

    public async Task<CycleView> OfAsync(string path, string areaCode, CancellationToken ct)
    {
        // Those below an area see its settings (they are seen from below); the longest path that holds this one is the nearest.
        var all = await db.Set<CycleSettings>().AsNoTracking().Where(s => path.StartsWith(s.Path)).ToListAsync(ct);
        var nearest = all.OrderByDescending(s => s.Path.Length).FirstOrDefault();
        return nearest is null
            ? new CycleView(areaCode, path, DayOfWeek.Monday, RoundingMode.HalfUp, 2, DefaultOffice, true)
            : new CycleView(areaCode, path, nearest.WeekStartsOn, nearest.Rounding, nearest.Decimals, nearest.Office, nearest.Path != path);
    }

    public async Task<CycleView> ChangeAsync(ChangeCycle input, CancellationToken ct)
    {
        user.Require(TargetsPermissions.Manage);
        var (path, code) = await AreaAsync(input.AreaCode, ct);
        if (!user.CanCapture(path)) throw new NotFoundException("area_not_found", code);
        var settings = await db.Set<CycleSettings>().FirstOrDefaultAsync(s => s.Path == path, ct);
        if (settings is null) db.Add(settings = CycleSettings.For(path, code));
        settings.Change(input.WeekStartsOn ?? DayOfWeek.Monday, input.Rounding ?? RoundingMode.HalfUp, input.Decimals ?? 2, input.Office ?? "");
        await db.SaveChangesAsync(ct);
        return await OfAsync(path, code, ct);
    }

    public async Task<CycleView> GetAsync(string? areaCode, CancellationToken ct)
    {
        user.Require(TargetsPermissions.View);
        var (path, code) = await AreaAsync(areaCode, ct);
        return await OfAsync(path, code, ct);
    }

    /// <summary>The name of an area, or its code when it has none in view.</summary>
    internal async Task<string> NameAsync(string path, string code, CancellationToken ct) =>
        (await map.NamesAsync([path], ct)).TryGetValue(path, out var n) ? n.Name : code;

    /// <summary>An area by code within the caller's view, or the caller's own.</summary>
    internal async Task<(string Path, string Code)> AreaAsync(string? areaCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(areaCode))
        {
            var own = user.CapturePath ?? throw new ValidationException("areaCode", "required");
            var codes = Kernel.Scoping.TreePath.Codes(own);
            return (own, codes.Length == 0 ? "" : codes[^1]);
        }
        var path = await territory.PathOfAsync(areaCode.Trim(), ct);
        if (path is null || !user.CanView(path)) throw new ValidationException("areaCode", "unknown_area");
        return (path, areaCode.Trim());
    }
}
