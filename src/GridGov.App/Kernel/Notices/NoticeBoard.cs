using GridGov.Data;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Paging;
using GridGov.Kernel.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Kernel.Notices;

public sealed record NoticeView(long Id, string Kind, string SubjectType, string SubjectKey, string SubjectLabel, string Link, DateTime At, bool IsRead);

/// <summary>
/// In-app notices about any module's subjects. A module adds them in the same unit of work as the
/// change they announce; <see cref="SendPendingAsync"/> hands them to the <see cref="INoticeSender"/>
/// once that work has committed. A reader sees the notices addressed to any audience they answer
/// to, within their view scope; a notice outside both answers 404.
/// </summary>
public sealed class NoticeBoard(GridGovDbContext db, CurrentUser user, IEnumerable<INoticeAudiences> audiences, INoticeSender sender, TimeProvider clock)
{
    private readonly List<Notice> _pending = [];

    /// <summary>The audience of one account.</summary>
    public static string Person(string userId) => "user:" + userId;

    public void Add(NoticeSubject subject, string kind, params IEnumerable<string> to)
    {
        foreach (var audience in to.Distinct())
        {
            var notice = new Notice(audience, kind, subject, clock.GetUtcNow().UtcDateTime);
            db.Add(notice);
            _pending.Add(notice);
        }
    }

    /// <summary>Forgets notices added in a unit of work that was abandoned, so that none is sent for a step never saved.</summary>
    public void DiscardPending() => _pending.Clear();

    public async Task SendPendingAsync(CancellationToken ct)
    {
        foreach (var notice in _pending) await sender.SendAsync(notice, ct);
        _pending.Clear();
    }

    public IReadOnlyList<string> MyAudiences()
    {
        if (user.UserId is not { } id) return [];
        return [Person(id), .. audiences.SelectMany(a => a.Of(user)).Distinct()];
    }

    private IQueryable<Notice> Mine()
    {
        var mine = MyAudiences();
        return db.Set<Notice>().Where(n => mine.Contains(n.Audience));
    }

    public async Task<Page<NoticeView>> InboxAsync(PageRequest page, bool unreadOnly, CancellationToken ct) =>
        await Mine().AsNoTracking().Where(n => !unreadOnly || n.ReadAt == null).OrderByDescending(n => n.Id)
            .Select(n => new NoticeView(n.Id, n.Kind, n.SubjectType, n.SubjectKey, n.SubjectLabel, n.Link, n.At, n.ReadAt != null))
            .ToPageAsync(page, ct);

    public Task<int> UnreadCountAsync(CancellationToken ct) => Mine().CountAsync(n => n.ReadAt == null, ct);

    public async Task MarkReadAsync(long id, CancellationToken ct)
    {
        var notice = await Mine().FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw new NotFoundException("notice_not_found");
        notice.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    public async Task<int> MarkAllReadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await Mine().Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
