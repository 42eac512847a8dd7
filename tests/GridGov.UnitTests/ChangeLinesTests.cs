using Bunit;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;
using GridGov.Shell;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.UnitTests;

public class ChangeLinesTests : BunitContext
{
    public ChangeLinesTests()
    {
        Services.AddLocalization();
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
    }

    [Fact]
    public void A_change_reads_field_by_field_with_personal_numbers_masked()
    {
        var cut = Render<ChangeLines>(p => p
            .Add(x => x.Before, """{"Name":"张三","Phone":"13812345678"}""")
            .Add(x => x.After, """{"Name":"张三丰","Phone":"13900001111"}"""));

        var text = cut.Markup;
        Assert.Equal("名称", cut.Find("li .gg-field").TextContent);
        Assert.Contains("张三丰", text);
        Assert.Contains("138****5678", text);
        Assert.Contains("139****1111", text);
        Assert.DoesNotContain("13812345678", text);
        Assert.DoesNotContain("13900001111", text);
    }

    [Fact]
    public void An_addition_shows_only_the_new_values()
    {
        var cut = Render<ChangeLines>(p => p.Add(x => x.Before, null).Add(x => x.After, """{"Id":5,"IdNumber":"11010519491231002X"}"""));
        Assert.Single(cut.FindAll("li"));
        Assert.Contains("110105********002X", cut.Markup);
        Assert.Empty(cut.FindAll(".gg-before"));
    }

    [Fact]
    public void Every_field_declared_personal_on_any_entity_is_masked_by_its_name_alone()
    {
        var cut = Render<ChangeLines>(p => p.Add(x => x.Before, null)
            .Add(x => x.After, """{"ContactPhone":"13712340018","HeadPhone":"13612345678","Name":"滨河小学"}"""));
        Assert.Contains("137****0018", cut.Markup);
        Assert.Contains("136****5678", cut.Markup);
        Assert.DoesNotContain("13712340018", cut.Markup);
        Assert.Contains("滨河小学", cut.Markup);
    }

    [Fact]
    public void Enums_read_as_words_flags_as_yes_or_no_and_instants_in_china_time()
    {
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(GridGov.Kernel.Security.CurrentUser.System());
        Services.AddDbContext<GridGov.Data.GridGovDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        var cut = Render<ChangeLines>(p => p.Add(x => x.EntityType, "Person")
            .Add(x => x.Before, $$"""{"Sex":0,"Status":{{(int)PersonStatus.Active}},"IsActive":true,"Residency":2}""")
            .Add(x => x.After, $$"""{"Sex":1,"Status":{{(int)PersonStatus.MovedAway}},"IsActive":false,"Residency":"Migrant"}"""));
        var lines = cut.FindAll("li").Select(l => l.TextContent).ToList();
        Assert.Contains(lines, l => l.Contains("男") && l.Contains("女"));
        Assert.Contains(lines, l => l.Contains("在册") && l.Contains("已迁出"));
        Assert.Contains(lines, l => l.Contains("是") && l.Contains("否"));
        Assert.DoesNotContain(lines, l => l.Contains("True") || l.Contains("False"));
        Assert.Contains(lines, l => l.Contains("流动人口"));
    }

    private sealed class FakeNamer : GridGov.Kernel.Naming.IRecordNamer
    {
        public IReadOnlyCollection<string> Types { get; } = ["Household", "Grid"];

        public Task<IReadOnlyDictionary<int, string>> NamesAsync(string type, IReadOnlyCollection<int> ids, CancellationToken ct) =>
            Task.FromResult<IReadOnlyDictionary<int, string>>(type == "Household"
                ? new Dictionary<int, string> { [25508] = "0101 · 滨河路1号" }
                : new Dictionary<int, string> { [7] = "滨河一网格" });
    }

    [Fact]
    public async Task Ids_read_as_the_names_they_point_to_and_an_id_without_one_stays_as_stored()
    {
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(GridGov.Kernel.Security.CurrentUser.System());
        Services.AddDbContext<GridGov.Data.GridGovDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        Services.AddSingleton<GridGov.Kernel.Naming.IRecordNamer, FakeNamer>();
        Services.AddScoped<GridGov.Kernel.Naming.RecordNames>();
        var (before, after) = ("""{"HouseholdId":25508,"ParentGridId":7}""", """{"HouseholdId":99999,"ParentGridId":7}""");
        var names = await Services.GetRequiredService<GridGov.Kernel.Naming.RecordNames>()
            .ForChangesAsync([("Person", before, after)], CancellationToken.None);

        var cut = Render<ChangeLines>(p => p.Add(x => x.EntityType, "Person").Add(x => x.Before, before).Add(x => x.After, after).Add(x => x.Names, names));
        var lines = cut.FindAll("li").Select(l => l.TextContent).ToList();
        Assert.Contains(lines, l => l.Contains("0101 · 滨河路1号") && l.Contains("99999"));
        Assert.Contains(lines, l => l.Contains("滨河一网格") && !l.Contains('7'));
        Assert.DoesNotContain(lines, l => l.Contains("25508"));
    }
}
