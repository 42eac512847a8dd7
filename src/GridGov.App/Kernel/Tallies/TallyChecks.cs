using GridGov.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GridGov.Kernel.Tallies;

public sealed record TallyCheckReport(IReadOnlyList<string> Tallies, IReadOnlyList<TallyDifference> Differences)
{
    public bool Agree => Differences.Count == 0;
}

/// <summary>Runs every module's <see cref="ITallyCheck"/>: what operators run after a restore, and what the tests run after every write path.</summary>
public sealed class TallyChecks(IEnumerable<ITallyCheck> checks, CurrentUser user)
{
    public const int ListedDifferences = 200;

    public async Task<TallyCheckReport> RunAsync(CancellationToken ct)
    {
        user.Require(PlatformPermissions.SystemSettings);
        var differences = new List<TallyDifference>();
        foreach (var check in checks) differences.AddRange(await check.DifferencesAsync(ct));
        return new TallyCheckReport(checks.Select(c => c.Tally).ToList(), differences.Take(ListedDifferences).ToList());
    }
}

public static class TallyCheckEndpoints
{
    public static RouteGroupBuilder MapTallyChecks(this RouteGroupBuilder api)
    {
        api.MapGet("/tallies/check", (TallyChecks checks, CancellationToken ct) => checks.RunAsync(ct)).WithTags("Figures")
            .WithSummary("For administrators: compares every kept tally with a recount of its rows and lists where they differ");
        return api;
    }
}
