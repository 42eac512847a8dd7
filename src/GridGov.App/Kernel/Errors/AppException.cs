namespace GridGov.Kernel.Errors;

/// <summary>
/// A failure the user can act on. <see cref="Code"/> is stable for API clients; the message is
/// looked up by code in the request's language when the problem is written.
/// </summary>
public class AppException(int status, string code, params object[] args) : Exception(code)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public object[] Args { get; } = args;

    /// <summary>Further members of the problem a client can act on, such as the steps still allowed.</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();
}

public sealed class NotFoundException(string code = "not_found", params object[] args) : AppException(404, code, args);

public sealed class ForbiddenException(string code = "forbidden", params object[] args) : AppException(403, code, args);

public sealed class ConflictException(string code, params object[] args) : AppException(409, code, args);

/// <summary>Input that breaks a rule; <see cref="Fields"/> names each offending field with its error code.</summary>
public sealed class ValidationException : AppException
{
    public ValidationException(IReadOnlyDictionary<string, string> fields) : base(400, "validation_failed")
        => Fields = fields;

    public ValidationException(string field, string fieldCode, params object[] args) : base(400, "validation_failed")
    {
        Fields = new Dictionary<string, string> { [field] = fieldCode };
        FieldArgs = args;
    }

    public IReadOnlyDictionary<string, string> Fields { get; }
    public object[] FieldArgs { get; } = [];
}
