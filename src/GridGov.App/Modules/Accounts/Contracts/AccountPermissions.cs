using GridGov.Kernel.Security;

namespace GridGov.Modules.Accounts.Contracts;

public static class AccountPermissions
{
    public static readonly Permission UsersView = new("UsersView");
    public static readonly Permission UsersManage = new("UsersManage");
}
