using GridGov.Kernel.Auditing;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.People.Domain;

/// <summary>A resident on the population ledger (人员信息台账).</summary>
public sealed class Person : IScopedByPath, IAudited
{
    private Person() { }

    public int Id { get; private set; }
    public int HouseholdId { get; private set; }
    public string Name { get; private set; } = "";
    public string IdNumber { get; private set; } = "";
    public Sex Sex { get; private set; }
    public DateOnly BirthDate { get; private set; }
    public string? Phone { get; private set; }
    public string RelationToHead { get; private set; } = "";
    /// <summary>The household's path, kept with the person so scope filters need no join.</summary>
    public string Path { get; private set; } = "";
    public bool IsActive { get; private set; } = true;

    public static Person Register(Household household, string name, IdNumber id, string? phone, string relationToHead) =>
        new()
        {
            HouseholdId = household.Id, Name = name.Trim(), IdNumber = id.Value, Sex = id.Sex, BirthDate = id.BirthDate,
            Phone = phone, RelationToHead = relationToHead, Path = household.Path,
        };

    public Person WithId(int id)
    {
        Id = id;
        return this;
    }
}
