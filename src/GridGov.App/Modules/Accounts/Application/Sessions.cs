using GridGov.Kernel.Security;
using GridGov.Data;
using GridGov.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.Accounts.Application;

/// <summary>Opens sessions at sign-in and ends them: one, at sign-out, or all of an account's, when its access changes.</summary>
public sealed class Sessions(GridGovDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>The claim that ties a cookie or a bearer token to its session.</summary>
    public const string Claim = "gg_sid";

    public string? ClientAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public UserSession Start(AppUser user, SessionKind kind)
    {
        var session = UserSession.Start(user.Id, kind, clock.GetUtcNow().UtcDateTime, ClientAddress);
        db.Add(session);
        return session;
    }

    public async Task EndAsync(string sessionId, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<UserSession>().Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), ct);
    }

    /// <summary>Ends every open session of an account but <paramref name="keep"/>; answers how many ended.</summary>
    public async Task<int> EndAllAsync(string userId, string reason, CancellationToken ct, string? keep = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<UserSession>().Where(s => s.UserId == userId && s.EndedAt == null && s.Id != keep)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), ct);
    }

    /// <summary>Ends the caller's own session on the server, so no copy of its cookie or token opens anything again.</summary>
    public async Task SignOutAsync(Kernel.Security.CurrentUser me, SessionKind channel, CancellationToken ct)
    {
        if (me.SessionId is not { } sid) return;
        await EndAsync(sid, "signed_out", ct);
        var user = await db.Users.FindAsync([me.UserId], ct);
        Record(me.UserName, user, SignInOutcomeKind.SignedOut, channel);
        await db.SaveChangesAsync(ct);
    }

    public void Record(string userName, AppUser? user, SignInOutcomeKind outcome, SessionKind channel, string? by = null) =>
        db.Add(SignInEvent.Record(userName, user, outcome, channel, ClientAddress, clock.GetUtcNow().UtcDateTime, by));
}
