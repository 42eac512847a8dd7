using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.People.Domain;

/// <summary>A household (户): the unit a level-3 grid is sized by.</summary>
public sealed class Household : IScopedByPath, IAudited
{
    private Household() { }

    public int Id { get; private set; }
    public string Number { get; private set; } = "";
    public string Address { get; private set; } = "";
    public int? BuildingId { get; private set; }
    public int? GridId { get; private set; }
    public string Path { get; private set; } = "";
    public double? Longitude { get; private set; }
    public double? Latitude { get; private set; }
    public bool IsActive { get; private set; } = true;
    public int Version { get; private set; }

    public static Household Create(string number, string address, Placement placement, int? buildingId = null,
        double? longitude = null, double? latitude = null)
    {
        new Validator().Require("number", number, 40).Require("address", address, 200).ThrowIfInvalid();
        return new Household
        {
            Number = number.Trim(), Address = address.Trim(), GridId = placement.GridId, Path = placement.Path,
            BuildingId = buildingId, Longitude = longitude, Latitude = latitude,
        };
    }

    public Household WithId(int id)
    {
        Id = id;
        return this;
    }

    /// <summary>Moves the household to a level-3 grid; its members follow (see HouseholdPlacement).</summary>
    public void MoveTo(Placement target)
    {
        if (!IsActive) throw new ConflictException("household_inactive");
        if (target.GridId is null) throw new ConflictException("grid_level_three_only");
        if (target.GridId == GridId) throw new ConflictException("household_same_grid");
        GridId = target.GridId;
        Path = target.Path;
    }

    public void Change(string number, string address, int? buildingId)
    {
        if (!IsActive) throw new ConflictException("household_inactive");
        new Validator().Require("number", number, 40).Require("address", address, 200).ThrowIfInvalid();
        (Number, Address, BuildingId) = (number.Trim(), address.Trim(), buildingId);
    }

    /// <summary>Closes a household whose members have all moved away or been deregistered; the record stays.</summary>
    public void Close(bool hasActiveMembers)
    {
        if (!IsActive) throw new ConflictException("household_inactive");
        if (hasActiveMembers) throw new ConflictException("household_has_members");
        IsActive = false;
    }

    public void Locate(double? longitude, double? latitude)
    {
        Longitude = longitude;
        Latitude = latitude;
    }
}
