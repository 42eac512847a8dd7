namespace GridGov.Kernel.Auditing;

/// <summary>
/// One link of an audit trail's hash chain: the hash of the previous link and of every row with
/// an id from <see cref="FromId"/> to <see cref="ToId"/>, as the database held them when sealed.
/// Changing, removing or slipping in a row inside a sealed range, or removing a link, breaks the
/// chain from there on.
/// </summary>
public sealed class AuditSeal
{
    private AuditSeal() { }

    public long Id { get; private set; }
    public string Trail { get; private set; } = "";
    public long FromId { get; private set; }
    public long ToId { get; private set; }
    public int Rows { get; private set; }
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public DateTime SealedAt { get; private set; }

    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static AuditSeal Link(string trail, long fromId, long toId, int rows, string previousHash, string hash, DateTime at) =>
        new() { Trail = trail, FromId = fromId, ToId = toId, Rows = rows, PreviousHash = previousHash, Hash = hash, SealedAt = at };
}
