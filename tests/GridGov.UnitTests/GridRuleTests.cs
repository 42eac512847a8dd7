using GridGov.Kernel.Errors;
using GridGov.Modules.Territory.Domain;

namespace GridGov.UnitTests;

public class GridRuleTests
{
    private static readonly DateOnly Day = new(2026, 1, 5);
    private readonly AdminArea _province = AdminArea.Create("140000000000", "山西省", null).WithId(1);
    private readonly AdminArea _county;
    private readonly AdminArea _town;
    private readonly AdminArea _community;
    private readonly AdminArea _otherCommunity;

    public GridRuleTests()
    {
        var city = AdminArea.Create("141100000000", "吕梁市", _province).WithId(2);
        _county = AdminArea.Create("141127000000", "岚县", city).WithId(3);
        _town = AdminArea.Create("141127100000", "东村镇", _county).WithId(4);
        _community = AdminArea.Create("141127100001", "滨河社区", _town).WithId(5);
        _otherCommunity = AdminArea.Create("141127100002", "东关社区", _town).WithId(6);
    }

    private (Grid L1, Grid L2, Grid L3) Chain()
    {
        var l1 = Grid.OpenInArea(_community, 1, "一网格", Day).WithId(10);
        var l2 = Grid.OpenInGrid(l1, _community, 1, "一组", Day).WithId(11);
        var l3 = Grid.OpenInGrid(l2, _community, 1, "一格", Day).WithId(12);
        return (l1, l2, l3);
    }

    [Fact]
    public void Levels_follow_the_parent_and_paths_extend_it()
    {
        var (l1, l2, l3) = Chain();
        Assert.Equal((1, 2, 3), (l1.Level, l2.Level, l3.Level));
        Assert.Equal(_community.Path + "14112710000110001/", l1.Path);
        Assert.StartsWith(l2.Path, l3.Path);
        Assert.Equal("14112710000130001", l3.Code);
    }

    [Fact]
    public void No_fourth_level_and_no_grid_directly_under_a_county()
    {
        var (_, _, l3) = Chain();
        Assert.Equal("grid_parent_level", Assert.Throws<ConflictException>(() => Grid.OpenInGrid(l3, _community, 1, "x", Day)).Code);
        Assert.Equal("grid_parent_level", Assert.Throws<ConflictException>(() => Grid.OpenInArea(_county, 1, "x", Day)).Code);
    }

    [Fact]
    public void Areas_must_sit_under_a_higher_level()
    {
        Assert.Throws<ArgumentException>(() => AdminArea.Create("141127100003", "x", _community));
        Assert.Throws<ArgumentException>(() => AdminArea.Create("141127000000", "x", null));
    }

    [Fact]
    public void A_grid_moves_only_under_a_parent_one_level_up_and_never_under_itself()
    {
        var (l1, l2, l3) = Chain();
        var otherL2 = Grid.OpenInGrid(l1, _community, 2, "二组", Day).WithId(13);
        var (oldPath, newPath) = l3.MoveTo(otherL2);
        Assert.Equal(l2.Path + l3.Code + "/", oldPath);
        Assert.Equal(otherL2.Path + l3.Code + "/", newPath);
        Assert.Equal(otherL2.Id, l3.ParentGridId);

        Assert.Equal("grid_move_level", Assert.Throws<ConflictException>(() => l3.MoveTo(l1)).Code);
        Assert.Equal("grid_move_level", Assert.Throws<ConflictException>(() => l2.MoveTo(_otherCommunity)).Code);
        var (_, moved) = l1.MoveTo(_otherCommunity);
        Assert.StartsWith(_otherCommunity.Path, moved);
    }

    [Fact]
    public void Retiring_needs_an_empty_grid_and_a_date_after_opening()
    {
        var (_, _, l3) = Chain();
        Assert.Equal("grid_not_empty", Assert.Throws<ConflictException>(() => l3.Retire(Day, false, hasPeople: true)).Code);
        Assert.Equal("grid_not_empty", Assert.Throws<ConflictException>(() => l3.Retire(Day, hasActiveChildren: true, false)).Code);
        Assert.Throws<ValidationException>(() => l3.Retire(Day.AddDays(-1), false, false));
        l3.Retire(Day, false, false);
        Assert.True(l3.IsRetired);
        Assert.Equal("grid_retired", Assert.Throws<ConflictException>(() => l3.Retire(Day, false, false)).Code);
        Assert.Equal("grid_parent_retired", Assert.Throws<ConflictException>(() => Grid.OpenInGrid(l3, _community, 9, "x", Day)).Code);
    }

    [Fact]
    public void Names_are_required_and_bounded()
    {
        var (l1, _, _) = Chain();
        var e = Assert.Throws<ValidationException>(() => l1.Rename("  "));
        Assert.Equal("required", e.Fields["name"]);
        Assert.Throws<ValidationException>(() => l1.Rename(new string('网', 101)));
        l1.Rename(" 新名称 ");
        Assert.Equal("新名称", l1.Name);
    }

    [Fact]
    public void Party_organisation_follows_the_grid_level()
    {
        var (l1, l2, l3) = Chain();
        PartyOrganization.Attach(l1, PartyOrganizationKind.Branch, "支部", null, []);
        Assert.Throws<ConflictException>(() => PartyOrganization.Attach(l2, PartyOrganizationKind.Branch, "支部", null, []));
        Assert.Throws<ConflictException>(() => PartyOrganization.Attach(l1, PartyOrganizationKind.Branch, "支部", null, [PartyOrganizationKind.Branch]));
        PartyOrganization.Attach(l2, PartyOrganizationKind.Group, "小组", null, []);
        Assert.Throws<ConflictException>(() => PartyOrganization.Attach(l2, PartyOrganizationKind.CentreHousehold, "中心户", null, [PartyOrganizationKind.Group]));
        PartyOrganization.Attach(l3, PartyOrganizationKind.CentreHousehold, "中心户", null, []);
    }

    [Fact]
    public void One_grid_leader_per_grid_and_phones_are_mobile_numbers()
    {
        var (l1, _, _) = Chain();
        GridAssignment.Assign(l1, GridRole.GridLeader, "王伟", "13812345678", null, Day, gridHasLeader: false);
        Assert.Equal("grid_has_leader", Assert.Throws<ConflictException>(() =>
            GridAssignment.Assign(l1, GridRole.GridLeader, "李娜", null, null, Day, gridHasLeader: true)).Code);
        var e = Assert.Throws<ValidationException>(() => GridAssignment.Assign(l1, GridRole.Volunteer, "李娜", "0358123", null, Day, false));
        Assert.Equal("bad_phone", e.Fields["phone"]);
    }

    [Fact]
    public void Size_rules_are_per_county_with_min_not_above_max()
    {
        var rule = GridSizeRule.For(_county, 3, 10, 30);
        Assert.Equal((10, 30), (rule.MinHouseholds, rule.MaxHouseholds));
        Assert.Throws<ValidationException>(() => rule.Change(40, 30));
        Assert.Throws<ConflictException>(() => GridSizeRule.For(_town, 3, 10, 20));
        Assert.Equal((300, 500), GridSizeRule.Defaults[1]);
        Assert.Equal((50, 100), GridSizeRule.Defaults[2]);
        Assert.Equal((10, 20), GridSizeRule.Defaults[3]);
    }
}
