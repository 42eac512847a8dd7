namespace GridGov.Modules.Demo;

/// <summary>
/// Lüliang's county-level units under their real division codes (GB/T 2260), and the townships and
/// urban communities of Lan County. Codes below county level follow the 12-digit statistical pattern
/// and are illustrative.
/// </summary>
internal static class LuliangDivisions
{
    public const string Province = "140000000000";
    public const string ProvinceName = "山西省";
    public const string City = "141100000000";
    public const string CityName = "吕梁市";
    public const string LanCounty = "141127000000";
    public const string Dongcun = "141127100000";
    public const string Binhe = "141127100001";

    public static readonly (string Code, string Name)[] Counties =
    [
        ("141102", "离石区"), ("141121", "文水县"), ("141122", "交城县"), ("141123", "兴县"), ("141124", "临县"),
        ("141125", "柳林县"), ("141126", "石楼县"), ("141127", "岚县"), ("141128", "方山县"), ("141129", "中阳县"),
        ("141130", "交口县"), ("141181", "孝义市"), ("141182", "汾阳市"),
    ];

    public static readonly (string Code, string Name)[] LanTownships =
    [
        ("141127100", "东村镇"), ("141127101", "岚城镇"), ("141127102", "普明镇"), ("141127103", "界河口镇"),
        ("141127200", "土峪乡"), ("141127201", "上明乡"), ("141127202", "王狮乡"), ("141127203", "梁家庄乡"),
        ("141127204", "顺会乡"), ("141127205", "河口乡"), ("141127206", "社科乡"), ("141127207", "大蛇头乡"),
    ];

    /// <summary>The urban communities of the county seat and how many level-1 grids each holds (75 in all).</summary>
    public static readonly (string Code, string Name, int LevelOneGrids)[] UrbanCommunities =
    [
        (Binhe, "滨河社区", 8), ("141127100002", "东关社区", 7), ("141127100003", "西关社区", 7), ("141127100004", "南关社区", 7),
        ("141127100005", "北关社区", 7), ("141127100006", "岚漪社区", 8), ("141127100007", "新城社区", 8), ("141127100008", "城东社区", 7),
        ("141127100009", "城西社区", 8), ("141127100010", "鑫源社区", 8),
    ];

    /// <summary>Binhe community's six residential compounds.</summary>
    public static readonly string[] BinheCompounds = ["滨河花园", "岚漪苑", "锦绣家园", "阳光小区", "盛世华庭", "福苑小区"];

    public static readonly string[] Streets = ["岚漪路", "滨河路", "东关街", "西关街", "南大街", "北大街", "新城路", "府前街", "文化路", "鑫源街"];
}
