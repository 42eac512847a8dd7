using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Training.Domain;

public enum StationKind
{
    /// <summary>服务处: the brand's office in a city its workers go to.</summary>
    Office = 1,
    /// <summary>服务站.</summary>
    Station = 2,
}

/// <summary>
/// A labour brand's office or station in another city (吕梁山护工 in Taiyuan, Beijing…): where its
/// trainees are placed and looked after. Registered by the bureau of the area that runs the brand.
/// </summary>
public sealed class BrandStation : IScopedByPath, IAudited
{
    public const string Caregivers = "吕梁山护工";

    private BrandStation() { }

    public int Id { get; private set; }
    public string Brand { get; private set; } = "";
    public StationKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string City { get; private set; } = "";
    public string Contact { get; private set; } = "";
    public DateOnly OpenedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string Path { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public int Version { get; private set; }

    public static BrandStation Open(string brand, StationKind kind, string name, string city, string contact, DateOnly openedOn, string path, string by)
    {
        new Validator().Require("brand", brand, 20).Check(Enum.IsDefined(kind), "kind", "unknown").Require("name", name, 100).Require("city", city, 20)
            .Require("contact", contact, 50).ThrowIfInvalid();
        return new BrandStation
        {
            Brand = brand.Trim(), Kind = kind, Name = name.Trim(), City = city.Trim(), Contact = contact.Trim(), OpenedOn = openedOn, Path = path, CreatedBy = by,
        };
    }

    public void Close(DateOnly on)
    {
        if (ClosedOn is not null) throw new ConflictException("station_closed");
        if (on < OpenedOn) throw new ValidationException("closedOn", "before_opening");
        ClosedOn = on;
    }
}
