using GridGov.Kernel.Scoping;

namespace GridGov.Modules.People.Domain;

/// <summary>The places a tag tally is kept at: the county, the township, and the resident's own path.</summary>
public enum TagTallyGrain { County = 0, Township = 1, Place = 2 }

/// <summary>
/// People whose tag starts or ends on a day, at one place of one grain. Who carries a tag on a day
/// D is the starts on or before D less the ends before D, so a validity date passing changes the
/// count with no write at all. The derived elderly tag is kept by birth month at the county and
/// township only (see <see cref="TagShares"/>).
/// </summary>
public class TagTallyRow : IScopedByPath
{
    public TagTallyGrain Grain { get; set; }
    public string Path { get; set; } = "";
    public int TagId { get; set; }
    public DateOnly Day { get; set; }
    public int Starts { get; set; }
    public int Ends { get; set; }
}

public sealed class TagTally : TagTallyRow;

/// <summary>
/// What one save changed at one key; folded into <see cref="TagTally"/> by the Kernel like every
/// tally. Filed upward: a change a township writes is counted at its county too.
/// </summary>
public sealed class TagTallyChange : TagTallyRow, IFiledUpward
{
    public long Id { get; set; }
}

/// <summary>One key of the tag tallies.</summary>
public readonly record struct TagTallyKey(TagTallyGrain Grain, string Path, int TagId, DateOnly Day);

/// <summary>A resident as the tag tallies see them: where, whether on the register, and when born.</summary>
public readonly record struct TaggedResident(string Path, bool IsActive, DateOnly BirthDate);

/// <summary>A tag's validity on a resident.</summary>
public readonly record struct TagSpan(int TagId, DateOnly From, DateOnly? To);

/// <summary>
/// A resident's share of the tag tallies: each tag they carry starts on its first day and ends on
/// its last, at every grain; being elderly starts, at the county and township, on the first day of
/// the month after the month they turn 60. Those who turn 60 in the current month are counted from
/// the residents themselves (<see cref="ElderlyBornFrom"/>): one month of births, never the whole
/// register. Someone off the register has no share.
/// </summary>
public static class TagShares
{
    public static IEnumerable<(TagTallyKey Key, int Starts, int Ends)> Of(TaggedResident resident, IEnumerable<TagSpan> tags, int? elderlyTagId)
    {
        if (!resident.IsActive) yield break;
        foreach (var (grain, path) in Places(resident.Path))
        {
            foreach (var tag in tags)
            {
                yield return (new TagTallyKey(grain, path, tag.TagId, tag.From), 1, 0);
                if (tag.To is { } to) yield return (new TagTallyKey(grain, path, tag.TagId, to), 0, 1);
            }
            if (elderlyTagId is { } elderly && grain != TagTallyGrain.Place)
                yield return (new TagTallyKey(grain, path, elderly, ElderlyCountedFrom(resident.BirthDate)), 1, 0);
        }
    }

    /// <summary>
    /// The grains a path is kept at, with the place each names. Someone placed above any county is
    /// kept at the county grain on their own path, so that a city's count holds them too.
    /// </summary>
    public static IEnumerable<(TagTallyGrain Grain, string Path)> Places(string path)
    {
        yield return (TagTallyGrain.County, TreePath.CountyPath(path) ?? path);
        if (TreePath.TownshipPath(path) is { } township) yield return (TagTallyGrain.Township, township);
        yield return (TagTallyGrain.Place, path);
    }

    /// <summary>The first day of the month after the month someone born on <paramref name="born"/> turns 60.</summary>
    public static DateOnly ElderlyCountedFrom(DateOnly born) =>
        new DateOnly(born.Year, born.Month, 1).AddYears(TagDefinition.ElderlyAge).AddMonths(1);

    /// <summary>The earliest birth date the tallies have not yet counted as elderly on <paramref name="day"/>: the first of that month, 60 years back.</summary>
    public static DateOnly ElderlyBornFrom(DateOnly day)
    {
        var born = day.AddYears(-TagDefinition.ElderlyAge);
        return new DateOnly(born.Year, born.Month, 1);
    }

    /// <summary>The latest birth date of someone elderly on <paramref name="day"/>, as <see cref="Person.AgeOn"/> reckons age.</summary>
    public static DateOnly ElderlyBornBy(DateOnly day) => day.AddYears(-TagDefinition.ElderlyAge);

    /// <summary>The grain that answers for a place: the county's for a county or more, the township's for a township, the places' below.</summary>
    public static TagTallyGrain GrainFor(string place) =>
        TreePath.CountyPath(place) is not { } county || county == place ? TagTallyGrain.County
        : TreePath.TownshipPath(place) == place ? TagTallyGrain.Township
        : TagTallyGrain.Place;
}
