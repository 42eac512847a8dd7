using GridGov.Kernel.Errors;
using GridGov.Kernel.Time;
using GridGov.Modules.People.Domain;

namespace GridGov.Modules.People.Application;

/// <summary>How a list of people is ordered: by name (pinyin, the default and the index's order), oldest or youngest first, latest to leave first.</summary>
public enum PeopleSort { Name, Oldest, Youngest, RecentlyLeft }

/// <summary>
/// What a list of people is narrowed to beyond its search and tag: status (in the register by
/// default), sex, an age band (as birth dates, fixed when the filter is made) and the period in
/// which people left the register; and its order.
/// </summary>
public sealed record PeopleFilter(PersonStatus? Status = null, Sex? Sex = null, DateOnly? BornFrom = null, DateOnly? BornTo = null,
    DateOnly? LeftFrom = null, DateOnly? LeftTo = null, PeopleSort Sort = PeopleSort.Name)
{
    public static readonly PeopleFilter None = new();

    public const int OldestAge = 150;

    /// <summary>The filter from a list's parameters: ages in whole years on <paramref name="today"/>, a period preset or dates for leaving.</summary>
    public static PeopleFilter Of(PersonStatus? status, Sex? sex, int? ageFrom, int? ageTo, PeriodPreset? left, DateOnly? leftFrom, DateOnly? leftTo,
        PeopleSort? sort, DateOnly today)
    {
        if (ageFrom is < 0 or > OldestAge) throw new ValidationException("ageFrom", "out_of_range");
        if (ageTo is < 0 or > OldestAge) throw new ValidationException("ageTo", "out_of_range");
        if (ageFrom > ageTo) throw new ValidationException("ageFrom", "min_above_max");
        if (left is { } preset && leftFrom is null && leftTo is null) (leftFrom, leftTo) = preset.Range(today);
        if (leftFrom > leftTo) throw new ValidationException("leftFrom", "min_above_max");
        // Aged at least N: born on or before today N years ago; aged at most N: born after today N+1 years ago.
        DateOnly? bornTo = ageFrom is { } min ? today.AddYears(-min) : null;
        DateOnly? bornFrom = ageTo is { } max ? today.AddYears(-max - 1).AddDays(1) : null;
        return new PeopleFilter(status, sex, bornFrom, bornTo, leftFrom, leftTo, sort ?? PeopleSort.Name);
    }

    /// <summary>Whether people who left the register are wanted: a status other than active, or a leaving period, asks for them.</summary>
    public bool WantsInactive => Status is { } s && s != PersonStatus.Active || LeftFrom is not null || LeftTo is not null;

    public IQueryable<Person> Apply(IQueryable<Person> people)
    {
        if (Status is { } status) people = people.Where(p => p.Status == status);
        if (Sex is { } sex) people = people.Where(p => p.Sex == sex);
        if (BornFrom is { } bornFrom) people = people.Where(p => p.BirthDate >= bornFrom);
        if (BornTo is { } bornTo) people = people.Where(p => p.BirthDate <= bornTo);
        if (LeftFrom is { } leftFrom) people = people.Where(p => p.DeregisteredOn >= leftFrom);
        if (LeftTo is { } leftTo) people = people.Where(p => p.DeregisteredOn <= leftTo);
        return people;
    }

    /// <summary>The list in this filter's order, the id last so that pages never overlap.</summary>
    public IOrderedQueryable<Person> Order(IQueryable<Person> people, bool byInitials) => Sort switch
    {
        PeopleSort.Oldest => people.OrderBy(p => p.BirthDate).ThenBy(p => p.Id),
        PeopleSort.Youngest => people.OrderByDescending(p => p.BirthDate).ThenByDescending(p => p.Id),
        PeopleSort.RecentlyLeft => people.OrderByDescending(p => p.DeregisteredOn).ThenByDescending(p => p.Id),
        _ when byInitials => people.OrderBy(p => p.PinyinInitials).ThenBy(p => p.PinyinFull).ThenBy(p => p.Id),
        _ => people.OrderBy(p => p.PinyinFull).ThenBy(p => p.Id),
    };
}

/// <summary>A list's filter as query parameters, bound alike by the API's list, its export and the page's download.</summary>
public sealed record PeopleListParameters(PersonStatus? Status = null, Sex? Sex = null, int? AgeFrom = null, int? AgeTo = null, PeriodPreset? Left = null,
    DateOnly? LeftFrom = null, DateOnly? LeftTo = null, PeopleSort? Sort = null)
{
    public PeopleFilter ToFilter(DateOnly today) => PeopleFilter.Of(Status, Sex, AgeFrom, AgeTo, Left, LeftFrom, LeftTo, Sort, today);
}
