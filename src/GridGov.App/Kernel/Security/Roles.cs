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

    /// <summary>A command centre at its level (县、乡、社区): takes in reports and dispatches them.</summary>
    private static readonly Permission[] Centre = [Permission.IncidentView, Permission.IncidentReport, Permission.IncidentDispatch];

    private static readonly Dictionary<string, Permission[]> PermissionsByRole = new()
    {
        [SystemAdmin] = Enum.GetValues<Permission>(),
        [CountyCentre] = [.. Staff, .. Centre, Permission.IncidentConfigure],
        [TownshipStaff] = [.. Staff, .. Centre],
        [CommunityStaff] = [.. Staff, .. Centre],
        // Grid workers keep the ledger of their own grid up to date and contact the people on it;
        // they report what they find and verify on site what departments have handled.
        [GridWorker] = [Permission.TerritoryView, Permission.PeopleView, Permission.PeopleManage, Permission.PeopleReveal,
            Permission.IncidentView, Permission.IncidentReport, Permission.IncidentVerify],
        [DepartmentHandler] = [Permission.TerritoryView, Permission.IncidentHandle],
        [Auditor] = [Permission.TerritoryView, Permission.CoverageView, Permission.PeopleView, Permission.UsersView, Permission.AuditView,
            Permission.IncidentView],
    };

    private static readonly Dictionary<string, string[]> GrantableByRole = new()
    {
        [SystemAdmin] = [.. All],
        [CountyCentre] = [CountyCentre, TownshipStaff, CommunityStaff, GridWorker, DepartmentHandler, Auditor],
        [TownshipStaff] = [TownshipStaff, CommunityStaff, GridWorker],
        [CommunityStaff] = [CommunityStaff, GridWorker],
    };

    /// <summary>The account a production deployment starts with: it creates the others.</summary>
    public const string FirstAccountRole = SystemAdmin;

    public static bool IsKnown(string role) => PermissionsByRole.ContainsKey(role);

    public static IEnumerable<Permission> PermissionsOf(IEnumerable<string> roles) =>
        roles.SelectMany(r => PermissionsByRole.GetValueOrDefault(r, [])).Distinct();

    public static IEnumerable<string> GrantableBy(IEnumerable<string> roles) =>
        roles.SelectMany(r => GrantableByRole.GetValueOrDefault(r, [])).Distinct();
}
