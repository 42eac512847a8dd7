using GridGov.Kernel.Errors;
using GridGov.Kernel.Localization;
using Microsoft.Extensions.Localization;

namespace GridGov.Shell;

/// <summary>Turns a failed action into the same localised text the API puts in its problem details.</summary>
public static class ErrorText
{
    public static string Of(IStringLocalizer<Strings> text, AppException e)
    {
        var message = text["err." + e.Code, e.Args].Value;
        if (e is ValidationException v)
            message += ": " + string.Join("; ", v.Fields.Select(f => $"{text["fieldName." + f.Key]} {text["field." + f.Value, v.FieldArgs]}"));
        return message;
    }
}
