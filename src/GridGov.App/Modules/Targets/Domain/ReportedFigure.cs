using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Targets.Domain;

public enum ReportState { Entered = 1, Approved = 2, Refused = 3 }

/// <summary>
/// A figure a unit reports by hand for an indicator and period, where its records are not kept
/// here: the value (and the denominator of a rate), where it comes from, who entered it and who
/// approved it. Only an approved figure counts; a unit's figures from records and by hand add up.
/// </summary>
public sealed class ReportedFigure : IScopedByPath, IAudited
{
    public const int MaxSource = 200;

    private ReportedFigure() { }

    public long Id { get; private set; }
    public int IndicatorId { get; private set; }
    public string Path { get; private set; } = "";
    public string AreaCode { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public long Numerator { get; private set; }
    public long? Denominator { get; private set; }
    public string Source { get; private set; } = "";
    public ReportState State { get; private set; } = ReportState.Entered;
    public string EnteredBy { get; private set; } = "";
    public DateTime EnteredAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public int Version { get; private set; }

    public static ReportedFigure Enter(Indicator indicator, string path, string areaCode, string unitName, DateOnly from, DateOnly to,
        long numerator, long? denominator, string source, string by, DateTime at)
    {
        new Validator().Check(indicator.AcceptsReports, "indicatorId", "no_reports_for_indicator")
            .Check(from <= to, "to", "before_start")
            .Check(numerator >= 0, "numerator", "out_of_range")
            .Check(indicator.Kind == IndicatorKind.Count ? denominator is null : denominator is > 0 && denominator >= numerator, "denominator",
                indicator.Kind == IndicatorKind.Count ? "count_has_no_denominator" : "out_of_range")
            .Require("source", source, MaxSource).ThrowIfInvalid();
        return new ReportedFigure
        {
            IndicatorId = indicator.Id, Path = path, AreaCode = areaCode, UnitName = unitName, From = from, To = to, Numerator = numerator,
            Denominator = denominator, Source = source.Trim(), EnteredBy = by, EnteredAt = at,
        };
    }

    public void Approve(string by, DateTime at) => Decide(by, at, ReportState.Approved);

    public void Refuse(string by, DateTime at) => Decide(by, at, ReportState.Refused);

    private void Decide(string by, DateTime at, ReportState to)
    {
        if (State != ReportState.Entered) throw new ConflictException("report_decided");
        if (by == EnteredBy) throw new ConflictException("second_person_required");
        (State, DecidedBy, DecidedAt) = (to, by, at);
    }
}
