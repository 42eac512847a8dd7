using GridGov.Kernel.Security;

namespace GridGov.Modules.Territory.Contracts;

public static class TerritoryPermissions
{
    public static readonly Permission View = new("TerritoryView");
    /// <summary>Create, split, merge, move and staff grids.</summary>
    public static readonly Permission Manage = new("TerritoryManage");
    public static readonly Permission CoverageView = new("CoverageView");
}
