using GridGov.Modules.Audit.Contracts;
using GridGov.Kernel.Paging;
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
        api.MapGet("/exports", (int? page, int? pageSize, CurrentUser user, Kernel.Documents.ExportLog exports, CancellationToken ct) =>
            {
                user.Require(AuditPermissions.View);
                return exports.ListAsync(PageRequest.Of(page, pageSize), ct);
            })
            .WithTags("Audit").WithSummary("For auditors: every export of any module, what, who, which filter, how many rows");
        api.MapGet("/audit/chain", (AuditChain chain, CurrentUser user, CancellationToken ct) => chain.VerifyForAsync(user, ct))
            .WithTags("Audit").WithSummary("For audit administrators: recomputes the hash chain of every audit trail and names the first broken link");
        return api;
    }
}
