namespace GridGov.Kernel.Security;

public enum Permission
{
    TerritoryView,
    TerritoryManage,
    CoverageView,
    PeopleView,
    UsersView,
    UsersManage,
    AuditView,
    SystemSettings,
}
