using GridGov.Kernel.Privacy;
using GridGov.Kernel.Scoping;
using GridGov.Modules.Territory.Domain;

namespace GridGov.UnitTests;

public class CodeTests
{
    [Theory]
    [InlineData("140000000000", AreaLevel.Province)]
    [InlineData("141100000000", AreaLevel.City)]
    [InlineData("141127000000", AreaLevel.County)]
    [InlineData("141127100000", AreaLevel.Township)]
    [InlineData("141127100001", AreaLevel.Village)]
    public void Area_level_shows_in_the_trailing_zeros(string code, AreaLevel level)
    {
        Assert.True(AreaCode.IsValid(code));
        Assert.Equal(level, AreaCode.LevelOf(code));
    }

    [Theory]
    [InlineData("14112710000")]
    [InlineData("1411271000011")]
    [InlineData("00112710000A")]
    [InlineData("001127100001")]
    public void Malformed_area_codes_are_refused(string code) => Assert.False(AreaCode.IsValid(code));

    [Fact]
    public void Grid_codes_join_area_level_and_sequence()
    {
        var code = GridCode.Compose("141127100001", 3, 42);
        Assert.Equal("14112710000130042", code);
        Assert.True(GridCode.IsValid(code));
        Assert.Equal(3, GridCode.LevelOf(code));
        Assert.Equal(42, GridCode.SequenceOf(code));
        Assert.False(GridCode.IsValid("14112710000140042"));
        Assert.Throws<ArgumentOutOfRangeException>(() => GridCode.Compose("141127100001", 4, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GridCode.Compose("141127100001", 1, 10000));
    }

    [Fact]
    public void Paths_nest_by_prefix_at_segment_boundaries()
    {
        var county = TreePath.Child(TreePath.Child(null, "140000000000"), "141127000000");
        var grid = TreePath.Child(county, "14112710000110001");
        Assert.True(TreePath.IsWithin(grid, county));
        Assert.False(TreePath.IsWithin(county, grid));
        Assert.False(TreePath.IsWithin(grid, null));
        Assert.True(TreePath.IsWithin(grid, ""));
        Assert.Equal(county, TreePath.Parent(grid));
        Assert.Equal(TreePath.GridSegmentLength, grid.Length - county.Length);
    }

    [Fact]
    public void Numbers_are_masked_in_the_published_form()
    {
        Assert.Equal("141127********123X", Mask.IdNumber("14112719900307123X"));
        Assert.Equal("138****5678", Mask.Phone("13812345678"));
        Assert.Equal("", Mask.Phone(null));
        Assert.Equal("*****", Mask.Phone("12345"));
    }
}
