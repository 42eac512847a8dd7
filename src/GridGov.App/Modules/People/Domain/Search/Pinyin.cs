using System.Text;

namespace GridGov.Modules.People.Domain.Search;

/// <summary>
/// Toneless pinyin of a Chinese name, for search by initials ("zs" finds 张三) or in full
/// ("zhangsan"). Readings come from Unicode's Unihan kMandarin; surnames read differently from
/// the common reading of their character take their surname reading.
/// </summary>
public static class Pinyin
{
    private static readonly Lazy<string[]> Table = new(Load);
    private const int First = 0x4E00, Last = 0x9FFF;

    private static readonly Dictionary<char, string> Surnames = new()
    {
        ['曾'] = "zeng", ['单'] = "shan", ['解'] = "xie", ['仇'] = "qiu", ['区'] = "ou", ['查'] = "zha", ['朴'] = "piao",
        ['盖'] = "ge", ['缪'] = "miao", ['翟'] = "zhai", ['乐'] = "yue", ['覃'] = "qin", ['种'] = "chong", ['尉'] = "yu",
        ['秘'] = "bi", ['长'] = "chang", ['柏'] = "bai", ['薄'] = "bo", ['沈'] = "shen", ['重'] = "chong", ['员'] = "yun",
    };

    public static string Of(char c, bool surname = false)
    {
        if (surname && Surnames.TryGetValue(c, out var reading)) return reading;
        if (c is >= (char)First and <= (char)Last)
        {
            var r = Table.Value[c - First];
            return r == "-" ? "" : r;
        }
        return char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c).ToString() : "";
    }

    /// <summary>(initials, full) of a name; the first character is read as a surname.</summary>
    public static (string Initials, string Full) OfName(string name)
    {
        var initials = new StringBuilder();
        var full = new StringBuilder();
        var trimmed = name.Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            var p = Of(trimmed[i], surname: i == 0);
            if (p.Length == 0) continue;
            initials.Append(p[0]);
            full.Append(p);
        }
        return (initials.ToString(), full.ToString());
    }

    private static readonly Lazy<(HashSet<string> Syllables, HashSet<string> Prefixes)> SyllableSets = new(() =>
    {
        var syllables = Table.Value.Where(r => r != "-").ToHashSet();
        var prefixes = syllables.SelectMany(s => Enumerable.Range(1, s.Length).Select(n => s[..n])).ToHashSet();
        return (syllables, prefixes);
    });

    /// <summary>Whether the letters can begin a full reading: whole syllables, then the start of one.</summary>
    public static bool CouldBeFullPrefix(string letters)
    {
        var (syllables, prefixes) = SyllableSets.Value;
        // reachable[i]: the first i letters are whole syllables.
        var reachable = new bool[letters.Length + 1];
        reachable[0] = true;
        for (var i = 0; i < letters.Length; i++)
        {
            if (!reachable[i]) continue;
            for (var n = 1; i + n <= letters.Length && n <= 6; n++)
            {
                var part = letters.Substring(i, n);
                if (i + n == letters.Length && prefixes.Contains(part)) return true;
                if (syllables.Contains(part)) reachable[i + n] = true;
            }
        }
        return false;
    }

    /// <summary>Whether the letters can be initials: no syllable begins with i, u or v.</summary>
    public static bool CouldBeInitials(string letters) =>
        letters.Length <= 4 && letters.All(c => c is not ('i' or 'u' or 'v'));

    private static string[] Load()
    {
        using var stream = typeof(Pinyin).Assembly.GetManifestResourceStream("GridGov.Pinyin.txt")
            ?? throw new InvalidOperationException("pinyin table missing");
        using var reader = new StreamReader(stream, Encoding.ASCII);
        reader.ReadLine();
        var table = reader.ReadLine()!.Split(' ');
        if (table.Length != Last - First + 1) throw new InvalidOperationException("pinyin table has the wrong length");
        return table;
    }
}
