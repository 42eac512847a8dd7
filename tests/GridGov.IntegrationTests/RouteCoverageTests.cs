using System.Text.RegularExpressions;
using GridGov.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.IntegrationTests;

/// <summary>
/// Every route the app maps has a row in an access matrix, or a named test that covers it: a new route without one fails here.
/// It reads the app's routing table, which is the same on either provider, so it runs once.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed partial class RouteCoverageTests(SqliteApp app)
{
    private static readonly AccessMatrixTests.Target SampleTarget = new("14112710000130001", "", "", "14112710000120001", 1, "14112710000130001", 1, 1, 0);

    private static IEnumerable<(string Method, string Path)> Requested() =>
        AccessMatrixTests.Endpoints.Select(e => (e.Method.Method, e.Url(SampleTarget)))
            .Concat(RouteMatrixTests.Rows.Select(r => (r.Method.Method, r.Url(new RouteMatrixTests.Context(1, "")))))
            .Select(r => (r.Item1, r.Item2.Split('?')[0]));

    [Fact]
    public void Every_api_route_is_in_an_access_matrix()
    {
        app.SkipIfUnavailable();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // Pages are components that call the same services: the matrix is for routes that answer data.
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is null)
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/v1") || raw.StartsWith("/open311") || raw.StartsWith("/people/")
                || raw.StartsWith("/incidents/") || raw.StartsWith("/account/logout")))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .Distinct().ToList();
        Assert.True(routes.Count > 80, $"only {routes.Count} routes found");
        var requested = Requested().ToList();
        var uncovered = routes.Where(r => !RouteMatrixTests.CoveredElsewhere.ContainsKey($"{r.Method} {r.Pattern}")
                && !requested.Any(q => q.Method == r.Method && Matcher(r.Pattern).IsMatch(q.Path)))
            .Select(r => $"{r.Method} {r.Pattern}").ToList();
        Assert.True(uncovered.Count == 0, "routes without a matrix row:\n" + string.Join("\n", uncovered));
    }

    /// <summary>A route pattern as a regular expression: a parameter stands for one path segment, digits only where constrained to a number.</summary>
    private static Regex Matcher(string pattern) =>
        new("^" + Parameter().Replace(Regex.Escape(pattern.TrimEnd('/')).Replace(@"\{", "{"),
            m => m.Groups["constraint"].Value is "int" or "long" ? @"\d+" : "[^/]+") + "/?$");

    [GeneratedRegex(@"\{(?<name>[a-zA-Z]+)(:(?<constraint>[a-z]+))?}")]
    private static partial Regex Parameter();
}
