namespace GridGov.Modules.Demo;

/// <summary>Common surnames and given-name characters for plausible demo residents.</summary>
internal static class ChineseNames
{
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏",
        "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "田", "任", "姜", "范", "方", "石",
        "姚", "谭", "郝", "孔", "白", "崔", "康", "毛", "秦", "史", "侯", "孟", "段", "雷", "武", "乔", "贺", "常", "温", "牛",
    ];

    public static readonly string[] MaleChars =
    [
        "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宇", "浩",
        "凯", "健", "俊", "帆", "建", "国", "文", "志", "海", "东", "亮", "林", "成", "永", "忠", "晋", "旺", "福", "生", "宏",
    ];

    public static readonly string[] FemaleChars =
    [
        "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "英", "慧", "玲", "红", "梅", "琳", "燕", "萍", "雪", "婷", "洁",
        "兰", "凤", "琴", "云", "莉", "倩", "佳", "悦", "欣", "瑶", "晶", "丹", "璐", "颖", "月", "春", "花", "彩", "翠", "蓉",
    ];

    public static readonly string[] MobilePrefixes =
        ["134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "182", "183", "187", "188",
         "130", "131", "132", "155", "156", "185", "186", "133", "153", "180", "189", "177", "199"];

    public static string Given(Random random, bool male)
    {
        var chars = male ? MaleChars : FemaleChars;
        var first = chars[random.Next(chars.Length)];
        return random.Next(3) == 0 ? first : first + chars[random.Next(chars.Length)];
    }

    public static string Phone(Random random) =>
        MobilePrefixes[random.Next(MobilePrefixes.Length)] + random.Next(0, 100_000_000).ToString("D8");
}
