using GridGov.Kernel.Auditing;
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
    public string? HeadPhone { get; private set; }

    public static Building Create(string name, string address, Placement placement, string? headName = null, string? headPhone = null) =>
        new()
        {
            Name = name.Trim(), Address = address.Trim(), GridId = placement.GridId, Path = placement.Path,
            HeadName = headName, HeadPhone = headPhone,
        };

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
