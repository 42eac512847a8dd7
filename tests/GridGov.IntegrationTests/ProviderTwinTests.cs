using System.Reflection;
using GridGov.Data;
using GridGov.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests;

/// <summary>
/// Every integration test runs on both providers, and neither migration set lags behind the model:
/// a test class without its PostgreSQL twin, or a model change without its two migrations, fails here.
/// </summary>
public class ProviderTwinTests
{
    /// <summary>Classes that run once on purpose, each with its reason.</summary>
    private static readonly Dictionary<string, string> RunOnce = new()
    {
        [nameof(RouteCoverageTests)] = "reads the routing table, which is the same on either provider",
        [nameof(ProviderTwinTests)] = "reads this assembly and the two migration sets, not a database",
    };

    private static IEnumerable<Type> TestClasses() => typeof(ProviderTwinTests).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethods().Any(m => m.IsDefined(typeof(FactAttribute), true)));

    [Fact]
    public void Every_test_class_has_a_twin_on_the_other_provider()
    {
        var classes = TestClasses().ToList();
        Assert.True(classes.Count > 30, $"only {classes.Count} test classes found");
        var problems = new List<string>();
        foreach (var type in classes.Where(t => !RunOnce.ContainsKey(t.Name)))
        {
            var onSqlite = type.Name.EndsWith("OnSqlite");
            if (!onSqlite && !type.Name.EndsWith("OnPostgres")) { problems.Add($"{type.Name} names no provider"); continue; }
            var twinName = onSqlite ? type.Name[..^"OnSqlite".Length] + "OnPostgres" : type.Name[..^"OnPostgres".Length] + "OnSqlite";
            var twin = classes.FirstOrDefault(t => t.Name == twinName && t.BaseType == type.BaseType);
            if (twin is null) problems.Add($"{type.Name} has no twin {twinName} with the same base");
            if (AppOf(type) is { } app && !typeof(PostgresApp).IsAssignableFrom(app) != onSqlite)
                problems.Add($"{type.Name} runs on {app.Name}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static Type? AppOf(Type testClass) => testClass.GetConstructors().SelectMany(c => c.GetParameters())
        .Select(p => p.ParameterType).FirstOrDefault(p => typeof(GridGovApp).IsAssignableFrom(p));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=unused")]
    public void The_migration_set_matches_the_model(DatabaseProvider provider, string connection)
    {
        using var db = DatabaseSetup.CreateForSystem(provider, connection);
        Assert.False(db.Database.HasPendingModelChanges(), $"the {provider} model has changes no migration records: run 'dotnet ef migrations add' for it");
    }
}
