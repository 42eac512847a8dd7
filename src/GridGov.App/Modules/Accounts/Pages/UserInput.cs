using GridGov.Modules.Accounts.Application;
using Microsoft.AspNetCore.Http;

namespace GridGov.Modules.Accounts.Pages;

public sealed class UserInput
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public List<string> Roles { get; set; } = [];
    public string? CaptureScopeCode { get; set; }
    public string? ViewScopeCode { get; set; }
    public string? Password { get; set; }
    public bool IsDisabled { get; set; }

    /// <summary>Role check boxes share one name, so they are read from the posted form.</summary>
    public static List<string> RolesFrom(HttpContext? http) =>
        http?.Request.HasFormContentType == true ? http.Request.Form["roles"].Where(r => r is not null).Select(r => r!).ToList() : [];

    public SaveUser ToSave(List<string> roles) =>
        new((UserName ?? "").Trim(), (DisplayName ?? "").Trim(), roles, Trim(CaptureScopeCode), Trim(ViewScopeCode), Password, IsDisabled);

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
