using System.Text.Json;
using System.Xml.Linq;
using GridGov.Kernel.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Modules.Incidents.Api;

/// <summary>An Open311 answer in the format the path asked for: JSON as written, or the standard's XML (a root, one element per item).</summary>
internal static class Open311Answer
{
    public static IResult Of<T>(string format, IReadOnlyList<T> items, string root, string item, int status = StatusCodes.Status200OK)
    {
        if (format != "xml") return TypedResults.Json(items, statusCode: status);
        var json = JsonSerializer.SerializeToElement(items);
        var xml = new XElement(root, json.EnumerateArray().Select(o => new XElement(item,
            o.EnumerateObject().Select(p => new XElement(p.Name, Text(p.Value))))));
        return Results.Content(new XDeclaration("1.0", "utf-8", null) + Environment.NewLine + xml, "application/xml; charset=utf-8",
            System.Text.Encoding.UTF8, status);
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}

/// <summary>Open311's errors are a list of {code, description}, in the request's format; the description speaks the request's language.</summary>
internal sealed class Open311Errors : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // GeoReport speaks JSON and XML only: another extension names no resource.
        if (context.HttpContext.Request.RouteValues["format"] is string asked && asked is not ("json" or "xml"))
            return Open311Answer.Of("json", new[] { new Open311Error(404, $"{asked}: GeoReport answers in json or xml") }, "errors", "error", StatusCodes.Status404NotFound);
        try
        {
            return await next(context);
        }
        catch (AppException e)
        {
            var http = context.HttpContext;
            var problem = http.RequestServices.GetRequiredService<ProblemWriter>().FromAppException(e);
            var description = problem.Title ?? e.Code;
            if (problem.Extensions.TryGetValue("errors", out var fields) && fields is IReadOnlyDictionary<string, string[]> byField)
                description += ": " + string.Join("; ", byField.Select(f => $"{f.Key} {string.Join(", ", f.Value)}"));
            var format = http.Request.RouteValues["format"] as string ?? "json";
            return Open311Answer.Of(format, new[] { new Open311Error(e.Status, description) }, "errors", "error", e.Status);
        }
    }
}
