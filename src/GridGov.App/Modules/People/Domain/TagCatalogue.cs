namespace GridGov.Modules.People.Domain;

/// <summary>The categories DOMAIN §2 names, seeded into every new database; counties add their own.</summary>
public static class TagCatalogue
{
    public static IEnumerable<TagDefinition> Seed() =>
    [
        TagDefinition.Define(TagDefinition.Elderly, "老年人", "Elderly (60+)", derived: true),
        TagDefinition.Define("returnee", "返乡人员", "Returnee"),
        TagDefinition.Define("home_watch", "居家健康监测", "Home health watch", sensitive: true, validity: true),
        TagDefinition.Define("poverty_lifted", "脱贫劳动力", "Lifted out of poverty"),
        TagDefinition.Define("edge_household", "边缘户", "Edge household", sensitive: true),
        TagDefinition.Define("subsistence", "低保对象", "Minimum subsistence", sensitive: true),
        TagDefinition.Define("disabled", "残疾人", "Disabled", sensitive: true),
        TagDefinition.Define("veteran", "退役军人", "Veteran"),
        TagDefinition.Define("party_member", "党员", "Party member"),
        TagDefinition.Define("unemployed_graduate", "未就业毕业生", "Unemployed graduate"),
        TagDefinition.Define("laid_off", "下岗失业人员", "Laid-off worker"),
        TagDefinition.Define("migrant_worker", "农民工", "Rural migrant worker"),
    ];
}
