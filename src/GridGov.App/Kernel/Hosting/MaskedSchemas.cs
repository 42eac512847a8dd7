using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GridGov.Kernel.Hosting;

/// <summary>A masked personal value travels as text (see <see cref="Privacy.Masked"/>).</summary>
internal static class MaskedSchemas
{
    public static Task DescribeAsText(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type != typeof(Privacy.Masked)) return Task.CompletedTask;
        schema.Type = JsonSchemaType.String;
        schema.Description = "Masked personal data: ID numbers keep the area code and the last four characters, phones the first three and last four";
        return Task.CompletedTask;
    }
}
