using GridGov.Kernel.Privacy;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.People.Domain;

public enum KeyPlaceKind
{
    School = 1,
    Enterprise = 2,
    Hospital = 3,
    Market = 4,
    Other = 9,
}

/// <summary>A key place on a grid (school, enterprise, hospital, market) with the person to contact there.</summary>
public sealed class KeyPlace : IScopedByPath, IAudited
{
    private KeyPlace() { }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public KeyPlaceKind Kind { get; private set; }
    public string Address { get; private set; } = "";
    public int GridId { get; private set; }
    public string Path { get; private set; } = "";
    public string ContactName { get; private set; } = "";
    [Personal(PersonalKind.Phone)] public string? ContactPhone { get; private set; }
    public int Version { get; private set; }

    public static KeyPlace Register(Placement placement, string name, KeyPlaceKind kind, string address, string contactName, string? contactPhone)
    {
        if (placement.GridId is null) throw new ConflictException("grid_level_three_only");
        var place = new KeyPlace { GridId = placement.GridId.Value, Path = placement.Path };
        place.Change(name, kind, address, contactName, contactPhone);
        return place;
    }

    /// <summary>Its grid merged into another: the place now lies on the target.</summary>
    public void MoveTo(Placement placement)
    {
        if (placement.GridId is null) throw new ConflictException("grid_level_three_only");
        (GridId, Path) = (placement.GridId.Value, placement.Path);
    }

    public void Change(string name, KeyPlaceKind kind, string address, string contactName, string? contactPhone)
    {
        // A phone sent back exactly as it was shown masked means "unchanged".
        if (contactPhone is not null && ContactPhone is not null && contactPhone == Mask.Phone(ContactPhone)) contactPhone = ContactPhone;
        new Validator().Require("name", name, 100).Require("address", address, 200).Require("contactName", contactName, 50)
            .Check(Enum.IsDefined(kind), "kind", "unknown")
            .Check(string.IsNullOrWhiteSpace(contactPhone) || Person.IsMobile(contactPhone.Trim()), "contactPhone", "bad_phone")
            .ThrowIfInvalid();
        (Name, Kind, Address, ContactName) = (name.Trim(), kind, address.Trim(), contactName.Trim());
        ContactPhone = string.IsNullOrWhiteSpace(contactPhone) ? null : contactPhone.Trim();
    }
}
