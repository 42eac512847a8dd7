using System.Collections.Concurrent;
using System.Reflection;

namespace GridGov.Kernel.Privacy;

public enum PersonalKind
{
    IdNumber,
    Phone,
}

/// <summary>
/// Declares a property personal data. The change log stores it masked, history readers mask it
/// again for rows written before the declaration, and lists show it masked; the full value is
/// only ever shown through a recorded reveal.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalAttribute(PersonalKind kind) : Attribute
{
    public PersonalKind Kind { get; } = kind;
}

public static class PersonalData
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PersonalKind>> ByType = new();

    /// <summary>The personal properties of a type, by property name.</summary>
    public static IReadOnlyDictionary<string, PersonalKind> Of(Type type) =>
        ByType.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (p.Name, Attribute: p.GetCustomAttribute<PersonalAttribute>()))
            .Where(p => p.Attribute is not null)
            .ToDictionary(p => p.Name, p => p.Attribute!.Kind));

    /// <summary>
    /// Every field name declared personal on any type of the app, with its kind: a history line that
    /// names only its field (the entity type unknown or gone) is masked by the name alone.
    /// </summary>
    public static IReadOnlyDictionary<string, PersonalKind> DeclaredNames { get; } = typeof(PersonalData).Assembly.GetTypes()
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Select(p => (p.Name, Attribute: p.GetCustomAttribute<PersonalAttribute>())).Where(p => p.Attribute is not null)
        .GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First().Attribute!.Kind);

    public static string Masked(PersonalKind kind, string? value) => kind switch
    {
        PersonalKind.IdNumber => Mask.IdNumber(value),
        _ => Mask.Phone(value),
    };

    /// <summary>The value as history may hold it: masked when the property is declared personal.</summary>
    public static object? ForLog(Type type, string property, object? value) =>
        value is string text && Of(type).TryGetValue(property, out var kind) ? Masked(kind, text) : value;
}
