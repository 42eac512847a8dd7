using GridGov.Kernel.Security;
using GridGov.Data;
using GridGov.Kernel.Scoping;
using GridGov.Modules.Accounts.Application;
using GridGov.Modules.Accounts.Domain;
using GridGov.Modules.Incidents.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace GridGov.UnitTests;

public class AccountPolicyTests
{
    private sealed class Host(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "GridGov";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static IConfiguration Config(string? demoSeed) =>
        new ConfigurationBuilder().AddInMemoryCollection(demoSeed is null ? [] : [new("Demo:Seed", demoSeed)]).Build();

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", null, true)]
    [InlineData("Development", "false", false)]
    [InlineData("Staging", null, false)]
    public void The_demo_is_seeded_in_development_or_when_asked_and_never_by_default_in_production(string environment, string? setting, bool seeded) =>
        Assert.Equal(seeded, GridGov.Kernel.Hosting.DemoData.Wanted(Config(setting), new Host(environment)));

    private static async Task<bool> AcceptedAsync(string password, string environment = "Production", string userName = "zhangsan")
    {
        var policy = new PasswordPolicy(Config(null), new Host(environment));
        var result = await policy.ValidateAsync(null!, new AppUser { UserName = userName }, password);
        return result.Succeeded;
    }

    [Fact]
    public async Task The_demo_password_is_refused_outside_a_demo()
    {
        Assert.False(await AcceptedAsync(PasswordPolicy.DemoPassword));
        Assert.True(await AcceptedAsync(PasswordPolicy.DemoPassword, "Development"));
    }

    [Theory]
    [InlineData("password123456", false)]
    [InlineData("!!Qwertyuiop2026", false)]
    [InlineData("iloveyou1234!", false)]
    [InlineData("Zhangsan#2026-x", false)]
    [InlineData("1111111111111aB", false)]
    [InlineData("Lan-Grid#2026-ok", true)]
    [InlineData("Tq7-ridge-Moss-41", true)]
    public async Task Common_breached_and_personal_passwords_are_refused(string password, bool accepted) =>
        Assert.Equal(accepted, await AcceptedAsync(password));

    [Fact]
    public void The_bundled_list_holds_tens_of_thousands_of_passwords() =>
        Assert.True(PasswordPolicy.IsCommon("dragon123") && PasswordPolicy.IsCommon("sunshine") && !PasswordPolicy.IsCommon("Tq7-ridge-Moss-41"));

    [Fact]
    public void A_session_ends_once_and_keeps_the_first_reason()
    {
        var session = UserSession.Start("u1", SessionKind.Api, new DateTime(2026, 12, 1), "127.0.0.1");
        Assert.True(session.IsOpen);
        Assert.True(session.Id.Length >= 32);
        session.End(new DateTime(2026, 12, 1, 1, 0, 0), "signed_out");
        session.End(new DateTime(2026, 12, 1, 2, 0, 0), "access_changed");
        Assert.Equal(("signed_out", new DateTime(2026, 12, 1, 1, 0, 0)), (session.EndReason, session.EndedAt!.Value));
    }

    [Theory]
    [InlineData(IncidentSource.GridWorker, false, false, true)]
    [InlineData(IncidentSource.Hotline, false, false, false)]
    [InlineData(IncidentSource.WalkIn, false, false, false)]
    [InlineData(IncidentSource.Hotline, true, false, true)]
    [InlineData(IncidentSource.Open311, true, false, false)]
    [InlineData(IncidentSource.Open311, false, true, true)]
    [InlineData(IncidentSource.GridWorker, false, true, false)]
    public void The_report_channel_follows_the_role(IncidentSource source, bool takesCalls, bool viaOpen311, bool allowed) =>
        Assert.Equal(allowed, Incident.MayRecord(source, takesCalls, viaOpen311));

    [Theory]
    [InlineData("a/b/c/", "a/b/d/", "a/b/")]
    [InlineData("140000000000/141100000000/141127000000/", "140000000000/141100000000/141125000000/x/", "140000000000/141100000000/")]
    [InlineData("a/b/", "a/b/c/", "a/b/")]
    [InlineData("a/", "b/", "")]
    public void Two_paths_meet_at_their_deepest_common_node(string a, string b, string common) =>
        Assert.Equal(common, TreePath.CommonAncestor(a, b));
}

public class PersonalDataKeyTests
{
    [Fact]
    public void Personal_values_are_sealed_with_a_fresh_nonce_and_read_back_and_a_tampered_one_is_refused()
    {
        var keys = GridGov.Kernel.Privacy.PersonalDataKeys.Current;
        var once = keys.Encrypt("14112719800101123X");
        var twice = keys.Encrypt("14112719800101123X");
        Assert.NotEqual(once, twice);
        Assert.StartsWith("gg1:k1:", once);
        Assert.DoesNotContain("123X", once);
        Assert.Equal("14112719800101123X", keys.Decrypt(once));
        Assert.Equal("13800001111", keys.Decrypt("13800001111"));
        var bytes = Convert.FromBase64String(once["gg1:k1:".Length..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => keys.Decrypt("gg1:k1:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void A_blind_index_is_the_same_for_the_same_value_and_says_nothing_of_it()
    {
        var keys = GridGov.Kernel.Privacy.PersonalDataKeys.Current;
        Assert.Equal(keys.Index("phone", "13800001111"), keys.Index("phone", " 13800001111 "));
        Assert.NotEqual(keys.Index("phone", "13800001111"), keys.Index("phone", "13800001112"));
        Assert.NotEqual(keys.Index("phone", "1234"), keys.Index("id-tail-4", "1234"));
    }
}
