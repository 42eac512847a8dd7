using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Security;
using GridGov.Modules.Accounts.Application;
using GridGov.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace GridGov.Modules.Accounts.Api;

/// <param name="Code">For accounts that sign in with a second factor: the authenticator app's code, or a recovery code.</param>
public sealed record TokenRequest(string UserName, string Password, string? Code = null);

public sealed record MeView(string UserName, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions, string? CaptureScope, string? ViewScope,
    bool MustChangePassword, bool MustEnrolSecondFactor);

public static class AccountEndpoints
{
    /// <summary>Issues a bearer token; the one API route open to anonymous callers.</summary>
    public static RouteGroupBuilder MapTokenApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", async Task<EmptyHttpResult> (TokenRequest body, SignIn signIn) =>
        {
            if (string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password)) throw new AppException(401, "invalid_credentials");
            var outcome = await signIn.PasswordAsync(body.UserName, body.Password, IdentityConstants.BearerScheme, code: body.Code);
            if (outcome == SignInOutcome.SecondFactorRequired) throw new AppException(401, "second_factor_required");
            if (outcome != SignInOutcome.Succeeded) throw new AppException(401, "invalid_credentials");
            // The bearer handler has written the token response.
            return TypedResults.Empty;
        }).AllowAnonymous().WithTags("Accounts").WithSummary("Exchanges a user name and password for a bearer token");
        return api;
    }

    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (CurrentUser me) => new MeView(me.UserName, me.Roles,
                Roles.Declared.Where(me.Has).Select(p => p.ToString()).ToList(), me.CapturePath, me.ViewPath, me.MustChangePassword, me.MustEnrolSecondFactor))
            .WithTags("Accounts").WithSummary("The signed-in user, their roles, permissions and scopes");
        api.MapPost("/auth/password", async Task<NoContent> (ChangePassword body, PasswordChanges passwords, CancellationToken ct) =>
        {
            await passwords.ChangeAsync(body, ct);
            return TypedResults.NoContent();
        }).WithTags("Accounts").WithSummary("Changes one's own password; the account's other sessions end");
        api.MapGet("/auth/mfa", (SecondFactor mfa) => mfa.SetupAsync())
            .WithTags("Accounts").WithSummary("The authenticator key to enter in an app (text, otpauth URI and QR code), and whether the second factor is on");
        api.MapPost("/auth/mfa", (EnableAuthenticator body, SecondFactor mfa) => mfa.EnableAsync(body))
            .WithTags("Accounts").WithSummary("Turns the second factor on with a code from the app; answers ten recovery codes, shown this once");
        api.MapPost("/auth/logout", async Task<NoContent> (CurrentUser me, Sessions sessions, CancellationToken ct) =>
        {
            await sessions.SignOutAsync(me, SessionKind.Api, ct);
            return TypedResults.NoContent();
        }).WithTags("Accounts").WithSummary("Ends the session of this bearer token on the server");
        api.MapGet("/sign-in-events", (string? userName, SignInOutcomeKind? outcome, int? page, int? pageSize, SignInLog log, CancellationToken ct) =>
                log.ListAsync(userName, outcome, PageRequest.Of(page, pageSize), ct))
            .WithTags("Accounts").WithSummary("For auditors: sign-ins, failures, lockouts and sign-outs of the accounts in scope");

        var users = api.MapGroup("/users").WithTags("Accounts");
        users.MapGet("/", (string? search, int? page, int? pageSize, UserAdministration admin, CancellationToken ct) =>
            admin.ListAsync(search, PageRequest.Of(page, pageSize), ct)).WithSummary("Accounts within the caller's view scope");
        users.MapGet("/{id}", (string id, UserAdministration admin, CancellationToken ct) => admin.GetAsync(id, ct));
        users.MapPost("/", async Task<Created<UserView>> (SaveUser body, UserAdministration admin, CancellationToken ct) =>
        {
            var created = await admin.CreateAsync(body, ct);
            return TypedResults.Created($"/api/v1/users/{created.Id}", created);
        }).WithSummary("Creates an account with roles and scopes the caller may grant");
        users.MapPut("/{id}", (string id, SaveUser body, UserAdministration admin, CancellationToken ct) => admin.UpdateAsync(id, body, ct))
            .WithSummary("Changes an account's name, roles, scopes, password or disabled state");
        users.MapPost("/{id}/unlock", async Task<NoContent> (string id, UserAdministration admin, CancellationToken ct) =>
        {
            await admin.UnlockAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Lifts a lockout");
        return api;
    }
}
