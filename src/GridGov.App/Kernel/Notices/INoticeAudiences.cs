using GridGov.Kernel.Security;

namespace GridGov.Kernel.Notices;

/// <summary>
/// A module's share of "who is this user, as an addressee": the audience names it writes notices
/// to that the user answers to. Every user also answers to <see cref="NoticeBoard.Person"/>.
/// </summary>
public interface INoticeAudiences
{
    IEnumerable<string> Of(CurrentUser user);
}
