using GridGov.Kernel.Security;

namespace GridGov.Modules.Cockpit.Contracts;

public static class CockpitPermissions
{
    /// <summary>Read the cockpit (驾驶舱) of one's view: trends, rankings, late and escalated incidents, the map.</summary>
    public static readonly Permission View = new("CockpitView");
}
