using System.Reflection;
using NetArchTest.Rules;

namespace GridGov.ArchitectureTests;

/// <summary>
/// Modules talk to each other only through their Contracts namespace: no module may use another
/// module's domain, application, persistence or page types (and so not its tables either).
/// </summary>
public class ModuleBoundaryTests
{
    private static readonly Assembly App = typeof(GridGov.Data.GridGovDbContext).Assembly;

    /// <summary>Business modules. Demo is the seeding composition and may touch every module.</summary>
    public static readonly TheoryData<string> Modules = new() { "Territory", "People", "Accounts", "Incidents" };

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_uses_other_modules_only_through_their_contracts(string module)
    {
        var others = Modules.Select(m => (string)m.Data).Where(m => m != module).ToList();
        foreach (var other in others)
        {
            var forbidden = new[] { "Domain", "Application", "Persistence", "Api", "Pages" }
                .Select(layer => $"GridGov.Modules.{other}.{layer}").ToArray();
            var result = Types.InAssembly(App).That().ResideInNamespaceStartingWith($"GridGov.Modules.{module}.")
                .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
            Assert.True(result.IsSuccessful,
                $"{module} reaches into {other}: {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    [Fact]
    public void Contracts_depend_on_no_module_internals()
    {
        var result = Types.InAssembly(App).That().ResideInNamespaceEndingWith(".Contracts")
            .ShouldNot().HaveDependencyOnAny(Modules.Select(m => (string)m.Data)
                .SelectMany(m => new[] { $"GridGov.Modules.{m}.Domain", $"GridGov.Modules.{m}.Application", $"GridGov.Modules.{m}.Persistence" }).ToArray())
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_kernel_knows_no_module()
    {
        var result = Types.InAssembly(App).That().ResideInNamespaceStartingWith("GridGov.Kernel")
            .And().DoNotResideInNamespace("GridGov.Kernel.Hosting")
            .ShouldNot().HaveDependencyOn("GridGov.Modules").GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Domain_code_needs_no_web_host_or_database()
    {
        var result = Types.InAssembly(App).That().ResideInNamespaceEndingWith(".Domain")
            .And().DoNotHaveNameEndingWith("Configuration")
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore.Http", "Microsoft.EntityFrameworkCore", "GridGov.Data")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_rule_catches_a_reach_across_modules()
    {
        // The check itself must be able to fail: the seeding module reaches everywhere by design.
        var result = Types.InAssembly(App).That().ResideInNamespaceStartingWith("GridGov.Modules.Demo")
            .ShouldNot().HaveDependencyOnAny("GridGov.Modules.People.Domain").GetResult();
        Assert.False(result.IsSuccessful);
    }
}
