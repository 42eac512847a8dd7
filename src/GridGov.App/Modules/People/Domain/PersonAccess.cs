using GridGov.Kernel.Scoping;

namespace GridGov.Modules.People.Domain;

public enum AccessKind
{
    /// <summary>Opened the person's full record.</summary>
    ViewRecord = 1,
    RevealIdNumber = 2,
    RevealPhone = 3,
    /// <summary>A programme had a text sent to the person's phone (a claim code): the number read, never shown.</summary>
    TextSent = 4,
}

/// <summary>Who looked at whom: every view of a full record and every reveal of a masked value.</summary>
public sealed class PersonAccess : IScopedByPath, GridGov.Kernel.Auditing.IAuditTrail
{
    private PersonAccess() { }

    public long Id { get; private set; }
    public int PersonId { get; private set; }
    public string Path { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public AccessKind Kind { get; private set; }
    public DateTime At { get; private set; }

    public static PersonAccess Record(Person person, string userId, string userName, AccessKind kind, DateTime at) =>
        new() { PersonId = person.Id, Path = person.Path, UserId = userId, UserName = userName, Kind = kind, At = at };
}
