using GridGov.Modules.People.Domain;

namespace GridGov.Modules.Demo;

/// <summary>
/// Makes plausible buildings, households and residents for a level-3 grid: Chinese names, addresses,
/// mobile numbers and valid ID numbers whose birth date and sex agree with the record. Deterministic
/// for a given seed; ids are assigned here so rows can be bulk-written.
/// </summary>
public sealed class PopulationFactory(int seed, DateOnly today, string idAreaCode = "141127")
{
    private readonly Random _random = new(seed);
    private readonly HashSet<string> _idNumbers = [];
    private int _buildingId, _householdId, _personId, _sequence;

    public int Households => _householdId;
    public int Residents => _personId;

    public Building NewBuilding(string name, string address, Placement placement) =>
        Building.Create(name, address, placement, NewName(out _), ChineseNames.Phone(_random)).WithId(++_buildingId);

    /// <summary>A household with 1–5 members; the point, when given, is where it is located.</summary>
    public (Household Household, List<Person> Members) NewHousehold(string number, string address, Placement placement, int? buildingId,
        (double Lon, double Lat)? point = null)
    {
        var household = Household.Create(number, address, placement, buildingId, point?.Lon, point?.Lat).WithId(++_householdId);
        var size = _random.Next(100) switch { < 16 => 1, < 51 => 2, < 81 => 3, < 95 => 4, _ => 5 };
        var surname = ChineseNames.Surnames[_random.Next(ChineseNames.Surnames.Length)];
        var headMale = _random.Next(100) < 70;
        var headAge = _random.Next(28, 82);
        // A new household, headed by its first member.
        var heads = new HouseholdHeads();
        heads.Know(household.Id, null);
        var members = new List<Person> { NewPerson(household, surname, headMale, headAge, Relations.Head, heads) };
        if (size >= 2)
            members.Add(NewPerson(household, ChineseNames.Surnames[_random.Next(ChineseNames.Surnames.Length)], !headMale,
                Math.Clamp(headAge + _random.Next(-5, 6), 20, 95), Relations.Spouse, heads));
        for (var i = 2; i < size; i++)
        {
            if (headAge < 55 && i == size - 1 && _random.Next(3) == 0)
                members.Add(NewPerson(household, surname, _random.Next(2) == 0, Math.Min(headAge + _random.Next(24, 32), 99), Relations.Parent, heads));
            else
                members.Add(NewPerson(household, surname, _random.Next(2) == 0, Math.Max(0, headAge - _random.Next(22, 36)), Relations.Child, heads));
        }
        return (household, members);
    }

    private Person NewPerson(Household household, string surname, bool male, int age, string relation, HouseholdHeads heads)
    {
        var birth = today.AddYears(-age).AddDays(-_random.Next(0, 365));
        string number;
        do number = IdNumber.Compose(idAreaCode, birth, ++_sequence, male ? Sex.Male : Sex.Female);
        while (!_idNumbers.Add(number));
        IdNumber.TryParse(number, today, out var id);
        var phone = age >= 16 && _random.Next(100) < 85 ? ChineseNames.Phone(_random) : null;
        return Person.Register(household, surname + ChineseNames.Given(_random, male), id, phone, relation, Residency.RegisteredResident, heads).WithId(++_personId);
    }

    public string NewName(out bool male)
    {
        male = _random.Next(2) == 0;
        return ChineseNames.Surnames[_random.Next(ChineseNames.Surnames.Length)] + ChineseNames.Given(_random, male);
    }

    public string NewPhone() => ChineseNames.Phone(_random);

    public int Next(int min, int max) => _random.Next(min, max);

    public double NextDouble() => _random.NextDouble();

    public void Shuffle<T>(T[] items) => _random.Shuffle(items);
}
