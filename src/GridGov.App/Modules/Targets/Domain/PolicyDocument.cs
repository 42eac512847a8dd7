using System.Text.RegularExpressions;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Targets.Domain;

/// <summary>
/// A policy document in the register: who issued it, its document number (吕政办发〔2021〕12号),
/// its day and title, the scan of it, and the indicators or programmes it concerns.
/// </summary>
public sealed partial class PolicyDocument : ISeenFromBelow, IAudited
{
    private PolicyDocument() { }

    public int Id { get; private set; }
    public string Path { get; private set; } = "";
    public string AreaCode { get; private set; } = "";
    public string IssuingBody { get; private set; } = "";
    public string Number { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }
    public string Title { get; private set; } = "";
    public string? FileName { get; private set; }
    /// <summary>The indicators it concerns, by id, comma-separated.</summary>
    public string IndicatorIds { get; private set; } = "";
    /// <summary>The programmes it concerns, by name, as the document names them.</summary>
    public string Programmes { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }

    public static PolicyDocument Register(string path, string areaCode, string issuingBody, string number, DateOnly issuedOn, string title, string? fileName,
        IReadOnlyCollection<int> indicatorIds, string? programmes, DateOnly today, string by, DateTime at)
    {
        number = (number ?? "").Trim();
        new Validator().Require("issuingBody", issuingBody, 60).Require("number", number, 40).Require("title", title, 200)
            .Optional("programmes", programmes, 300)
            .Check(number.Length == 0 || NumberPattern().IsMatch(number), "number", "bad_document_number")
            .Check(issuedOn <= today, "issuedOn", "in_future").ThrowIfInvalid();
        return new PolicyDocument
        {
            Path = path, AreaCode = areaCode, IssuingBody = issuingBody.Trim(), Number = number, IssuedOn = issuedOn, Title = title.Trim(), FileName = fileName,
            IndicatorIds = string.Join(',', indicatorIds.Distinct().Order()), Programmes = programmes?.Trim() ?? "", CreatedBy = by, CreatedAt = at,
        };
    }

    public IReadOnlyList<int> Indicators => IndicatorIds.Length == 0 ? [] : IndicatorIds.Split(',').Select(int.Parse).ToList();

    /// <summary>An agency code, the year in 〔〕 (or [] / 【】 as typed) and a serial number with 号: 吕政办发〔2021〕12号.</summary>
    [GeneratedRegex(@"^\S{1,20}[〔\[【]\d{4}[〕\]】]\d{1,5}号$")]
    private static partial Regex NumberPattern();
}
