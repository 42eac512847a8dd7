using GridGov.Modules.People.Domain;

namespace GridGov.Modules.People.Application.Import;

/// <summary>The county ledger's columns, in the template's order, with the example row the template carries.</summary>
public static class LedgerColumns
{
    public const string Grid = "网格代码";
    public const string Household = "户号";
    public const string Address = "地址";
    public const string Name = "姓名";
    public const string IdNumber = "身份证号";
    public const string Phone = "手机号";
    public const string Relation = "与户主关系";
    public const string Residency = "居住类型";

    public static readonly string[] All = [Grid, Household, Address, Name, IdNumber, Phone, Relation, Residency];
    public static readonly string[] Required = [Grid, Household, Address, Name, IdNumber, Relation];

    /// <summary>The template's columns and a few of the county's own (序号, 备注…); a wider file is refused before its rows are read.</summary>
    public static readonly int MaxColumns = All.Length + 8;

    public static readonly IReadOnlyDictionary<string, Domain.Residency> Residencies = new Dictionary<string, Domain.Residency>
    {
        ["户籍人口"] = Domain.Residency.RegisteredResident, ["人在户不在"] = Domain.Residency.UnregisteredResident,
        ["流动人口"] = Domain.Residency.Migrant, ["户在人不在"] = Domain.Residency.RegisteredAbsent,
    };

    /// <summary>
    /// The template's sample row. Its grid code names no county (area 000000), so a template
    /// uploaded unchanged is refused on that row and never reaches a real household.
    /// </summary>
    public const string ExampleGrid = "00000000000030001";

    public static Dictionary<string, object?> Example() => new()
    {
        [Grid] = ExampleGrid, [Household] = "示例户号0001", [Address] = "岚县东村镇滨河社区岚漪苑1号楼1单元101室",
        [Name] = "张三", [IdNumber] = "11010519491231002X", [Phone] = "13812345678", [Relation] = Relations.Head, [Residency] = "户籍人口",
    };
}
