using GridGov.Kernel.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using GridGov.Data;

namespace GridGov.Modules.Audit.Application;

/// <summary>Seals the audit trails every <c>Audit:SealSeconds</c> (60; 0 turns it off).</summary>
public sealed class AuditSealing(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<AuditSealing> log)
    : PeriodicSystemWork(scopes, config, clock, log, "Audit:SealSeconds", 60)
{
    protected override Task RunAsync(IServiceProvider services, DateTime now, CancellationToken ct) =>
        services.GetRequiredService<AuditChain>().SealAsync(ct);
}
