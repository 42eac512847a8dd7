using System.Globalization;
using System.Text.Json;
using GridGov.Kernel.Errors;

namespace GridGov.Modules.FieldWork.Domain;

public enum QuestionType
{
    YesNo = 1,
    Choice = 2,
    Number = 3,
    Date = 4,
    Text = 5,
}

/// <summary>One question of a campaign's form, answered per subject.</summary>
public sealed record CampaignQuestion(string Key, string Label, QuestionType Type, bool Required = false, IReadOnlyList<string>? Choices = null);

/// <summary>
/// A campaign's form: its questions, and the check of a subject's answers against them. Answers are
/// kept as text per question key ("yes"/"no", a choice, an invariant number, an ISO date, text).
/// </summary>
public static class CampaignForm
{
    public const int MaxQuestions = 40;
    public const int MaxText = 500;
    public const string Yes = "yes";
    public const string No = "no";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Validate(IReadOnlyList<CampaignQuestion> questions)
    {
        var v = new Validator();
        v.Check(questions.Count is >= 1 and <= MaxQuestions, "questions", "out_of_range");
        v.Check(questions.Select(q => q.Key).Distinct().Count() == questions.Count, "questions", "duplicate");
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var field = $"questions[{i}]";
            v.Check(!string.IsNullOrWhiteSpace(q.Key) && q.Key.Length <= 30 && q.Key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'), field + ".key", "bad_code");
            v.Check(!string.IsNullOrWhiteSpace(q.Label) && q.Label.Length <= 100, field + ".label", "required");
            v.Check(Enum.IsDefined(q.Type), field + ".type", "unknown");
            v.Check(q.Type != QuestionType.Choice || q.Choices is { Count: >= 2 and <= 20 } c && c.All(x => !string.IsNullOrWhiteSpace(x) && x.Length <= 50)
                && c.Distinct().Count() == c.Count, field + ".choices", "out_of_range");
        }
        v.ThrowIfInvalid();
    }

    /// <summary>The answers, each checked against its question; a required question must be answered when the subject is done.</summary>
    public static IReadOnlyDictionary<string, string> Check(IReadOnlyList<CampaignQuestion> questions, IReadOnlyDictionary<string, string?>? answers,
        bool complete)
    {
        answers ??= new Dictionary<string, string?>();
        var v = new Validator();
        foreach (var key in answers.Keys.Where(k => questions.All(q => q.Key != k))) v.Check(false, "answers." + key, "unknown");
        var kept = new Dictionary<string, string>();
        foreach (var q in questions)
        {
            var value = answers.GetValueOrDefault(q.Key)?.Trim();
            var field = "answers." + q.Key;
            if (string.IsNullOrEmpty(value))
            {
                v.Check(!(complete && q.Required), field, "required");
                continue;
            }
            var ok = q.Type switch
            {
                QuestionType.YesNo => value is Yes or No,
                QuestionType.Choice => q.Choices!.Contains(value),
                QuestionType.Number => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
                QuestionType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                _ => value.Length <= MaxText,
            };
            v.Check(ok, field, q.Type == QuestionType.Text ? "too_long" : "bad_answer");
            if (ok) kept[q.Key] = value;
        }
        v.ThrowIfInvalid();
        return kept;
    }

    public static string Write(IReadOnlyList<CampaignQuestion> questions) => JsonSerializer.Serialize(questions, Json);

    public static IReadOnlyList<CampaignQuestion> Read(string json) => JsonSerializer.Deserialize<List<CampaignQuestion>>(json, Json) ?? [];

    public static string WriteAnswers(IReadOnlyDictionary<string, string> answers) => JsonSerializer.Serialize(answers, Json);

    public static IReadOnlyDictionary<string, string> ReadAnswers(string? json) =>
        string.IsNullOrEmpty(json) ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json) ?? [];
}
