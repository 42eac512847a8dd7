using Microsoft.AspNetCore.Identity;

namespace GridGov.Kernel.Security;

/// <summary>
/// An account. The capture scope is where the user may change data; the view scope, where they may
/// read it (the capture scope when not set). Each is stored as the node's code and its path.
/// </summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string? CaptureScopeCode { get; set; }
    public string? CaptureScopePath { get; set; }
    public string? ViewScopeCode { get; set; }
    public string? ViewScopePath { get; set; }
    public bool IsDisabled { get; set; }
    /// <summary>For department handlers: the department they work for.</summary>
    public string? DepartmentCode { get; set; }
    /// <summary>Set for an initial or reset password: nothing but changing it is allowed until it is changed.</summary>
    public bool MustChangePassword { get; set; }
    public DateTime? PasswordChangedAt { get; set; }
}
