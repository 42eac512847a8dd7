namespace GridGov.Modules.People.Domain;

/// <summary>Relations to the head of household as the household register writes them.</summary>
public static class Relations
{
    public const string Head = "户主";
    public const string Spouse = "配偶";
    public const string Child = "子女";
    public const string Parent = "父母";
    public const string Grandchild = "孙子女";
    public const string Other = "其他";
}
