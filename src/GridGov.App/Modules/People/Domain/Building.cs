using GridGov.Kernel.Privacy;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.People.Domain;

/// <summary>A residential building (楼栋) on a level-3 grid; its head is the 楼栋长.</summary>
public sealed class Building : IScopedByPath, IAudited
{
    private Building() { }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public int? GridId { get; private set; }
    public string Path { get; private set; } = "";
    public string? HeadName { get; private set; }
    [Personal(PersonalKind.Phone)] public string? HeadPhone { get; private set; }

    public static Building Create(string name, string address, Placement placement, string? headName = null, string? headPhone = null)
    {
        new Validator().Require("name", name, 100).Require("address", address, 200)
            .Check(string.IsNullOrWhiteSpace(headPhone) || Person.IsMobile(headPhone.Trim()), "headPhone", "bad_phone").ThrowIfInvalid();
        return new Building
        {
            Name = name.Trim(), Address = address.Trim(), GridId = placement.GridId, Path = placement.Path,
            HeadName = string.IsNullOrWhiteSpace(headName) ? null : headName.Trim(), HeadPhone = string.IsNullOrWhiteSpace(headPhone) ? null : headPhone.Trim(),
        };
    }

    /// <summary>Names the building head (楼栋长), or clears the post.</summary>
    public void AppointHead(string? name, string? phone)
    {
        new Validator().Check(name is null || name.Trim().Length is > 0 and <= 50, "headName", "too_long")
            .Check(string.IsNullOrWhiteSpace(phone) || Person.IsMobile(phone.Trim()), "headPhone", "bad_phone").ThrowIfInvalid();
        HeadName = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        HeadPhone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
    }

    public Building WithId(int id)
    {
        Id = id;
        return this;
    }

    public void PlaceOn(Placement placement)
    {
        GridId = placement.GridId;
        Path = placement.Path;
    }
}
