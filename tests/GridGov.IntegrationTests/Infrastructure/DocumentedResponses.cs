using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GridGov.IntegrationTests.Infrastructure;

/// <summary>
/// What /openapi/v1.json says each operation answers, checked against what the access matrices
/// actually receive: an answer the document does not declare is a mismatch like a wrong status.
/// </summary>
public static partial class DocumentedResponses
{
    private sealed record Operation(string Method, Regex Path, HashSet<int> Statuses);

    private static readonly ConcurrentDictionary<GridGovApp, Task<List<Operation>>> Documents = new();

    private static Task<List<Operation>> OperationsAsync(GridGovApp app) => Documents.GetOrAdd(app, async a =>
    {
        var doc = await a.Anonymous().GetJsonAsync("/openapi/v1.json");
        var operations = new List<Operation>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject())
            {
                if (!op.Value.TryGetProperty("responses", out var responses)) continue;
                var statuses = responses.EnumerateObject().Select(r => int.TryParse(r.Name, out var s) ? s : 0).ToHashSet();
                operations.Add(new Operation(op.Name.ToUpperInvariant(), Matcher(path.Name), statuses));
            }
        return operations;
    });

    /// <summary>Null when the document declares the answer (or does not describe the route); otherwise why not.</summary>
    public static async Task<string?> MismatchAsync(GridGovApp app, HttpMethod method, string url, HttpStatusCode status)
    {
        var path = url.Split('?')[0];
        var operation = (await OperationsAsync(app)).FirstOrDefault(o => o.Method == method.Method && o.Path.IsMatch(path));
        if (operation is null) return path.StartsWith("/api/v1") || path.StartsWith("/open311") ? $"{method} {path} is not in the document" : null;
        return operation.Statuses.Contains((int)status) ? null
            : $"{method} {path} answered {(int)status}, which the document does not declare ({string.Join(", ", operation.Statuses.Order())})";
    }

    private static Regex Matcher(string template) =>
        new("^" + Parameter().Replace(Regex.Escape(template).Replace(@"\{", "{"), "[^/]+") + "/?$");

    [GeneratedRegex(@"\{[^}]+}")]
    private static partial Regex Parameter();
}
