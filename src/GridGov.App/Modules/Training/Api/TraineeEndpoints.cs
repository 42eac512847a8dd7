using GridGov.Modules.Training.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace GridGov.Modules.Training.Api;

/// <summary>What a trainee does without an account: ask for a claim code, claim, and look at their voucher with the pass the claim gave.</summary>
public static class TraineeEndpoints
{
    public const string PassHeader = "X-Trainee-Pass";

    public static RouteGroupBuilder MapTraineeApi(this RouteGroupBuilder api)
    {
        var trainee = api.MapGroup("/public").WithTags("Training vouchers: trainees").AllowAnonymous();
        trainee.MapPost("/voucher-claims/code", async (AskClaimCode body, VoucherClaims claims, CancellationToken ct) =>
            {
                await claims.AskCodeAsync(body, ct);
                return TypedResults.Accepted((string?)null, new { sent = "if_the_details_match" });
            })
            .WithSummary("Texts a claim code to the phone the ledger holds for the voucher's holder, when the code and ID number match; answers the same either way");
        trainee.MapPost("/voucher-claims", (ClaimVoucher body, VoucherClaims claims, CancellationToken ct) => claims.ClaimAsync(body, ct))
            .WithSummary("Claims the voucher with the texted code; answers a pass for later looks (header " + PassHeader + "); a retry with the same clientKey answers the same");
        trainee.MapGet("/vouchers/mine", ([FromHeader(Name = PassHeader)] string? pass, VoucherClaims claims, CancellationToken ct) => claims.MineAsync(pass, ct))
            .WithMetadata(new Kernel.Hosting.ChecksCredentialsItselfAttribute())
            .WithSummary("The holder's voucher: state, balance, until when, the class it bought and the certificate won");
        return api;
    }
}
