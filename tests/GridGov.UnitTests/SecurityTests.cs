using GridGov.Modules.Accounts.Contracts;
using GridGov.Modules.Audit.Contracts;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.Territory.Contracts;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Security;

namespace GridGov.UnitTests;

public class SecurityTests
{
    [Fact]
    public void An_empty_scope_sees_and_changes_nothing()
    {
        var user = new CurrentUser();
        user.SignIn("u", "u", [Roles.CountyCentre], null, null);
        Assert.False(user.CanView("140000000000/"));
        Assert.False(user.CanCapture(""));
    }

    [Fact]
    public void View_scope_defaults_to_capture_scope()
    {
        var user = new CurrentUser();
        user.SignIn("u", "u", [Roles.CommunityStaff], "a/b/", null);
        Assert.Equal("a/b/", user.ViewPath);
        Assert.True(user.CanView("a/b/c/"));
        Assert.False(user.CanView("a/bc/"));
    }

    [Fact]
    public void Roles_carry_their_permissions()
    {
        var worker = new CurrentUser();
        worker.SignIn("w", "w", [Roles.GridWorker], "a/", null);
        Assert.True(worker.Has(PeoplePermissions.View));
        Assert.Equal("permission_denied", Assert.Throws<ForbiddenException>(() => worker.Require(TerritoryPermissions.Manage)).Code);

        var auditor = new CurrentUser();
        auditor.SignIn("a", "a", [Roles.Auditor], "a/", null);
        Assert.True(auditor.Has(AuditPermissions.View));
        Assert.False(auditor.Has(AccountPermissions.UsersManage));
        Assert.False(auditor.Has(TerritoryPermissions.Manage));
    }

    [Fact]
    public void Administrators_grant_only_roles_within_their_reach()
    {
        Assert.DoesNotContain(Roles.SystemAdmin, Roles.GrantableBy([Roles.CountyCentre]));
        Assert.Equal([Roles.CommunityStaff, Roles.GridWorker], Roles.GrantableBy([Roles.CommunityStaff]));
        Assert.Empty(Roles.GrantableBy([Roles.GridWorker]));
        Assert.Empty(Roles.GrantableBy([Roles.Auditor]));
        Assert.Equal(Roles.All.Count, Roles.GrantableBy([Roles.SecurityAdmin]).Count());
        Assert.Empty(Roles.GrantableBy([Roles.SystemAdmin]));
    }
}
