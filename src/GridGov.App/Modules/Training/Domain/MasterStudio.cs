using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Training.Domain;

public enum StudioState
{
    Applied = 1,
    Selected = 2,
    NotSelected = 3,
    /// <summary>The one-off grant is paid: nothing more happens to the application.</summary>
    Granted = 4,
}

/// <summary>
/// An application for a skill master studio (技能大师工作室): a master of a trade at a host
/// organisation, in a selection round. An expert panel scores it, each expert once; a round
/// selects the best scored among those with enough scores; a selected studio is paid its one-off
/// grant once, by someone other than who selected it.
/// </summary>
public sealed class StudioApplication : IScopedByPath, IAudited
{
    public const int MinScores = 3;
    public const int DefaultGrant = 30_000;

    private StudioApplication() { }

    public int Id { get; private set; }
    public int Round { get; private set; }
    public string AreaCode { get; private set; } = "";
    public string Path { get; private set; } = "";
    public string StudioName { get; private set; } = "";
    public string Master { get; private set; } = "";
    public string Occupation { get; private set; } = "";
    public CertificateLevel MasterLevel { get; private set; }
    public string Host { get; private set; } = "";
    public StudioState State { get; private set; } = StudioState.Applied;
    public string SubmittedBy { get; private set; } = "";
    public DateTime SubmittedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public int? Grant { get; private set; }
    public string? GrantReference { get; private set; }
    public string? GrantedBy { get; private set; }
    public DateTime? GrantedAt { get; private set; }
    public int Version { get; private set; }

    public static StudioApplication Apply(int round, string areaCode, string path, string studioName, string master, string occupation,
        CertificateLevel masterLevel, string host, string by, DateTime at)
    {
        new Validator().Check(round is >= 2000 and <= 2100, "round", "out_of_range").Require("studioName", studioName, 100).Require("master", master, 50)
            .Require("occupation", occupation, 40).Require("host", host, 100)
            .Check(masterLevel >= CertificateLevel.Technician, "masterLevel", "master_level_too_low").ThrowIfInvalid();
        return new StudioApplication
        {
            Round = round, AreaCode = areaCode, Path = path, StudioName = studioName.Trim(), Master = master.Trim(), Occupation = occupation.Trim(),
            MasterLevel = masterLevel, Host = host.Trim(), SubmittedBy = by, SubmittedAt = at,
        };
    }

    /// <summary>A round's selection: the best average scores among applications with enough scores, up to the places; ties at the last place all go in.</summary>
    public static IReadOnlyList<int> Select(IReadOnlyDictionary<int, IReadOnlyList<int>> scores, int places)
    {
        if (places < 1) throw new ValidationException("places", "out_of_range");
        var ranked = scores.Where(s => s.Value.Count >= MinScores).Select(s => (Id: s.Key, Average: s.Value.Average()))
            .OrderByDescending(s => s.Average).ThenBy(s => s.Id).ToList();
        if (ranked.Count <= places) return ranked.Select(r => r.Id).ToList();
        var cut = ranked[places - 1].Average;
        return ranked.Where(r => r.Average >= cut).Select(r => r.Id).ToList();
    }

    public void Decide(bool selected, string by, DateTime at)
    {
        if (State != StudioState.Applied) throw new ConflictException("studio_decided");
        (State, DecidedBy, DecidedAt) = (selected ? StudioState.Selected : StudioState.NotSelected, by, at);
    }

    /// <summary>The one-off grant, once, never by who selected the studio.</summary>
    public void PayGrant(int yuan, string reference, string by, DateTime at)
    {
        if (State == StudioState.Granted) throw new ConflictException("grant_paid");
        if (State != StudioState.Selected) throw new ConflictException("studio_not_selected");
        if (by == DecidedBy) throw new ConflictException("second_person_required");
        new Validator().Check(yuan is > 0 and <= 1_000_000, "grant", "out_of_range").Require("reference", reference, 40).ThrowIfInvalid();
        (State, Grant, GrantReference, GrantedBy, GrantedAt) = (StudioState.Granted, yuan, reference.Trim(), by, at);
    }
}

/// <summary>One expert's score of one application, out of 100; each expert scores an application once.</summary>
public sealed class StudioScore
{
    private StudioScore() { }

    public int Id { get; private set; }
    public int ApplicationId { get; private set; }
    public string Expert { get; private set; } = "";
    public int Score { get; private set; }
    public string? Comment { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    public static StudioScore Of(StudioApplication application, string expert, int score, string? comment, string by, DateTime at)
    {
        if (application.State != StudioState.Applied) throw new ConflictException("studio_decided");
        new Validator().Require("expert", expert, 50).Check(score is >= 0 and <= 100, "score", "out_of_range").Optional("comment", comment, 500).ThrowIfInvalid();
        return new StudioScore
        {
            ApplicationId = application.Id, Expert = expert.Trim(), Score = score, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            RecordedBy = by, RecordedAt = at,
        };
    }
}
