using GridGov.Kernel.Privacy;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Territory.Domain;

public enum GridRole
{
    GridLeader = 1,
    FullTimeWorker = 2,
    PartTimeWorker = 3,
    BuildingHead = 4,
    Volunteer = 5,
}

/// <summary>A person serving on a grid: grid leader, grid worker, building head or volunteer.</summary>
public sealed class GridAssignment : IScopedByPath, IAudited
{
    private GridAssignment() { }

    public int Id { get; private set; }
    public int GridId { get; private set; }
    public string Path { get; private set; } = "";
    public GridRole Role { get; private set; }
    public string Name { get; private set; } = "";
    [Personal(PersonalKind.Phone)] public string? Phone { get; private set; }
    /// <summary>The login of the person, when they have one.</summary>
    public string? UserId { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }

    public static GridAssignment Assign(Grid grid, GridRole role, string name, string? phone, string? userId, DateOnly on,
        bool gridHasLeader)
    {
        var v = new Validator().Require("name", name, 50);
        v.Check(Enum.IsDefined(role), "role", "unknown");
        v.Check(phone is null || (phone.Length == 11 && phone.All(char.IsAsciiDigit) && phone[0] == '1'), "phone", "bad_phone");
        v.ThrowIfInvalid();
        if (grid.IsRetired) throw new ConflictException("grid_retired");
        if (role == GridRole.GridLeader && gridHasLeader) throw new ConflictException("grid_has_leader");
        return new GridAssignment
        {
            GridId = grid.Id, Path = grid.Path, Role = role, Name = name.Trim(), Phone = phone, UserId = userId, StartedOn = on,
        };
    }

    public GridAssignment WithId(int id)
    {
        Id = id;
        return this;
    }

    public void End(DateOnly on)
    {
        if (EndedOn is not null) throw new ConflictException("assignment_ended");
        EndedOn = on < StartedOn ? StartedOn : on;
    }
}
