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
    /// <summary>安全管理员: accounts, roles and security policies, and nothing else.</summary>
    public const string SecurityAdmin = "SecurityAdmin";
    /// <summary>审计管理员: reads every audit record and verifies their chain, and changes nothing.</summary>
    public const string AuditAdmin = "AuditAdmin";

    public static readonly IReadOnlyList<string> All =
        [SystemAdmin, SecurityAdmin, AuditAdmin, CountyCentre, TownshipStaff, CommunityStaff, GridWorker, DepartmentHandler, Auditor];

    /// <summary>
    /// The three powers kept apart (三权分立): running the system, administering its accounts, and
    /// auditing both. No account holds two of them, so none can act and erase the trace of it.
    /// </summary>
    public static readonly IReadOnlyList<string> SeparatedDuties = [SystemAdmin, SecurityAdmin, AuditAdmin];

    public static bool BreaksSeparation(IEnumerable<string> roles) => roles.Distinct().Count(SeparatedDuties.Contains) > 1;

    private static readonly Permission[] Staff =
    [
        Permission.TerritoryView, Permission.TerritoryManage, Permission.CoverageView, Permission.PeopleView,
        Permission.PeopleManage, Permission.PeopleReveal, Permission.SensitiveTags, Permission.UsersView, Permission.UsersManage,
    ];

    /// <summary>A command centre at its level (县、乡、社区): takes in reports and dispatches them.</summary>
    private static readonly Permission[] Centre = [Permission.IncidentView, Permission.IncidentReport, Permission.IncidentDispatch];

    private static readonly Dictionary<string, Permission[]> PermissionsByRole = new()
    {
        // Everything but accounts and audit, which belong to the other two powers.
        [SystemAdmin] = Enum.GetValues<Permission>()
            .Except([Permission.UsersView, Permission.UsersManage, Permission.AuditView, Permission.AuditVerify]).ToArray(),
        [SecurityAdmin] = [Permission.TerritoryView, Permission.UsersView, Permission.UsersManage],
        [AuditAdmin] = [Permission.TerritoryView, Permission.UsersView, Permission.AuditView, Permission.AuditVerify],
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
        [SecurityAdmin] = [.. All],
        [CountyCentre] = [CountyCentre, TownshipStaff, CommunityStaff, GridWorker, DepartmentHandler, Auditor],
        [TownshipStaff] = [TownshipStaff, CommunityStaff, GridWorker],
        [CommunityStaff] = [CommunityStaff, GridWorker],
    };

    /// <summary>The account a production deployment starts with: it creates the others.</summary>
    public const string FirstAccountRole = SecurityAdmin;

    public static bool IsKnown(string role) => PermissionsByRole.ContainsKey(role);

    public static IEnumerable<Permission> PermissionsOf(IEnumerable<string> roles) =>
        roles.SelectMany(r => PermissionsByRole.GetValueOrDefault(r, [])).Distinct();

    public static IEnumerable<string> GrantableBy(IEnumerable<string> roles) =>
        roles.SelectMany(r => GrantableByRole.GetValueOrDefault(r, [])).Distinct();
}
