using GridGov.Kernel.Errors;
using GridGov.Modules.People.Domain;

namespace GridGov.UnitTests;

/// <summary>One head (户主) per household, held by the domain whichever method brings a head in.</summary>
public class HouseholdHeadTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Household Home = Household.Create("001", "滨河路1号", Placement.OnGrid(1, "a/")).WithId(7);
    private static readonly Household Next = Household.Create("002", "滨河路2号", Placement.OnGrid(1, "a/")).WithId(8);

    private static IdNumber Id(int n)
    {
        IdNumber.TryParse(IdNumber.Compose("141127", new DateOnly(1980, 1, 1), n, Sex.Male), Today, out var id);
        return id;
    }

    private static HouseholdHeads Heads(int? headOfHome, int? headOfNext = null)
    {
        var heads = new HouseholdHeads();
        heads.Know(Home.Id, headOfHome);
        heads.Know(Next.Id, headOfNext);
        return heads;
    }

    private static string Refusal(Action act) => Assert.Throws<ConflictException>(act).Code;

    [Fact]
    public void A_second_head_is_refused_on_registration_but_any_other_relation_is_not()
    {
        var heads = Heads(null);
        Person.Register(Home, "赵一", Id(1), null, Relations.Head, Residency.RegisteredResident, heads);
        Assert.Equal("household_has_head", Refusal(() => Person.Register(Home, "钱二", Id(2), null, Relations.Head, Residency.RegisteredResident, heads)));
        Person.Register(Home, "孙三", Id(3), null, Relations.Spouse, Residency.RegisteredResident, heads);
    }

    [Fact]
    public void An_edit_may_make_a_member_head_only_once_the_head_has_stepped_down()
    {
        var heads = Heads(null);
        var head = Person.Register(Home, "赵一", Id(1), null, Relations.Head, Residency.RegisteredResident, heads).WithId(1);
        var spouse = Person.Register(Home, "钱二", Id(2), null, Relations.Spouse, Residency.RegisteredResident, heads).WithId(2);
        Assert.Equal("household_has_head", Refusal(() => spouse.Edit("钱二", null, Relations.Head, Residency.RegisteredResident, heads)));
        Assert.Equal(Relations.Spouse, spouse.RelationToHead);
        head.Edit("赵一", null, Relations.Spouse, Residency.RegisteredResident, heads);
        spouse.Edit("钱二", null, Relations.Head, Residency.RegisteredResident, heads);
        head.Edit("赵一", null, Relations.Spouse, Residency.RegisteredResident, heads);
    }

    [Fact]
    public void A_head_may_not_move_into_a_household_that_has_one_and_leaves_the_old_one_free_when_moving()
    {
        var heads = Heads(headOfHome: 1, headOfNext: 5);
        var head = Person.Register(Home, "赵一", Id(1), null, Relations.Child, Residency.RegisteredResident, heads).WithId(1);
        head.Edit("赵一", null, Relations.Head, Residency.RegisteredResident, heads);
        Assert.Equal("household_has_head", Refusal(() => head.MoveTo(Next, heads)));
        Assert.Equal(Home.Id, head.HouseholdId);

        var free = Heads(headOfHome: 1, headOfNext: null);
        head.MoveTo(Next, free);
        Assert.Equal(Next.Id, head.HouseholdId);
        Person.Register(Home, "钱二", Id(2), null, Relations.Head, Residency.RegisteredResident, free);
    }

    [Fact]
    public void A_household_whose_head_was_not_loaded_is_a_programming_error_not_a_pass()
    {
        var stranger = Household.Create("009", "别处", Placement.OnGrid(1, "a/")).WithId(99);
        Assert.Throws<InvalidOperationException>(() => Person.Register(stranger, "赵一", Id(1), null, Relations.Head, Residency.RegisteredResident, Heads(null)));
    }

    [Fact]
    public void A_deregistration_keeps_where_they_went_and_is_undone_in_the_same_household()
    {
        var person = Person.Register(Home, "周迁", Id(21), null, Relations.Spouse, Residency.RegisteredResident, Heads(null)).WithId(21);
        person.Deregister(PersonStatus.MovedAway, Today, Today, "  太原市小店区  ");
        Assert.Equal(("太原市小店区", false), (person.Destination, person.IsActive));
        person.Reinstate(Home, Heads(null));
        Assert.Equal((PersonStatus.Active, true, null, null), (person.Status, person.IsActive, person.DeregisteredOn, person.Destination));
        Assert.Equal("person_active", Refusal(() => person.Reinstate(Home, Heads(null))));

        var e = Assert.Throws<ValidationException>(() => person.Deregister(PersonStatus.Deceased, Today, Today, "太原"));
        Assert.Equal("only_when_moved", e.Fields["destination"]);
        Assert.Equal("too_long", Assert.Throws<ValidationException>(() => person.Deregister(PersonStatus.MovedAway, Today, Today, new string('远', 101))).Fields["destination"]);
        Assert.True(person.IsActive);
    }

    [Fact]
    public void A_former_head_comes_back_as_head_only_where_the_household_has_none_now()
    {
        var head = Person.Register(Home, "吴户主", Id(22), null, Relations.Head, Residency.RegisteredResident, Heads(null)).WithId(22);
        head.Deregister(PersonStatus.MovedAway, Today, Today);
        Assert.Equal("household_has_head", Refusal(() => head.Reinstate(Home, Heads(headOfHome: 99))));
        Assert.False(head.IsActive);
        head.Reinstate(Home, Heads(null));
        Assert.True(head.IsActive);
    }

    [Fact]
    public void A_household_closed_meanwhile_takes_no_one_back()
    {
        var closed = Household.Create("009", "滨河路9号", Placement.OnGrid(1, "a/")).WithId(9);
        var heads = new HouseholdHeads();
        heads.Know(9, null);
        var last = Person.Register(closed, "郑末", Id(23), null, Relations.Head, Residency.RegisteredResident, heads).WithId(23);
        last.Deregister(PersonStatus.Deceased, Today, Today);
        closed.Close(hasActiveMembers: false);
        Assert.Equal("household_inactive", Refusal(() => last.Reinstate(closed, heads)));
    }
}
