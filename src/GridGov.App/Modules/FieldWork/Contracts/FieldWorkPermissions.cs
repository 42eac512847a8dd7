using GridGov.Kernel.Security;

namespace GridGov.Modules.FieldWork.Contracts;

public static class FieldWorkPermissions
{
    /// <summary>See visit plans, visits, campaigns and their coverage, watches, services and rosters within the view scope.</summary>
    public static readonly Permission View = new("FieldView");
    /// <summary>Record visits, work campaign lists, do daily checks and services on one's own grid.</summary>
    public static readonly Permission Record = new("FieldRecord");
    /// <summary>Plan the work: visit plans and care, campaigns, home watches, rosters and notices.</summary>
    public static readonly Permission Plan = new("FieldPlan");
    /// <summary>Decide what a worker proposed: exclusions from a campaign, deregistrations after a visit, a campaign's tags.</summary>
    public static readonly Permission Review = new("FieldReview");
}
