namespace GridGov.Kernel.Errors;

/// <summary>Collects every field error of one input so the user sees them all at once.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, string> _fields = new();

    public Validator Require(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) Fail(field, "required");
        else if (value.Trim().Length > maxLength) Fail(field, "too_long");
        return this;
    }

    public Validator Optional(string field, string? value, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength) Fail(field, "too_long");
        return this;
    }

    public Validator Check(bool ok, string field, string code)
    {
        if (!ok) Fail(field, code);
        return this;
    }

    public void Fail(string field, string code) => _fields.TryAdd(field, code);

    public void ThrowIfInvalid()
    {
        if (_fields.Count > 0) throw new ValidationException(_fields);
    }
}
