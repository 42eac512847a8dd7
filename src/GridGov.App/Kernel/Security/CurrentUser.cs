using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Kernel.Security;

/// <summary>
/// Who is acting in this request and where. Filled once per request from the signed-in account;
/// the DbContext reads <see cref="ViewPath"/> for its query filters and <see cref="CapturePath"/>
/// for its save guard. A null path is an empty scope: it sees and changes nothing.
/// </summary>
public sealed class CurrentUser
{
    private HashSet<Permission> _permissions = [];

    public string? UserId { get; private set; }
    public string UserName { get; private set; } = "anonymous";
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public string? ViewPath { get; private set; }
    public string? CapturePath { get; private set; }
    /// <summary>The department a handler works for (应急局…), when they work for one.</summary>
    public string? DepartmentCode { get; private set; }
    public bool IsAuthenticated => UserId is not null;
    /// <summary>The session the request's cookie or token belongs to.</summary>
    public string? SessionId { get; private set; }
    /// <summary>An initial, reset or expired password: nothing but changing it is allowed.</summary>
    public bool MustChangePassword { get; private set; }
    /// <summary>A role that signs in with a second factor, on an account that has none yet: nothing but setting it up is allowed.</summary>
    public bool MustEnrolSecondFactor { get; private set; }

    public void SignIn(string userId, string userName, IReadOnlyList<string> roles, string? capturePath, string? viewPath,
        string? departmentCode = null, string? sessionId = null, bool mustChangePassword = false, bool mustEnrolSecondFactor = false)
    {
        MustEnrolSecondFactor = mustEnrolSecondFactor;
        SessionId = sessionId;
        MustChangePassword = mustChangePassword;
        DepartmentCode = departmentCode;
        UserId = userId;
        UserName = userName;
        Roles = roles;
        CapturePath = capturePath;
        ViewPath = viewPath ?? capturePath;
        _permissions = [.. Security.Roles.PermissionsOf(roles)];
    }

    /// <summary>Makes <paramref name="other"/> (a user of another scope) the same account, in the same session, as this one.</summary>
    public void CopyTo(CurrentUser other)
    {
        if (UserId is not { } id) return;
        other.SignIn(id, UserName, Roles, CapturePath, ViewPath, DepartmentCode, SessionId, MustChangePassword, MustEnrolSecondFactor);
    }

    /// <summary>Start-up work (migrations, seeding) acts for the system over the whole tree.</summary>
    public void ActAsSystem() => SignIn("system", "system", [Security.Roles.SystemAdmin], "", "");

    /// <summary>Background work and seeding act for the system over the whole tree.</summary>
    public static CurrentUser System()
    {
        var user = new CurrentUser();
        user.SignIn("system", "system", [Security.Roles.SystemAdmin], "", "");
        return user;
    }

    public bool Has(Permission permission) => _permissions.Contains(permission);

    public void Require(Permission permission)
    {
        if (!Has(permission)) throw new ForbiddenException("permission_denied");
    }

    public bool CanView(string path) => TreePath.IsWithin(path, ViewPath);

    public bool CanCapture(string path) => TreePath.IsWithin(path, CapturePath);
}
