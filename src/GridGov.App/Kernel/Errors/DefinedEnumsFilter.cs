using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace GridGov.Kernel.Errors;

/// <summary>
/// Refuses any request whose enum values are not among the enum's names: a query string binds
/// "99" to an enum, and JSON could carry "A, B" as a flags combination. Checked once for every
/// endpoint, on its arguments and the properties of the records it receives, so no endpoint can
/// store a value its domain does not know.
/// </summary>
public sealed class DefinedEnumsFilter : IEndpointFilter
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var name = parameters is { } p && i < p.Length ? p[i].Name ?? $"arg{i}" : $"arg{i}";
            if (FirstUndefined(context.Arguments[i], name, depth: 0) is { } field) throw new ValidationException(field, "unknown");
        }
        return next(context);
    }

    /// <summary>The path of the first enum value that is not defined, or null.</summary>
    public static string? FirstUndefined(object? value, string path, int depth)
    {
        if (value is null || depth > 3) return null;
        var type = value.GetType();
        if (type.IsEnum) return type.IsDefined(typeof(FlagsAttribute)) || Enum.IsDefined(type, value) ? null : path;
        if (value is string || type.IsPrimitive || !IsOurs(type) && value is not IEnumerable) return null;
        if (value is IEnumerable items and not IDictionary)
        {
            var index = 0;
            foreach (var item in items)
                if (FirstUndefined(item, $"{path}[{index++}]", depth + 1) is { } found) return found;
            return null;
        }
        foreach (var property in Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead).ToArray()))
            if (FirstUndefined(property.GetValue(value), Camel(property.Name), depth + 1) is { } found) return found;
        return null;
    }

    /// <summary>Only the app's own request records are walked, never framework objects.</summary>
    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("GridGov", StringComparison.Ordinal) == true;

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
