using System.Reflection;
using GridGov.Kernel.Modules;
using NetArchTest.Rules;

namespace GridGov.ArchitectureTests;

/// <summary>
/// Modules talk to each other only through their Contracts namespace, and the platform (Kernel,
/// Data, Shell) knows none of them. The module list is read from the assembly, so a new module is
/// checked without anyone adding it here.
/// </summary>
public class ModuleBoundaryTests
{
    private static readonly Assembly App = typeof(GridGov.Data.GridGovDbContext).Assembly;

    /// <summary>Every folder under Modules, as its namespaces show it.</summary>
    private static IReadOnlyList<string> ModuleFolders => App.GetTypes()
        .Select(t => t.Namespace ?? "").Where(n => n.StartsWith("GridGov.Modules."))
        .Select(n => n.Split('.')[2]).Distinct().Order().ToList();

    /// <summary>Business modules. Demo is the seeding composition and may touch every module.</summary>
    public static TheoryData<string> Modules => new(ModuleFolders.Where(m => m != "Demo"));

    public static readonly string[] Platform = ["GridGov.Kernel", "GridGov.Data", "GridGov.Shell"];

    [Fact]
    public void Every_module_folder_brings_exactly_one_manifest_and_the_catalog_finds_it()
    {
        foreach (var folder in ModuleFolders)
        {
            var manifests = App.GetTypes().Where(t => typeof(IGridGovModule).IsAssignableFrom(t) && !t.IsInterface
                && (t.Namespace ?? "").StartsWith($"GridGov.Modules.{folder}")).ToList();
            Assert.True(manifests.Count == 1, $"Modules/{folder} has {manifests.Count} manifests");
            Assert.Equal($"{folder}Module", manifests[0].Name);
            Assert.Contains(ModuleCatalog.All, m => m.GetType() == manifests[0]);
        }
        Assert.Equal(ModuleFolders.Count, ModuleCatalog.All.Count);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_uses_other_modules_only_through_their_contracts(string module)
    {
        foreach (var other in ModuleFolders.Where(m => m != module))
        {
            var forbidden = new[] { "Domain", "Application", "Persistence", "Api", "Pages", "Data" }
                .Select(layer => $"GridGov.Modules.{other}.{layer}").Append($"GridGov.Modules.{other}.{other}Module").ToArray();
            var result = Types.InAssembly(App).That().ResideInNamespaceStartingWith($"GridGov.Modules.{module}")
                .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
            Assert.True(result.IsSuccessful,
                $"{module} reaches into {other}: {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    [Fact]
    public void Contracts_depend_on_no_module_internals()
    {
        var result = Types.InAssembly(App).That().ResideInNamespaceEndingWith(".Contracts")
            .ShouldNot().HaveDependencyOnAny(ModuleFolders
                .SelectMany(m => new[] { $"GridGov.Modules.{m}.Domain", $"GridGov.Modules.{m}.Application", $"GridGov.Modules.{m}.Persistence" }).ToArray())
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [InlineData("GridGov.Kernel")]
    [InlineData("GridGov.Data")]
    [InlineData("GridGov.Shell")]
    public void The_platform_knows_no_module(string platform)
    {
        var result = Types.InAssembly(App).That().ResideInNamespaceStartingWith(platform)
            .ShouldNot().HaveDependencyOn("GridGov.Modules").GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_platform_check_sees_every_platform_namespace()
    {
        // A namespace outside Kernel, Data, Shell, Host and Modules would escape the rule above.
        var namespaces = App.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith("GridGov.")).Distinct();
        var unchecked_ = namespaces.Where(n => !Platform.Any(n.StartsWith) && !n.StartsWith("GridGov.Modules") && n != "GridGov.Host"
            && !n.StartsWith("GridGov.Host.")).ToList();
        Assert.Empty(unchecked_);
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
        // The check itself must be able to fail: the seeding module reaches everywhere by design,
        // and the host composes every module.
        Assert.False(Types.InAssembly(App).That().ResideInNamespaceStartingWith("GridGov.Modules.Demo")
            .ShouldNot().HaveDependencyOnAny("GridGov.Modules.People.Domain").GetResult().IsSuccessful);
        Assert.False(Types.InAssembly(App).That().ResideInNamespaceStartingWith("GridGov.Host")
            .ShouldNot().HaveDependencyOn("GridGov.Modules").GetResult().IsSuccessful);
    }
}

/// <summary>
/// Time is read from the one clock (TimeProvider through ChinaTime): the host's own zone and
/// the static clocks are never read, so a UTC host shows the county's time and tests can set it.
/// </summary>
public class ClockTests
{
    private static readonly string[] HostClocks =
        ["DateTime.Now", "DateTime.Today", "DateTime.UtcNow", "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "GetLocalNow", "TimeZoneInfo.Local",
         "DateTimeKind.Local", "ToLocalTime()", "ToUniversalTime()"];

    private static string Source()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GridGov.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "src", "GridGov.App");
    }

    [Fact]
    public void No_code_reads_the_hosts_clock_or_zone()
    {
        var files = Directory.EnumerateFiles(Source(), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".razor"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} source files found");
        var found = files.SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => HostClocks.Any(x.line.Contains) && !x.line.TrimStart().StartsWith("//"))
            .Select(x => $"{Path.GetRelativePath(Source(), x.f)}:{x.i + 1}: {x.line.Trim()}").ToList();
        Assert.True(found.Count == 0, "read the clock through TimeProvider and ChinaTime instead:\n" + string.Join("\n", found));
    }
}

/// <summary>
/// The query filters are switched off in a short list of places, each call with its reason; any
/// other place, or a bare IgnoreQueryFilters (which would switch off every filter), fails here.
/// </summary>
public class QueryFilterTests
{
    /// <summary>The files that may read past the view scope, and why.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["Modules/Incidents/Application/RoutingTable.cs"] = "the routing table is county-wide reference data",
        ["Modules/Incidents/Application/IncidentSeed.cs"] = "seeding",
        ["Modules/Incidents/Application/IncidentDesk.cs"] = "Open311's reads are public and carry no personal data",
        ["Modules/Incidents/Application/IncidentTallies.cs"] = "rebuilding the deployment's tallies, as the system",
        ["Modules/Incidents/Application/Open311Clients.cs"] = "an api_key is checked before anyone is signed in",
        ["Modules/Incidents/Application/IncidentTallyCheck.cs"] = "the tally check compares the whole deployment, for administrators",
        ["Modules/People/Application/PopulationFigures.cs"] = "the tally check compares the whole deployment, for administrators",
        ["Modules/People/Application/PopulationTallies.cs"] = "rebuilding the rollups and backfilling them at start, as the system",
        ["Modules/People/Application/TagTallies.cs"] = "a resident's share of the county and township rows, and the tally check, as the system",
        ["Modules/Demo/DemoCounty.cs"] = "seeding",
        ["Modules/FieldWork/Application/CampaignCoverageCheck.cs"] = "the tally check compares the whole deployment, for administrators",
        ["Modules/People/Application/PeopleFollowGrids.cs"] = "a grid that holds anything anywhere must not retire",
        ["Modules/People/Application/HeadsOfHouseholds.cs"] = "the one-head rule counts heads the caller may not see",
        ["Modules/People/Application/PersonRegistry.cs"] = "ID numbers are unique in the whole ledger",
        ["Modules/People/Application/PersonalDataBackfill.cs"] = "start-up re-indexing",
        ["Modules/People/Application/Import/LedgerBatch.cs"] = "ID uniqueness and bulk ids over the whole ledger",
        ["Modules/People/Application/GridPlaces.cs"] = "a household with anyone active may not close",
        ["Modules/Audit/Application/AuditChain.cs"] = "the chain covers every audit record",
        ["Modules/Territory/Application/CoverageCheck.cs"] = "a county's size rules apply under it",
        ["Modules/Territory/Application/GridLifecycle.cs"] = "a grid with an open child anywhere must not retire",
        ["Modules/Territory/Application/GridLoader.cs"] = "a grid's own area; codes never reused",
        ["Modules/Training/Application/EligibilityCheck.cs"] = "once per N years counts a person's vouchers wherever they were issued",
        ["Modules/Training/Application/VoucherClaims.cs"] = "a trainee's voucher is found by its unguessable code before anyone is signed in",
        ["Modules/Training/Application/ProgrammeBook.cs"] = "a programme's budget is spent wherever its vouchers went",
        ["Modules/Training/Application/Redemption.cs"] = "a voucher presented at enrolment is found by its unguessable code",
        ["Modules/Training/Application/VoucherBook.cs"] = "a voucher's own programme prices its review",
        ["Modules/Training/Application/ProviderBook.cs"] = "a credit code names one provider in the whole deployment",
        ["Modules/Training/Application/PaymentBook.cs"] = "a batch pays its provider for vouchers wherever their holders live",
    };

    private static string Source()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GridGov.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "src", "GridGov.App");
    }

    [Fact]
    public void Filters_are_switched_off_only_in_the_listed_places_and_each_call_says_why()
    {
        var root = Source();
        var problems = new List<string>();
        var seen = new HashSet<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            var name = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            var text = File.ReadAllText(file);
            if (name != "Kernel/Scoping/QueryFilters.cs" && text.Contains("IgnoreQueryFilters(")) problems.Add($"{name}: IgnoreQueryFilters; use OutsideScope(reason)");
            var calls = System.Text.RegularExpressions.Regex.Matches(text, @"\.Outside(Scope|Filters)\((?<reason>""[^""]*"")?");
            if (calls.Count == 0 || name == "Kernel/Scoping/QueryFilters.cs") continue;
            seen.Add(name);
            if (!Allowed.ContainsKey(name)) problems.Add($"{name}: switches a filter off but is not on the list");
            foreach (System.Text.RegularExpressions.Match call in calls)
                if (call.Groups["reason"].Value.Length < 12) problems.Add($"{name}: a call without its reason");
        }
        problems.AddRange(Allowed.Keys.Except(seen).Select(f => $"{f}: listed but no longer switches a filter off"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
