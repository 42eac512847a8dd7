using System.Globalization;
using GridGov.Kernel.Files;
using Microsoft.AspNetCore.Http;

namespace GridGov.Shell;

/// <summary>
/// What the pages' static forms post, read once: a day typed in an ISO date input, and images
/// uploaded in a file input, each stored through the Kernel's file store as an upload of the
/// caller's, ready for the record that claims it.
/// </summary>
public static class PostedForm
{
    /// <summary>A day from a date input, or the fallback when none was given.</summary>
    public static DateOnly Day(this IFormCollection form, string field, DateOnly fallback) =>
        DateOnly.TryParse(form[field], CultureInfo.InvariantCulture, out var day) ? day : fallback;

    /// <summary>Each image posted in a file input, stored; their stored names in order.</summary>
    public static async Task<List<string>> SaveImagesAsync(this IFormCollection form, string field, FileStore files, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var file in form.Files.GetFiles(field).Where(f => f.Length > 0))
        {
            await using var content = file.OpenReadStream();
            names.Add(await files.SaveImageAsync(content, ct));
        }
        return names;
    }
}
