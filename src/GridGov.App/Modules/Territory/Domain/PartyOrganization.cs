using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Territory.Domain;

public enum PartyOrganizationKind
{
    /// <summary>党支部, at a level-1 grid.</summary>
    Branch = 1,
    /// <summary>党小组, at a level-2 grid.</summary>
    Group = 2,
    /// <summary>党员中心户, where no group can be formed.</summary>
    CentreHousehold = 3,
}

/// <summary>Party organisation follows the grid: a branch per level-1, a group per level-2 grid.</summary>
public sealed class PartyOrganization : IScopedByPath, IAudited
{
    private PartyOrganization() { }

    public int Id { get; private set; }
    public int GridId { get; private set; }
    public string Path { get; private set; } = "";
    public PartyOrganizationKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string? SecretaryName { get; private set; }

    public static PartyOrganization Attach(Grid grid, PartyOrganizationKind kind, string name, string? secretary,
        IReadOnlyCollection<PartyOrganizationKind> existingOnGrid)
    {
        new Validator().Require("name", name, 100).ThrowIfInvalid();
        var fits = kind switch
        {
            PartyOrganizationKind.Branch => grid.Level == 1,
            PartyOrganizationKind.Group => grid.Level == 2,
            PartyOrganizationKind.CentreHousehold => grid.Level >= 2 && !existingOnGrid.Contains(PartyOrganizationKind.Group),
            _ => false,
        };
        if (!fits) throw new ConflictException("party_org_level");
        if (kind != PartyOrganizationKind.CentreHousehold && existingOnGrid.Contains(kind)) throw new ConflictException("party_org_exists");
        return new PartyOrganization { GridId = grid.Id, Path = grid.Path, Kind = kind, Name = name.Trim(), SecretaryName = secretary };
    }

    public PartyOrganization WithId(int id)
    {
        Id = id;
        return this;
    }
}
