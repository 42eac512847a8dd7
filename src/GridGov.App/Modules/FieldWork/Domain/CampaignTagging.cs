using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.FieldWork.Domain;

/// <summary>
/// Tags a campaign gives the people it screened with one answer ("fever: yes" → under home watch),
/// proposed by whoever plans the campaign and applied only when a second person approves.
/// </summary>
public sealed class CampaignTagging : IScopedByPath, IAudited
{
    private CampaignTagging() { }

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public string Path { get; private set; } = "";
    public string QuestionKey { get; private set; } = "";
    public string Answer { get; private set; } = "";
    public string TagCode { get; private set; } = "";
    public string ProposedBy { get; private set; } = "";
    public DateTime ProposedAt { get; private set; }
    public ProposalState State { get; private set; } = ProposalState.Proposed;
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public int Applied { get; private set; }
    public int Version { get; private set; }

    public static CampaignTagging Propose(Campaign campaign, string questionKey, string answer, string tagCode, string by, DateTime at)
    {
        var question = campaign.Form.FirstOrDefault(q => q.Key == questionKey) ?? throw new ValidationException("questionKey", "unknown");
        new Validator()
            .Check(question.Type is QuestionType.YesNo or QuestionType.Choice, "questionKey", "yes_no_or_choice_only")
            .Check(question.Type == QuestionType.YesNo ? answer is CampaignForm.Yes or CampaignForm.No : question.Choices!.Contains(answer), "answer", "bad_answer")
            .Require("tagCode", tagCode, 40)
            .ThrowIfInvalid();
        if (campaign.State == CampaignState.Draft) throw new ConflictException("campaign_not_running");
        return new CampaignTagging
        {
            CampaignId = campaign.Id, Path = campaign.Path, QuestionKey = questionKey, Answer = answer, TagCode = tagCode, ProposedBy = by, ProposedAt = at,
        };
    }

    public void Approve(string by, DateTime at) => Decide(ProposalState.Confirmed, by, at);

    public void Decline(string by, DateTime at) => Decide(ProposalState.Declined, by, at);

    public void Done(int applied) => Applied = applied;

    private void Decide(ProposalState to, string by, DateTime at)
    {
        if (State != ProposalState.Proposed) throw new ConflictException("proposal_decided");
        if (by == ProposedBy) throw new ConflictException("second_person_required");
        (State, DecidedBy, DecidedAt) = (to, by, at);
    }
}
