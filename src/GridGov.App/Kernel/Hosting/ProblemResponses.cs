using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace GridGov.Kernel.Hosting;

/// <summary>
/// One convention for every operation's failure answers, so the document says what the API
/// really does: each operation declares, beside its success, the RFC 7807 problems it can give
/// (400 bad input, 401 no or ended session, 403 permission, 404 unknown or outside scope, 409
/// conflicts, 413 and 415 for bodies, 429 too many sign-ins, 503 database briefly away), all of one Problem schema.
/// </summary>
internal static class ProblemResponses
{
    public const string Schema = "Problem";

    public static Task DescribeProblemSchema(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Schema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 7807 problem: a stable code, a title in the request's language and, for validation, each field's code and message.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Stable and language-free: what a client branches on." },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["fieldCodes"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String } },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
                ["allowed"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = "For an illegal workflow step: the steps allowed now." },
            },
            Required = new HashSet<string> { "status", "code", "title" },
        };
        return Task.CompletedTask;
    }

    public static Task DeclareProblems(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var secured = (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            || metadata.OfType<ChecksCredentialsItselfAttribute>().Any();
        var method = description.HttpMethod ?? "GET";
        var writes = method is "POST" or "PUT" or "PATCH" or "DELETE";
        var hasRouteValues = (description.RelativePath ?? "").Contains('{');
        operation.Responses ??= new OpenApiResponses();
        Add(operation, context, "400", "The input breaks a rule: the problem names each field.");
        if (secured)
        {
            Add(operation, context, "401", "No valid bearer token, or its session has ended.");
            Add(operation, context, "403", "The caller's roles do not allow this, or the account must first change its password or enrol a second factor.");
        }
        if (hasRouteValues || writes) Add(operation, context, "404", "Unknown, or outside the caller's scope: the two answer alike.");
        if (writes) Add(operation, context, "409", "A conflict: a stale version, an illegal workflow step (with the steps allowed), a rule of the domain.");
        if (writes) Add(operation, context, "415", "The body is not of a media type the operation reads.");
        var uploads = description.SupportedRequestFormats.Any(f => f.MediaType.StartsWith("multipart/"))
            || description.ParameterDescriptions.Any(p => p.Type == typeof(Microsoft.AspNetCore.Http.IFormFile) || p.Type == typeof(Microsoft.AspNetCore.Http.HttpRequest));
        if (uploads) Add(operation, context, "413", "The upload is larger than the limit.");
        if (metadata.OfType<EnableRateLimitingAttribute>().Any() || (description.RelativePath ?? "").StartsWith("api/v1/auth/token"))
            Add(operation, context, "429", "Too many attempts: Retry-After says when to try again.");
        Add(operation, context, "503", "The database is briefly away; nothing was saved. Retry-After says when to try again.");
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(Schema, context.Document) },
            },
        };
    }
}

/// <summary>
/// Marks an endpoint open to the pipeline that checks the caller's credentials itself (an api_key
/// in the body, say): it answers 401 and 403 like any secured endpoint, and its document says so.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class ChecksCredentialsItselfAttribute : Attribute;
