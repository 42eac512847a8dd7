using GridGov.Kernel.Scoping;

namespace GridGov.Kernel.Notices;

/// <summary>What a notice is about: any module's record, named by type and key, shown by its label, opened at its link.</summary>
public sealed record NoticeSubject(string Type, string Key, string Label, string Path, string Link);

/// <summary>
/// One in-app notice to one audience about one subject. The audience is a name the modules agree
/// on ("dept:CODE", "centre:PATH", "grid:PATH", "user:ID"); <see cref="INoticeAudiences"/> says
/// which names a user answers to.
/// </summary>
[MovedByItsModule]
public sealed class Notice : IScopedByPath
{
    public const int MaxAudience = 280;
    public const int MaxLabel = 60;
    public const int MaxLink = 200;

    private Notice() { }

    public Notice(string audience, string kind, NoticeSubject subject, DateTime at)
    {
        (Audience, Kind, At) = (audience, kind, at);
        (SubjectType, SubjectKey, SubjectLabel, Path, Link) = (subject.Type, subject.Key, subject.Label, subject.Path, subject.Link);
    }

    public long Id { get; private set; }
    public string Audience { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string SubjectType { get; private set; } = "";
    public string SubjectKey { get; private set; } = "";
    public string SubjectLabel { get; private set; } = "";
    /// <summary>Where the subject lies: a notice is seen only within the reader's view scope.</summary>
    public string Path { get; private set; } = "";
    public string Link { get; private set; } = "";
    public DateTime At { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime at) => ReadAt ??= at;
}
