namespace GridGov.Kernel.Security;

/// <summary>The roles a county works with, what each may do and which roles each may grant.</summary>
public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string CountyCentre = "CountyCentre";
    public const string TownshipStaff = "TownshipStaff";
    public const string CommunityStaff = "CommunityStaff";
    public const string GridWorker = "GridWorker";
    public const string DepartmentHandler = "DepartmentHandler";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All =
        [SystemAdmin, CountyCentre, TownshipStaff, CommunityStaff, GridWorker, DepartmentHandler, Auditor];

    private static readonly Permission[] Staff =
    [
        Permission.TerritoryView, Permission.TerritoryManage, Permission.CoverageView, Permission.PeopleView,
        Permission.PeopleManage, Permission.PeopleReveal, Permission.SensitiveTags, Permission.UsersView, Permission.UsersManage,
    ];

    private static readonly Dictionary<string, Permission[]> PermissionsByRole = new()
    {
        [SystemAdmin] = Enum.GetValues<Permission>(),
        [CountyCentre] = [.. Staff, Permission.TagCatalogue],
        [TownshipStaff] = Staff,
        [CommunityStaff] = Staff,
        // Grid workers keep the ledger of their own grid up to date and contact the people on it.
        [GridWorker] = [Permission.TerritoryView, Permission.PeopleView, Permission.PeopleManage, Permission.PeopleReveal],
        [DepartmentHandler] = [Permission.TerritoryView],
        [Auditor] = [Permission.TerritoryView, Permission.CoverageView, Permission.PeopleView, Permission.UsersView, Permission.AuditView],
    };

    private static readonly Dictionary<string, string[]> GrantableByRole = new()
    {
        [SystemAdmin] = [.. All],
        [CountyCentre] = [CountyCentre, TownshipStaff, CommunityStaff, GridWorker, DepartmentHandler, Auditor],
        [TownshipStaff] = [TownshipStaff, CommunityStaff, GridWorker],
        [CommunityStaff] = [CommunityStaff, GridWorker],
    };

    public static bool IsKnown(string role) => PermissionsByRole.ContainsKey(role);

    public static IEnumerable<Permission> PermissionsOf(IEnumerable<string> roles) =>
        roles.SelectMany(r => PermissionsByRole.GetValueOrDefault(r, [])).Distinct();

    public static IEnumerable<string> GrantableBy(IEnumerable<string> roles) =>
        roles.SelectMany(r => GrantableByRole.GetValueOrDefault(r, [])).Distinct();
}
