using System.Reflection;
using GridGov.Kernel.Security;

namespace GridGov.Kernel.Modules;

/// <summary>
/// Every module of the application, found by reflection: the Kernel names none of them. The host
/// composes them; <see cref="Roles"/> reads their grants and the shell their navigation.
/// </summary>
public static class ModuleCatalog
{
    private static readonly Lazy<IReadOnlyList<IGridGovModule>> Discovered = new(() =>
        typeof(ModuleCatalog).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IGridGovModule).IsAssignableFrom(t))
            .Select(t => (IGridGovModule)Activator.CreateInstance(t)!)
            .OrderBy(m => m.Order).ThenBy(m => m.GetType().Name)
            .ToList());

    public static IReadOnlyList<IGridGovModule> All => Discovered.Value;

    public static string NameOf(IGridGovModule module) => module.GetType().Name.Replace("Module", "");

    private static readonly Lazy<IReadOnlyList<PermissionGrant>> AllGrants = new(() =>
        [.. PlatformPermissions.Grants, .. All.SelectMany(m => m.Grants)]);

    public static IReadOnlyList<PermissionGrant> Grants => AllGrants.Value;

    /// <summary>The platform's own pages: settings every module relies on.</summary>
    private static readonly NavEntry[] PlatformNavigation =
        [new("/admin/calendar", "Nav.Calendar", u => u.Has(PlatformPermissions.SystemSettings), 70)];

    private static readonly Lazy<IReadOnlyList<NavEntry>> AllNavigation = new(() =>
        All.SelectMany(m => m.Navigation).Concat(PlatformNavigation).OrderBy(n => n.Order).ToList());

    public static IReadOnlyList<NavEntry> Navigation => AllNavigation.Value;

    private static readonly Lazy<IReadOnlyList<Landing>> AllLandings = new(() => All.SelectMany(m => m.Landings).OrderBy(l => l.Order).ToList());
    private static readonly Lazy<IReadOnlyList<HomePanel>> AllPanels = new(() => All.SelectMany(m => m.HomePanels).OrderBy(p => p.Order).ToList());

    /// <summary>The start page of a user whose work is elsewhere than the home panels, or null.</summary>
    public static string? LandingOf(CurrentUser user) => AllLandings.Value.FirstOrDefault(l => l.Fits(user))?.Href;

    public static IReadOnlyList<HomePanel> HomePanelsOf(CurrentUser user) => AllPanels.Value.Where(p => p.Fits(user)).ToList();

    private static readonly Lazy<IReadOnlyList<SlotPanel>> AllSlotPanels = new(() => All.SelectMany(m => m.SlotPanels).OrderBy(p => p.Order).ToList());

    /// <summary>The panels other modules lend to a page's slot, those that fit the user, in order.</summary>
    public static IReadOnlyList<SlotPanel> SlotPanelsOf(string slot, CurrentUser user) =>
        AllSlotPanels.Value.Where(p => p.Slot == slot && p.Fits(user)).ToList();
}
