using GridGov.Data;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Kernel.Documents;

public sealed record ExportView(DateTime At, string? Subject, string UserName, string Filter, int Rows, bool FullValues);

/// <summary>
/// The record every export leaves, whichever module wrote the file: added to the caller's unit of
/// work, so that the file and its record stand or fall together.
/// </summary>
public sealed class ExportLog(GridGovDbContext db, CurrentUser user, TimeProvider clock)
{
    public void Record(string subject, string filter, int rows, bool fullValues) =>
        db.Add(ExportRecord.Of(subject, user.ViewPath ?? "", user.UserId ?? "", user.UserName, clock.GetUtcNow().UtcDateTime, filter, rows, fullValues));

    /// <summary>The exports within the reader's view scope, newest first; the caller checks the reader may read audit records.</summary>
    public async Task<Page<ExportView>> ListAsync(PageRequest page, CancellationToken ct) =>
        await db.Set<ExportRecord>().AsNoTracking().OrderByDescending(e => e.Id)
            .Select(e => new ExportView(e.At, e.Subject, e.UserName, e.Filter, e.Rows, e.FullValues)).ToPageAsync(page, ct);
}
