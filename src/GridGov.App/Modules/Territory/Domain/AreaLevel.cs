namespace GridGov.Modules.Territory.Domain;

public enum AreaLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Township = 4,
    Village = 5,
}
