namespace GridGov.Modules.FieldWork.Domain;

/// <summary>What a plan or a visit is about.</summary>
public enum SubjectKind
{
    Person = 1,
    Household = 2,
    Building = 3,
    KeyPlace = 4,
}

/// <summary>A subject as field work keeps it: its kind and id in the ledger, how to name it on a list, and where it is.</summary>
public readonly record struct Subject(SubjectKind Kind, int Id, string Label, int GridId, string Path)
{
    public const int MaxLabel = 200;

    public static string Trim(string label) => label.Length <= MaxLabel ? label : label[..MaxLabel];
}

/// <summary>Why a plan exists: each purpose reads as its own line on a worker's list.</summary>
public enum VisitPurpose
{
    Routine = 1,
    ElderlyAlone = 2,
    WatchCheck = 3,
    KeyPerson = 4,
    FollowUp = 5,
}

public enum VisitOutcome
{
    Met = 1,
    NotAtHome = 2,
    Refused = 3,
    MovedAway = 4,
    Inaccessible = 5,
}
