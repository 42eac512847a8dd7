using GridGov.Kernel.Security;

namespace GridGov.UnitTests;

/// <summary>The roles' permissions, as the modules' manifests grant them, written out once in full.</summary>
public class PermissionGrantTests
{
    private static readonly string[] CentreStaff =
        ["TerritoryView", "TerritoryManage", "CoverageView", "PeopleView", "PeopleManage", "PeopleReveal", "SensitiveTags",
         "UsersView", "UsersManage", "IncidentView", "IncidentReport", "IncidentDispatch", "CockpitView",
         "FieldView", "FieldRecord", "FieldPlan", "FieldReview", "TargetsView", "TargetsReport"];

    public static readonly TheoryData<string, string[]> Expected = new()
    {
        { Roles.SystemAdmin, ["TerritoryView", "TerritoryManage", "CoverageView", "PeopleView", "PeopleManage", "PeopleReveal", "SensitiveTags",
            "SystemSettings", "IncidentView", "IncidentReport", "IncidentDispatch", "IncidentHandle", "IncidentVerify", "IncidentConfigure", "SharedReferenceData", "CockpitView",
            "FieldView", "FieldRecord", "FieldPlan", "FieldReview", "TrainingView", "TargetsView"] },
        { Roles.SecurityAdmin, ["TerritoryView", "UsersView", "UsersManage"] },
        { Roles.AuditAdmin, ["TerritoryView", "UsersView", "AuditView", "AuditVerify"] },
        { Roles.CountyCentre, [.. CentreStaff, "IncidentConfigure", "TargetsManage", "TargetsApprove"] },
        { Roles.TownshipStaff, [.. CentreStaff, "TargetsManage", "TargetsApprove"] },
        { Roles.CommunityStaff, CentreStaff },
        { Roles.GridWorker, ["TerritoryView", "PeopleView", "PeopleManage", "PeopleReveal", "IncidentView", "IncidentReport", "IncidentVerify",
            "FieldView", "FieldRecord"] },
        { Roles.DepartmentHandler, ["TerritoryView", "IncidentHandle"] },
        { Roles.Auditor, ["TerritoryView", "CoverageView", "PeopleView", "UsersView", "AuditView", "IncidentView", "CockpitView", "FieldView", "TrainingView", "TargetsView"] },
        { Roles.HrBureau, ["TerritoryView", "TrainingView", "TrainingManage", "TrainingReview", "TargetsView", "TargetsReport"] },
        { Roles.TrainingProvider, ["TerritoryView", "TrainingProvide"] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_role_holds_exactly_what_the_manifests_grant(string role, string[] expected) =>
        Assert.Equal(expected.Order(), Roles.PermissionsOf([role]).Select(p => p.Name).Order());

    [Fact]
    public void Every_role_is_in_the_table_and_every_permission_is_held_by_someone()
    {
        Assert.Equal(Roles.All.Order(), Expected.Select(row => (string)row.Data.Item1).Order());
        Assert.All(Roles.Declared, p => Assert.Contains(Roles.All, r => Roles.PermissionsOf([r]).Contains(p)));
    }

    [Fact]
    public void An_open311_client_may_only_report_and_no_account_can_be_given_its_role()
    {
        Assert.Equal(["IncidentReport"], Roles.PermissionsOf([Roles.Open311Client]).Select(p => p.Name));
        Assert.False(Roles.IsKnown(Roles.Open311Client));
        Assert.DoesNotContain(Roles.Open311Client, Roles.GrantableBy(Roles.All));
    }

    [Fact]
    public void No_two_modules_declare_the_same_permission_name()
    {
        var names = GridGov.Kernel.Modules.ModuleCatalog.Grants.Select(g => g.Permission.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
    }
}
