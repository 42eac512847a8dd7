using GridGov.Kernel.Time;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Incidents.Domain;

/// <summary>
/// Where incidents of one category in one area go (分级分类派遣): the level that handles them,
/// the lead and assisting departments, and each step's time limit. The most specific area wins,
/// and a rule for a category group covers its items. Every change is kept in history.
/// </summary>
public sealed class RoutingRule : IScopedByPath, IAudited
{
    private RoutingRule() { }

    public int Id { get; private set; }
    public string CategoryCode { get; private set; } = "";
    /// <summary>The area the rule applies to; an incident anywhere below it is covered.</summary>
    public string Path { get; private set; } = "";
    public HandlingLevel Level { get; private set; }
    public string? LeadDepartmentCode { get; private set; }
    /// <summary>Comma-separated department codes.</summary>
    public string AssistingDepartmentCodes { get; private set; } = "";
    public int AcceptAmount { get; private set; }
    public DeadlineUnit AcceptUnit { get; private set; }
    public int AcknowledgeAmount { get; private set; }
    public DeadlineUnit AcknowledgeUnit { get; private set; }
    public int HandleAmount { get; private set; }
    public DeadlineUnit HandleUnit { get; private set; }
    public int VerifyAmount { get; private set; }
    public DeadlineUnit VerifyUnit { get; private set; }
    public int Version { get; private set; }

    public StepLimits Limits => new(new(AcceptAmount, AcceptUnit), new(AcknowledgeAmount, AcknowledgeUnit),
        new(HandleAmount, HandleUnit), new(VerifyAmount, VerifyUnit));

    public IReadOnlyList<string> Assisting => AssistingDepartmentCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static readonly StepLimits DefaultLimits = new(TimeLimit.Hours(4), TimeLimit.Hours(2), TimeLimit.WorkingDays(5), TimeLimit.WorkingDays(1));

    public static RoutingRule Create(string categoryCode, string areaPath, HandlingLevel level, string? lead, IReadOnlyCollection<string> assisting, StepLimits limits)
    {
        var rule = new RoutingRule { CategoryCode = categoryCode, Path = areaPath };
        rule.Change(level, lead, assisting, limits);
        return rule;
    }

    public void Change(HandlingLevel level, string? lead, IReadOnlyCollection<string> assisting, StepLimits limits)
    {
        var v = new Validator();
        if (!Enum.IsDefined(level)) v.Fail("level", "unknown");
        if (level != HandlingLevel.Grid && string.IsNullOrWhiteSpace(lead) && assisting.Count > 0) v.Fail("leadDepartmentCode", "required");
        if (lead is not null && assisting.Contains(lead)) v.Fail("assistingDepartmentCodes", "includes_lead");
        foreach (var (name, limit) in new[] { ("accept", limits.Accept), ("acknowledge", limits.Acknowledge), ("handle", limits.Handle), ("verify", limits.Verify) })
            if (limit.Amount is < 1 or > 720 || !Enum.IsDefined(limit.Unit)) v.Fail(name, "out_of_range");
        v.ThrowIfInvalid();
        Level = level;
        LeadDepartmentCode = string.IsNullOrWhiteSpace(lead) ? null : lead.Trim().ToUpperInvariant();
        AssistingDepartmentCodes = string.Join(",", assisting.Select(a => a.Trim().ToUpperInvariant()).Distinct());
        (AcceptAmount, AcceptUnit) = (limits.Accept.Amount, limits.Accept.Unit);
        (AcknowledgeAmount, AcknowledgeUnit) = (limits.Acknowledge.Amount, limits.Acknowledge.Unit);
        (HandleAmount, HandleUnit) = (limits.Handle.Amount, limits.Handle.Unit);
        (VerifyAmount, VerifyUnit) = (limits.Verify.Amount, limits.Verify.Unit);
    }
}
