using GridGov.Kernel.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace GridGov.Kernel.Errors;

/// <summary>
/// The one place that turns failures into RFC 7807 problems: a stable <c>code</c>, a title and
/// detail in the request's language and, for validation, each offending field.
/// </summary>
public sealed class ProblemWriter(IStringLocalizer<Strings> text, IProblemDetailsService problems, ILogger<ProblemWriter> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            AppException app => FromAppException(app),
            DbUpdateConcurrencyException => Build(409, "concurrency_conflict"),
            _ when Data.TransientFailure.Is(exception) => Unavailable(http),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException { Path: { Length: > 2 } path } } =>
                FromAppException(new ValidationException(FieldOf(path), "invalid_value")),
            BadHttpRequestException bad => Build(bad.StatusCode, "bad_request"),
            _ => null,
        };
        if (problem is null)
        {
            log.LogError(exception, "Unhandled failure on {Path}", http.Request.Path);
            problem = Build(500, "server_error");
        }
        http.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http, ProblemDetails = problem, Exception = exception,
        });
    }

    /// <summary>Fills code, title and detail on problems the framework makes itself (404 routes, 401, 405…).</summary>
    public void Complete(ProblemDetails problem)
    {
        var status = problem.Status ?? 500;
        if (!problem.Extensions.ContainsKey("code"))
        {
            var code = status switch
            {
                400 => "bad_request", 401 => "unauthenticated", 403 => "forbidden", 404 => "not_found",
                405 => "method_not_allowed", 409 => "conflict", 415 => "unsupported_media_type", _ => "server_error",
            };
            problem.Extensions["code"] = code;
            problem.Title = Message(code);
        }
    }

    public ProblemDetails FromAppException(AppException app)
    {
        var problem = Build(app.Status, app.Code, app.Args);
        foreach (var (key, value) in app.Extensions) problem.Extensions[key] = value;
        if (app is ValidationException v)
        {
            problem.Extensions["errors"] = v.Fields.ToDictionary(
                f => f.Key, f => new[] { Lookup("field." + f.Value, v.FieldArgs) });
            problem.Extensions["fieldCodes"] = v.Fields;
        }
        return problem;
    }

    /// <summary>"$.members[2].residency" → "members[2].residency": the field as the client sent it.</summary>
    private static string FieldOf(string jsonPath) => jsonPath.StartsWith("$.") ? jsonPath[2..] : jsonPath;

    /// <summary>The database is briefly away (a restart, a failover): nothing was saved, and the client is told when to try again.</summary>
    private ProblemDetails Unavailable(HttpContext http)
    {
        log.LogWarning("Database unavailable on {Path}; answered 503", http.Request.Path);
        http.Response.Headers.RetryAfter = "5";
        return Build(503, "database_unavailable");
    }

    private ProblemDetails Build(int status, string code, params object[] args)
    {
        var problem = new ProblemDetails { Status = status, Title = Message(code, args), Type = $"https://gridgov.org/problems/{code}" };
        problem.Extensions["code"] = code;
        return problem;
    }

    private string Message(string code, params object[] args) => Lookup("err." + code, args);

    private string Lookup(string key, params object[] args)
    {
        var s = text[key, args];
        return s.ResourceNotFound ? key : s.Value;
    }
}
