using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GridGov.Kernel.Hosting;

/// <summary>Enums are documented as the names they travel as (see <see cref="Errors.NamedEnumConverter"/>).</summary>
internal static class EnumSchemas
{
    public static Task DescribeAsNames(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var nullable = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type);
        var type = nullable ?? context.JsonTypeInfo.Type;
        if (!type.IsEnum) return Task.CompletedTask;
        // A nullable enum travels as one of the names or as null, and its schema says both.
        var mayBeNull = nullable is not null || schema.Type?.HasFlag(JsonSchemaType.Null) == true;
        schema.Type = mayBeNull ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Enum = Enum.GetNames(type).Select(n => (JsonNode?)JsonValue.Create(n)).Concat(mayBeNull ? [null] : []).ToList()!;
        return Task.CompletedTask;
    }
}
