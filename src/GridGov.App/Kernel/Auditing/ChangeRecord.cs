namespace GridGov.Kernel.Auditing;

/// <summary>One change to an audited record: who, when, what, and the values before and after.</summary>
public sealed class ChangeRecord : Scoping.IScopedByPath
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Action { get; set; } = "";
    /// <summary>Path of the record at the time, so history is read under the same scope as the data.</summary>
    public string Path { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Note { get; set; }
}

/// <summary>Records whose every change is kept in the change log, written in the same transaction.</summary>
public interface IAudited;

/// <summary>
/// Append-only records of what users did (views, reveals). They carry the path of what was
/// looked at so auditors read them under scope, but writing one is not a change to data in
/// that place, so the capture-scope guard lets them through.
/// </summary>
public interface IAuditTrail;

/// <summary>A value computed from others (search keys and the like): not a change anyone made, so not logged.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DerivedAttribute : Attribute;

/// <summary>
/// A column an audit trail gained after rows were sealed. It is nullable, and a row's seal leaves
/// it out while it is null, so the rows sealed before it came still verify.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AddedToTrailAttribute : Attribute;
