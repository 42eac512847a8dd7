using GridGov.Kernel.Errors;
using GridGov.Modules.People.Domain;
using GridGov.Modules.People.Domain.Search;

namespace GridGov.UnitTests;

public class PinyinTests
{
    [Theory]
    [InlineData("张三", "zs", "zhangsan")]
    [InlineData("王晓梅", "wxm", "wangxiaomei")]
    [InlineData("吕绿", "ll", "lvlv")]
    [InlineData("曾国藩", "zgf", "zengguofan")] // a surname read differently from its common reading
    [InlineData("单田芳", "stf", "shantianfang")]
    [InlineData(" 李 娜 ", "ln", "lina")]
    public void Names_get_initials_and_full_pinyin(string name, string initials, string full) =>
        Assert.Equal((initials, full), Pinyin.OfName(name));

    [Fact]
    public void Surname_readings_apply_to_the_first_character_only() =>
        Assert.Equal("ceng", Pinyin.Of('曾'));
}

public class PersonRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Person NewPerson(string? phone = "13812345678")
    {
        var household = Household.Create("001", "滨河路1号", Placement.OnGrid(1, "a/")).WithId(7);
        IdNumber.TryParse("11010519491231002X", Today, out var id);
        return Person.Register(household, "张三", id, phone, Relations.Head, Residency.RegisteredResident, HeadIs(null)).WithId(1);
    }

    /// <summary>Household 7, headed by <paramref name="id"/> or by no one.</summary>
    private static HouseholdHeads HeadIs(int? id)
    {
        var heads = new HouseholdHeads();
        heads.Know(7, id);
        return heads;
    }

    [Fact]
    public void A_masked_phone_sent_back_keeps_the_real_number()
    {
        var person = NewPerson();
        person.Edit("张三", "138****5678", Relations.Head, Residency.RegisteredResident, HeadIs(1));
        Assert.Equal("13812345678", person.Phone);
        person.Edit("张三", "13900001111", Relations.Head, Residency.Migrant, HeadIs(1));
        Assert.Equal("13900001111", person.Phone);
        Assert.Equal(Residency.Migrant, person.Residency);
    }

    [Fact]
    public void Registration_derives_search_keys()
    {
        var person = NewPerson();
        Assert.Equal("zs", person.PinyinInitials);
        Assert.Equal("zhangsan", person.PinyinFull);
        // Blind indexes, never the number: each tail length has its own, and equal values give equal indexes.
        Assert.Equal(Person.IndexOfTail(person.IdNumber[^4..]), person.IdTail4Index);
        Assert.Equal(Person.IndexOfTail(person.IdNumber[^6..].ToLowerInvariant()), person.IdTail6Index);
        Assert.NotEqual(person.IdTail5Index, person.IdTail6Index);
        Assert.Equal(Person.IndexOfId(person.IdNumber), person.IdNumberIndex);
        Assert.DoesNotContain(person.IdNumber[^4..], person.IdTail4Index + person.IdNumberIndex);
        Assert.Equal(Sex.Female, person.Sex);
    }

    [Fact]
    public void Deregistration_keeps_the_person_and_refuses_later_changes()
    {
        var person = NewPerson();
        Assert.Throws<ValidationException>(() => person.Deregister(PersonStatus.MovedAway, Today.AddDays(1), Today));
        Assert.Throws<ValidationException>(() => person.Deregister(PersonStatus.Active, Today, Today));
        person.Deregister(PersonStatus.Deceased, Today, Today);
        Assert.False(person.IsActive);
        Assert.Equal(PersonStatus.Deceased, person.Status);
        Assert.Equal("person_inactive", Assert.Throws<ConflictException>(() => person.Edit("张三", null, Relations.Head, Residency.RegisteredResident, HeadIs(1))).Code);
    }

    [Fact]
    public void Bad_phones_and_missing_names_are_refused_together()
    {
        var e = Assert.Throws<ValidationException>(() => NewPerson().Edit("", "12345", "", Residency.RegisteredResident, HeadIs(1)));
        Assert.Equal(["name", "phone", "relationToHead"], e.Fields.Keys.Order().ToArray());
    }
}
