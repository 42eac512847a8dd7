using System.Reflection;
using System.Runtime.CompilerServices;
using GridGov.Kernel.Privacy;

namespace GridGov.ArchitectureTests;

/// <summary>
/// A personal field declared on an entity can leave the app only masked: every type that a
/// module's services, contracts or endpoints hand out, and every type inside those, carries such a
/// field (by the entity's name for it, with or without "Masked", or any name ending in Phone or
/// IdNumber) as <see cref="Masked"/>, which cannot hold the full value. A new module's personal
/// field is covered by declaring it [Personal] on its entity.
/// </summary>
public class PersonalDataTests
{
    private static readonly Assembly App = typeof(GridGov.Data.GridGovDbContext).Assembly;

    private static readonly HashSet<string> DeclaredNames = App.GetTypes()
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(p => p.IsDefined(typeof(PersonalAttribute), false)).Select(p => p.Name).ToHashSet();

    private static bool LooksPersonal(string name)
    {
        var bare = name.StartsWith("Masked", StringComparison.Ordinal) ? name["Masked".Length..] : name;
        return DeclaredNames.Contains(bare) || bare.EndsWith("Phone", StringComparison.Ordinal) || bare.EndsWith("IdNumber", StringComparison.Ordinal);
    }

    /// <summary>Types public methods return that never leave the app, and why.</summary>
    private static readonly Dictionary<Type, string> NotAnAnswer = new()
    {
        [typeof(GridGov.Modules.People.Application.Import.LedgerRow)] = "a row read from the uploaded file on its way into the domain",
        [typeof(GridGov.Modules.Training.Application.VoucherListRow)] = "a row of an uploaded list on its way to the ledger's blind index",
    };

    private static bool IsOutgoingSide(Type t) => t.Namespace is { } ns && ns.StartsWith("GridGov.Modules.")
        && (ns.EndsWith(".Application") || ns.Contains(".Application.") || ns.EndsWith(".Contracts") || ns.EndsWith(".Api"));

    /// <summary>Every type handed out by a public method of a module's services, contracts or endpoints, and the types inside them.</summary>
    private static IReadOnlyCollection<Type> HandedOut()
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(App.GetTypes().Where(IsOutgoingSide)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && !m.Name.StartsWith('<') && !m.IsDefined(typeof(CompilerGeneratedAttribute))).Select(m => m.ReturnType));
        while (queue.TryDequeue(out var type))
        {
            foreach (var inner in Unwrap(type))
            {
                // Entities are handed between services as queries to build on, never as answers; the
                // answers built from them are what is checked.
                if (inner.Assembly != App || inner.IsEnum || inner.Namespace?.Contains(".Domain") == true || NotAnAnswer.ContainsKey(inner)) continue;
                if (!seen.Add(inner)) continue;
                foreach (var p in inner.GetProperties(BindingFlags.Public | BindingFlags.Instance)) queue.Enqueue(p.PropertyType);
            }
        }
        return seen;
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.IsArray) return Unwrap(type.GetElementType()!);
        if (!type.IsGenericType) return [type];
        return type.GetGenericArguments().SelectMany(Unwrap).Concat(type.Assembly == App ? [type] : []);
    }

    [Fact]
    public void Every_personal_field_a_module_hands_out_is_masked_by_its_type()
    {
        var handedOut = HandedOut();
        Assert.Contains(handedOut, t => t.Name == "PersonView");
        var leaks = handedOut
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Type: t, Property: p)))
            .Where(x => LooksPersonal(x.Property.Name))
            .Where(x => (Nullable.GetUnderlyingType(x.Property.PropertyType) ?? x.Property.PropertyType) != typeof(Masked))
            .Select(x => $"{x.Type.FullName}.{x.Property.Name} is {x.Property.PropertyType.Name}")
            .ToList();
        Assert.True(leaks.Count == 0, "Personal fields handed out unmasked:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public void The_declared_personal_fields_include_every_id_number_and_phone_of_the_entities()
    {
        Assert.Superset(new HashSet<string> { "IdNumber", "Phone", "ContactPhone", "HeadPhone" }, DeclaredNames);
    }

    [Fact]
    public void A_masked_value_never_holds_more_than_its_mask()
    {
        Assert.Equal("141127********123X", Masked.IdNumber("14112719800101123X").Text);
        Assert.Equal("138****5678", Masked.Phone("13812345678").ToString());
        Assert.Equal(Masked.Phone("138****5678"), Masked.Phone("13812345678"));
        Assert.True(Masked.Phone(null).IsEmpty);
        Assert.Equal("\"138****5678\"", System.Text.Json.JsonSerializer.Serialize(Masked.Phone("13812345678")));
    }
}
