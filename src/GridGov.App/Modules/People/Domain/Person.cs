using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Privacy;
using GridGov.Kernel.Scoping;
using GridGov.Modules.People.Domain.Search;

namespace GridGov.Modules.People.Domain;

public enum Residency
{
    /// <summary>户籍在本地且居住在本地.</summary>
    RegisteredResident = 1,
    /// <summary>居住在本地但户籍不在本地.</summary>
    UnregisteredResident = 2,
    /// <summary>流动人口.</summary>
    Migrant = 3,
    /// <summary>户籍在本地但居住在外地.</summary>
    RegisteredAbsent = 4,
}

public enum PersonStatus
{
    Active = 1,
    MovedAway = 2,
    Deceased = 3,
}

/// <summary>A resident on the population ledger (人员信息台账). People are deregistered, never deleted.</summary>
public sealed class Person : IScopedByPath, IAudited
{
    private Person() { }

    public int Id { get; private set; }
    public int HouseholdId { get; private set; }
    public string Name { get; private set; } = "";
    [Personal(PersonalKind.IdNumber)] public string IdNumber { get; private set; } = "";
    public Sex Sex { get; private set; }
    public DateOnly BirthDate { get; private set; }
    [Personal(PersonalKind.Phone)] public string? Phone { get; private set; }
    public string RelationToHead { get; private set; } = "";
    public Residency Residency { get; private set; } = Residency.RegisteredResident;
    /// <summary>The household's path, kept with the person so scope filters need no join.</summary>
    [Derived] public string Path { get; private set; } = "";
    public bool IsActive { get; private set; } = true;
    public PersonStatus Status { get; private set; } = PersonStatus.Active;
    public DateOnly? DeregisteredOn { get; private set; }
    /// <summary>Where someone who moved away went (迁往地), as the registrar was told.</summary>
    public string? Destination { get; private set; }
    /// <summary>Search keys: pinyin initials and full pinyin of the name.</summary>
    [Derived] public string PinyinInitials { get; private set; } = "";
    [Derived] public string PinyinFull { get; private set; } = "";
    /// <summary>
    /// Blind indexes: keyed hashes of the whole ID number, of its last 4, 5 and 6 characters and of
    /// the phone, so that the ledger finds them by equality while the columns hold only ciphertext.
    /// </summary>
    [Derived] public string IdNumberIndex { get; private set; } = "";
    [Derived] public string IdTail4Index { get; private set; } = "";
    [Derived] public string IdTail5Index { get; private set; } = "";
    [Derived] public string IdTail6Index { get; private set; } = "";
    [Derived] public string? PhoneIndex { get; private set; }
    public int Version { get; private set; }

    public static Person Register(Household household, string name, IdNumber id, string? phone, string relationToHead,
        Residency residency, HouseholdHeads heads)
    {
        Validate(name, phone, relationToHead, residency);
        var person = new Person
        {
            HouseholdId = household.Id, IdNumber = id.Value, Sex = id.Sex, BirthDate = id.BirthDate, Path = household.Path,
            IdNumberIndex = IndexOfId(id.Value), IdTail4Index = IndexOfTail(id.Value[^4..]), IdTail5Index = IndexOfTail(id.Value[^5..]),
            IdTail6Index = IndexOfTail(id.Value[^6..]),
        };
        if (HouseholdHeads.IsHead(relationToHead)) heads.Claim(household.Id, person);
        person.Apply(name, phone, relationToHead, residency);
        return person;
    }

    public Person WithId(int id)
    {
        Id = id;
        return this;
    }

    /// <summary>
    /// Changes the editable fields. A phone that comes back exactly as it was shown masked means
    /// "unchanged": a form that displayed 138****5678 never overwrites the real number.
    /// </summary>
    public void Edit(string name, string? phone, string relationToHead, Residency residency, HouseholdHeads heads)
    {
        if (!IsActive) throw new ConflictException("person_inactive");
        if (phone is not null && Phone is not null && phone == Mask.Phone(Phone)) phone = Phone;
        Validate(name, phone, relationToHead, residency);
        if (HouseholdHeads.IsHead(relationToHead)) heads.Claim(HouseholdId, this);
        else if (HouseholdHeads.IsHead(RelationToHead)) heads.Release(HouseholdId, this);
        Apply(name, phone, relationToHead, residency);
    }

    /// <summary>
    /// Moves the person into another household, keeping their relation or taking
    /// <paramref name="relationToHead"/> there: a head may not enter a household that has one.
    /// </summary>
    public void MoveTo(Household household, HouseholdHeads heads, string? relationToHead = null)
    {
        if (!IsActive) throw new ConflictException("person_inactive");
        if (!household.IsActive) throw new ConflictException("household_inactive");
        if (household.Id == HouseholdId) throw new ConflictException("person_same_household");
        var relation = relationToHead?.Trim() ?? RelationToHead;
        if (relation.Length is 0 or > 20) throw new ValidationException("relationToHead", relation.Length == 0 ? "required" : "too_long");
        if (HouseholdHeads.IsHead(relation)) heads.Claim(household.Id, this);
        if (HouseholdHeads.IsHead(RelationToHead)) heads.Release(HouseholdId, this);
        RelationToHead = relation;
        HouseholdId = household.Id;
        Path = household.Path;
    }

    public const int MaxDestination = 100;

    /// <summary>Takes a person off the register (moved away, with where to, or deceased); the record stays and can be restored.</summary>
    public void Deregister(PersonStatus reason, DateOnly on, DateOnly today, string? destination = null)
    {
        if (!IsActive) throw new ConflictException("person_inactive");
        if (reason == PersonStatus.Active || !Enum.IsDefined(reason)) throw new ValidationException("reason", "unknown");
        if (on > today) throw new ValidationException("on", "in_future");
        if (on < BirthDate) throw new ValidationException("on", "before_birth");
        var place = string.IsNullOrWhiteSpace(destination) ? null : destination.Trim();
        if (place?.Length > MaxDestination) throw new ValidationException("destination", "too_long", MaxDestination);
        if (place is not null && reason != PersonStatus.MovedAway) throw new ValidationException("destination", "only_when_moved");
        Status = reason;
        DeregisteredOn = on;
        Destination = place;
        IsActive = false;
    }

    /// <summary>
    /// Undoes a deregistration entered by mistake (or a return): the person is back on the register
    /// in the same household, which must still be open; a head comes back as head only where the
    /// household has none meanwhile.
    /// </summary>
    public void Reinstate(Household household, HouseholdHeads heads)
    {
        if (IsActive) throw new ConflictException("person_active");
        if (household.Id != HouseholdId) throw new InvalidOperationException("A person is reinstated in their own household.");
        if (!household.IsActive) throw new ConflictException("household_inactive");
        if (HouseholdHeads.IsHead(RelationToHead)) heads.Claim(HouseholdId, this);
        Status = PersonStatus.Active;
        DeregisteredOn = null;
        Destination = null;
        IsActive = true;
    }

    /// <summary>
    /// For a record stored before its numbers were encrypted: the blind indexes computed from the
    /// clear values, which the next save stores encrypted.
    /// </summary>
    public void Reindex()
    {
        IdNumberIndex = IndexOfId(IdNumber);
        (IdTail4Index, IdTail5Index, IdTail6Index) = (IndexOfTail(IdNumber[^4..]), IndexOfTail(IdNumber[^5..]), IndexOfTail(IdNumber[^6..]));
        PhoneIndex = Phone is null ? null : IndexOfPhone(Phone);
    }

    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > day ? age - 1 : age;
    }

    private void Apply(string name, string? phone, string relationToHead, Residency residency)
    {
        Name = name.Trim();
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        PhoneIndex = Phone is null ? null : IndexOfPhone(Phone);
        RelationToHead = relationToHead.Trim();
        Residency = residency;
        (PinyinInitials, PinyinFull) = Pinyin.OfName(Name);
    }

    private static void Validate(string name, string? phone, string relationToHead, Residency residency) =>
        new Validator()
            .Require("name", name, 50)
            .Require("relationToHead", relationToHead, 20)
            .Check(Enum.IsDefined(residency), "residency", "unknown")
            .Check(string.IsNullOrWhiteSpace(phone) || IsMobile(phone.Trim()), "phone", "bad_phone")
            .ThrowIfInvalid();

    public static bool IsMobile(string phone) => phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit);

    public static string IndexOfId(string idNumber) => PersonalDataKeys.Current.Index("id", idNumber);

    /// <summary>The last 4, 5 or 6 characters of an ID number: each length its own index, so a tail is matched whole.</summary>
    public static string IndexOfTail(string tail) => PersonalDataKeys.Current.Index("id-tail-" + tail.Length, tail);

    public static string IndexOfPhone(string phone) => PersonalDataKeys.Current.Index("phone", phone);
}
