using GridGov.Modules.Audit.Application;
using GridGov.Data;
using GridGov.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GridGov.Modules.Audit.Api;

public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/chain", (AuditChain chain, CurrentUser user, CancellationToken ct) => chain.VerifyForAsync(user, ct))
            .WithTags("Audit").WithSummary("For audit administrators: recomputes the hash chain of every audit trail and names the first broken link");
        return api;
    }
}
