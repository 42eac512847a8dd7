using GridGov.Kernel.Time;
namespace GridGov.Modules.Incidents.Domain;

/// <summary>
/// The catalogue, departments and default routes a county starts from, after the kinds of matter
/// the Lan County papers name (work-safety hazards by sector, disputes, petitions…). Every row can
/// be changed afterwards; the default routes apply everywhere until a county sets its own.
/// </summary>
public static class IncidentReferenceData
{
    public static IReadOnlyList<Department> Departments() =>
    [
        Department.Create("EMERGENCY", "应急管理局", "Emergency Management Bureau"),
        Department.Create("ENERGY", "能源局", "Energy Bureau"),
        Department.Create("NATRES", "自然资源局", "Natural Resources Bureau"),
        Department.Create("HOUSING", "住房和城乡建设局", "Housing and Urban-Rural Development Bureau"),
        Department.Create("FIRE", "消防救援大队", "Fire and Rescue Brigade"),
        Department.Create("POLICE", "公安局", "Public Security Bureau"),
        Department.Create("MARKET", "市场监督管理局", "Market Regulation Bureau"),
        Department.Create("ECOENV", "生态环境局", "Ecology and Environment Bureau"),
        Department.Create("HEALTH", "卫生健康局", "Health Commission"),
        Department.Create("CIVIL", "民政局", "Civil Affairs Bureau"),
        Department.Create("HRSS", "人力资源和社会保障局", "Human Resources and Social Security Bureau"),
        Department.Create("JUSTICE", "司法局", "Justice Bureau"),
        Department.Create("PETITION", "信访局", "Letters and Visits Bureau"),
        Department.Create("URBAN", "城市管理局", "Urban Management Bureau"),
        Department.Create("WATER", "水利局", "Water Resources Bureau"),
        Department.Create("TRANSPORT", "交通运输局", "Transport Bureau"),
    ];

    private sealed record Group(string Code, string Name, string English, CategoryKind Kind, HandlingLevel Level, string? Lead,
        (string Code, string Name, string English, string[] Assisting)[] Items);

    private static readonly Group[] Groups =
    [
        new("SAFE", "安全生产隐患", "Work-safety hazards", CategoryKind.General, HandlingLevel.County, "EMERGENCY",
        [
            ("SAFE.COAL", "煤矿", "Coal mines", ["ENERGY"]), ("SAFE.MINE", "非煤矿山", "Non-coal mines", ["NATRES"]),
            ("SAFE.HAZCHEM", "危险化学品", "Hazardous chemicals", ["FIRE"]), ("SAFE.GAS", "燃气管道", "Gas pipelines", ["HOUSING"]),
            ("SAFE.FIRE", "消防", "Fire", ["FIRE"]), ("SAFE.ROAD", "道路交通", "Road traffic", ["POLICE", "TRANSPORT"]),
            ("SAFE.FOOD", "食品药品", "Food and drugs", ["MARKET"]), ("SAFE.GEO", "地质灾害", "Geological hazards", ["NATRES"]),
            ("SAFE.BUILD", "建筑施工", "Construction", ["HOUSING"]),
        ]),
        new("DISPUTE", "矛盾纠纷", "Disputes", CategoryKind.Dispute, HandlingLevel.Township, "JUSTICE",
        [
            ("DISPUTE.NEIGHBOR", "邻里纠纷", "Between neighbours", []), ("DISPUTE.FAMILY", "婚姻家庭纠纷", "Marriage and family", ["CIVIL"]),
            ("DISPUTE.LAND", "土地纠纷", "Land", ["NATRES"]), ("DISPUTE.WAGES", "劳资纠纷", "Wages and labour", ["HRSS"]),
        ]),
        new("PETITION", "信访事项", "Petitions", CategoryKind.Petition, HandlingLevel.County, "PETITION",
        [
            ("PETITION.GENERAL", "一般信访", "General petitions", []),
        ]),
        new("ENV", "环境卫生", "Environment and sanitation", CategoryKind.General, HandlingLevel.Township, "URBAN",
        [
            ("ENV.LITTER", "乱堆乱放", "Litter and clutter", []), ("ENV.GARBAGE", "垃圾清运", "Refuse collection", []),
            ("ENV.POLLUTION", "环境污染", "Pollution", ["ECOENV"]),
        ]),
        new("CITY", "市政设施", "Municipal facilities", CategoryKind.General, HandlingLevel.County, "HOUSING",
        [
            ("CITY.ROAD", "道路破损", "Damaged roads", ["TRANSPORT"]), ("CITY.LIGHT", "路灯", "Street lights", []),
            ("CITY.WATER", "供水排水", "Water and drains", ["WATER"]), ("CITY.MANHOLE", "井盖", "Manhole covers", []),
        ]),
        new("HEALTH", "公共卫生", "Public health", CategoryKind.General, HandlingLevel.Township, "HEALTH",
        [
            ("HEALTH.EPIDEMIC", "疫情线索", "Epidemic signals", []), ("HEALTH.WATCH", "居家健康监测", "Home health watch", []),
        ]),
        new("LIFE", "民生服务", "Livelihood services", CategoryKind.General, HandlingLevel.Community, "CIVIL",
        [
            ("LIFE.ELDERLY", "养老服务", "Elderly care", []), ("LIFE.AID", "社会救助", "Social assistance", []),
            ("LIFE.JOBS", "就业服务", "Employment", ["HRSS"]),
        ]),
        new("OTHER", "其他", "Other", CategoryKind.General, HandlingLevel.Community, null, [("OTHER.OTHER", "其他事项", "Other matters", [])]),
    ];

    /// <summary>Items a grid settles itself, by default (网格自治).</summary>
    private static readonly string[] GridLevel = ["ENV.LITTER", "DISPUTE.NEIGHBOR"];

    public static IReadOnlyList<IncidentCategory> Categories()
    {
        var list = new List<IncidentCategory>();
        var order = 0;
        foreach (var g in Groups)
        {
            list.Add(IncidentCategory.Create(g.Code, null, g.Name, g.English, g.Kind, order += 10));
            foreach (var i in g.Items) list.Add(IncidentCategory.Create(i.Code, g.Code, i.Name, i.English, g.Kind, ++order));
        }
        return list;
    }

    /// <summary>The default routes, for the whole tree: one per group, and one per item that differs from its group.</summary>
    public static IReadOnlyList<RoutingRule> Routes()
    {
        var rules = new List<RoutingRule>();
        foreach (var g in Groups)
        {
            var limits = g.Level == HandlingLevel.County
                ? new StepLimits(TimeLimit.Hours(2), TimeLimit.Hours(2), TimeLimit.WorkingDays(5), TimeLimit.WorkingDays(1))
                : RoutingRule.DefaultLimits;
            rules.Add(RoutingRule.Create(g.Code, "", g.Level, g.Lead, [], limits));
            foreach (var i in g.Items)
            {
                var level = GridLevel.Contains(i.Code) ? HandlingLevel.Grid : g.Level;
                if (i.Assisting.Length > 0 || level != g.Level)
                    rules.Add(RoutingRule.Create(i.Code, "", level, g.Lead, i.Assisting,
                        level == HandlingLevel.Grid ? new(TimeLimit.Hours(24), TimeLimit.Hours(4), TimeLimit.WorkingDays(2), TimeLimit.WorkingDays(1)) : limits));
            }
        }
        return rules;
    }
}
