using System.Net;
using System.Net.Http.Json;
using GridGov.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests.Security;

/// <summary>Password guessing is slowed: past the limit a sign-in answers 429 with Retry-After, and the refusal is recorded.</summary>
public abstract class SignInLimitTests(GridGovApp app)
{
    [Fact]
    public async Task Attempts_past_the_limit_answer_429_with_retry_after_whatever_the_user_name()
    {
        var client = app.Anonymous();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
            answers.Add(await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = $"guess{i}", password = "Guess#2026-Lan" }));
        Assert.All(answers.Take(5), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var limited = answers[^1];
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);

        // The sign-in form says so in words and keeps the user on the form.
        var form = await new Browser(app).SubmitAsync("/account/login", "/account/login",
            new Dictionary<string, string> { ["Input.UserName"] = "county", ["Input.Password"] = GridGovApp.Password }, handler: "login");
        Assert.Equal("/account/login?limited=1", form.Headers.Location?.ToString());

        // The limit is spent for this host, so the log is read in the database rather than through a sign-in.
        var recorded = await app.AsSystemAsync(db => db.Set<GridGov.Modules.Accounts.Domain.SignInEvent>()
            .CountAsync(e => e.Outcome == GridGov.Modules.Accounts.Domain.SignInOutcomeKind.RateLimited));
        Assert.True(recorded >= 4, $"{recorded} refusals recorded");
    }
}

[Collection(LimitedSqliteCollection.Name)]
public sealed class SignInLimitOnSqlite(LimitedSqliteApp app) : SignInLimitTests(app);

[Collection(LimitedPostgresCollection.Name)]
public sealed class SignInLimitOnPostgres(LimitedPostgresApp app) : SignInLimitTests(app);
