using Bunit;
using GridGov.Modules.Territory.Application;
using GridGov.Modules.Territory.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.UnitTests;

public class TreeNodeViewTests : BunitContext
{
    public TreeNodeViewTests()
    {
        Services.AddLocalization();
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
    }

    [Fact]
    public void Shows_the_node_its_ancestors_and_each_child_with_counts_and_a_link()
    {
        var county = new TreeNode(NodeKind.Area, "141127000000", "岚县", 3, "a/", false);
        var node = new TreeNode(NodeKind.Area, "141127100001", "滨河社区", 5, "a/b/", false) { Households = 2970, Residents = 7512 };
        var child = new TreeNode(NodeKind.Grid, "14112710000110001", "滨河社区第1网格", 1, "a/b/c/", false) { Households = 330, Residents = 861 };
        var retired = new TreeNode(NodeKind.Grid, "14112710000110099", "旧网格", 1, "a/b/d/", true);

        var cut = Render<TreeNodeView>(p => p.Add(x => x.View, new TreeView(node, [county], [child, retired])));

        Assert.Equal("2,970", cut.Find("[data-testid=node-households]").TextContent);
        Assert.Equal("7,512", cut.Find("[data-testid=node-residents]").TextContent);
        Assert.Contains("岚县", cut.Find(".gg-crumbs").TextContent);
        var rows = cut.FindAll("[data-testid=children] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal("/territory/14112710000110001", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("一级网格", rows[0].TextContent);
        Assert.Contains("330", rows[0].TextContent);
        Assert.Contains("gg-muted", rows[1].ClassName);
    }
}
