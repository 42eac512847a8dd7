using GridGov.Modules.People.Application;
using GridGov.Modules.People.Domain.Search;

namespace GridGov.UnitTests;

public class SearchInputTests
{
    [Theory]
    [InlineData("11010519491231002X", SearchKind.IdNumber)]
    [InlineData("11010519491231002x", SearchKind.IdNumber)]
    [InlineData("002X", SearchKind.IdTail)]
    [InlineData("231002", SearchKind.IdTail)]
    [InlineData("1381234", SearchKind.TooShort)]
    [InlineData("13812345678", SearchKind.Phone)]
    [InlineData("zs", SearchKind.Initials)]           // no syllable is just "z"
    [InlineData("zxy", SearchKind.Initials)]
    [InlineData("zh", SearchKind.InitialsOrFullPinyin)] // 张? or 张华?
    [InlineData("wangwei", SearchKind.FullPinyin)]      // too long for initials
    [InlineData("lix", SearchKind.FullPinyin)]          // no syllable begins with i
    [InlineData("LiXiu", SearchKind.FullPinyin)]
    [InlineData("王", SearchKind.Name)]
    [InlineData("王秀英", SearchKind.Name)]
    [InlineData("区永强", SearchKind.Name)]              // 区 is also a surname
    [InlineData("滨河路3号", SearchKind.Address)]
    [InlineData("3号楼", SearchKind.Address)]
    [InlineData("138", SearchKind.Address)]             // a house number
    [InlineData("幸福村", SearchKind.Address)]
    [InlineData("3号", SearchKind.TooShort)]
    [InlineData("12", SearchKind.TooShort)]
    public void Each_kind_of_input_is_told_apart(string input, SearchKind kind) =>
        Assert.Equal(kind, SearchInput.Classify(input));

    [Theory]
    [InlineData("zh", true)]
    [InlineData("zhang", true)]
    [InlineData("zhangs", true)]
    [InlineData("zhangsan", true)]
    [InlineData("xiaoming", true)]
    [InlineData("zs", false)]
    [InlineData("lx", false)]
    [InlineData("qq", false)]
    public void Full_pinyin_prefixes_are_whole_syllables_and_the_start_of_one(string letters, bool could) =>
        Assert.Equal(could, Pinyin.CouldBeFullPrefix(letters));
}
