using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.FieldWork.Domain;

/// <summary>
/// A household put in one worker's care (包片联户). Without one, a household is in the care of its
/// grid's staff, and its plans are on the list of whoever works that grid.
/// </summary>
public sealed class CareAssignment : IScopedByPath, IAudited
{
    private CareAssignment() { }

    public int Id { get; private set; }
    public int HouseholdId { get; private set; }
    public int GridId { get; private set; }
    public string Path { get; private set; } = "";
    public string Worker { get; private set; } = "";
    public DateOnly From { get; private set; }
    public string AssignedBy { get; private set; } = "";

    public static CareAssignment Assign(Subject household, string worker, DateOnly from, string by)
    {
        if (household.Kind != SubjectKind.Household) throw new ValidationException("householdId", "not_household");
        new Validator().Require("worker", worker, 256).ThrowIfInvalid();
        return new CareAssignment { HouseholdId = household.Id, GridId = household.GridId, Path = household.Path, Worker = worker.Trim(), From = from, AssignedBy = by };
    }

    public void Reassign(string worker, DateOnly from, string by)
    {
        new Validator().Require("worker", worker, 256).ThrowIfInvalid();
        (Worker, From, AssignedBy) = (worker.Trim(), from, by);
    }
}
