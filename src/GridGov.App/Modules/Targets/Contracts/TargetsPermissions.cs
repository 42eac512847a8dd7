using GridGov.Kernel.Security;

namespace GridGov.Modules.Targets.Contracts;

public static class TargetsPermissions
{
    /// <summary>See indicators, targets, pledges, reported figures and bulletins within the view scope (published bulletins from above too).</summary>
    public static readonly Permission View = new("TargetsView");
    /// <summary>Define indicators, set and split targets, draw up and sign pledges, compile bulletins.</summary>
    public static readonly Permission Manage = new("TargetsManage");
    /// <summary>Report a unit's figure by hand, with its source.</summary>
    public static readonly Permission Report = new("TargetsReport");
    /// <summary>Approve reported figures, target revisions and bulletins, and publish bulletins; never one's own figure or revision.</summary>
    public static readonly Permission Approve = new("TargetsApprove");
}
