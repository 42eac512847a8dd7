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
    /// <summary>人社局: runs programmes such as training vouchers: issues, reviews and pays.</summary>
    public const string HrBureau = "HrBureau";
    /// <summary>培训机构工作人员: works for one approved training provider and sees only its own.</summary>
    public const string TrainingProvider = "TrainingProvider";
    /// <summary>安全管理员: accounts, roles and security policies, and nothing else.</summary>
    public const string SecurityAdmin = "SecurityAdmin";
    /// <summary>审计管理员: reads every audit record and verifies their chain, and changes nothing.</summary>
    public const string AuditAdmin = "AuditAdmin";

    /// <summary>
    /// A named outside system (a civic app, a hotline's software) posting Open311 requests with its
    /// api_key. No account can hold it: it is not among <see cref="All"/>, so no one can grant it.
    /// </summary>
    public const string Open311Client = "Open311Client";

    /// <summary>
    /// A resident who proved who they are with their ID number and a code sent to their phone, to
    /// claim and see their own voucher. No account holds it: it lives in a short signed pass.
    /// </summary>
    public const string Trainee = "Trainee";

    public static readonly IReadOnlyList<string> All =
        [SystemAdmin, SecurityAdmin, AuditAdmin, CountyCentre, TownshipStaff, CommunityStaff, GridWorker, DepartmentHandler, Auditor, HrBureau,
         TrainingProvider];

    /// <summary>
    /// The three powers kept apart (三权分立): running the system, administering its accounts, and
    /// auditing both. No account holds two of them, so none can act and erase the trace of it.
    /// </summary>
    public static readonly IReadOnlyList<string> SeparatedDuties = [SystemAdmin, SecurityAdmin, AuditAdmin];

    public static bool BreaksSeparation(IEnumerable<string> roles) => roles.Distinct().Count(SeparatedDuties.Contains) > 1;

    private static readonly Dictionary<string, string[]> GrantableByRole = new()
    {
        [SecurityAdmin] = [.. All],
        [CountyCentre] = [CountyCentre, TownshipStaff, CommunityStaff, GridWorker, DepartmentHandler, Auditor],
        [TownshipStaff] = [TownshipStaff, CommunityStaff, GridWorker],
        [CommunityStaff] = [CommunityStaff, GridWorker],
    };

    /// <summary>The account a production deployment starts with: it creates the others.</summary>
    public const string FirstAccountRole = SecurityAdmin;

    public static bool IsKnown(string role) => All.Contains(role);

    /// <summary>What the roles may do, as the modules' manifests grant it.</summary>
    public static IEnumerable<Permission> PermissionsOf(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet();
        return Modules.ModuleCatalog.Grants.Where(g => g.Roles.Any(held.Contains)).Select(g => g.Permission).Distinct();
    }

    /// <summary>Every permission some module declares.</summary>
    public static IEnumerable<Permission> Declared => Modules.ModuleCatalog.Grants.Select(g => g.Permission).Distinct();

    /// <summary>The county's staff at every level (县、乡、社区), who keep its territory and ledger.</summary>
    public static readonly IReadOnlyList<string> CentreStaff = [CountyCentre, TownshipStaff, CommunityStaff];

    public static IEnumerable<string> GrantableBy(IEnumerable<string> roles) =>
        roles.SelectMany(r => GrantableByRole.GetValueOrDefault(r, [])).Distinct();
}
