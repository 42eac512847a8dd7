using GridGov.Kernel.Modules;
using GridGov.Kernel.Security;
using GridGov.Modules.Audit.Api;
using GridGov.Modules.Audit.Application;
using GridGov.Modules.Audit.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Modules.Audit;

/// <summary>The audit trails' hash chain, its sealing job and the auditors' pages.</summary>
public sealed class AuditModule : IGridGovModule
{
    public int Order => 40;

    public void AddServices(IServiceCollection services, ModuleHost host)
    {
        services.AddScoped<AuditChain>();
        services.AddHostedService<AuditSealing>();
    }

    public void MapApi(ApiGroups api) => api.Secured.MapAuditApi();

    /// <summary>The audit administrator's work is the audit records and their chain.</summary>
    public IEnumerable<Landing> Landings => [new("/audit/chain", u => u.Roles.Contains(Roles.AuditAdmin), 40)];

    public IEnumerable<NavEntry> Navigation =>
    [
        new("/audit/access", "Nav.Access", u => u.Has(AuditPermissions.View), 60),
        new("/audit/sign-ins", "Nav.SignIns", u => u.Has(AuditPermissions.View), 61),
        new("/audit/chain", "Nav.Chain", u => u.Has(AuditPermissions.Verify), 62),
    ];

    public IEnumerable<PermissionGrant> Grants =>
    [
        new(AuditPermissions.View, Roles.AuditAdmin, Roles.Auditor),
        new(AuditPermissions.Verify, Roles.AuditAdmin),
    ];
}
