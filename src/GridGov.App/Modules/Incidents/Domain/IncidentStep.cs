namespace GridGov.Modules.Incidents.Domain;

/// <summary>One step of an incident's timeline: who, when, from which state to which, note, attachments.</summary>
public sealed class IncidentStep
{
    private IncidentStep() { }

    public const int MaxNote = 2000;

    public IncidentStep(DateTime at, string by, string action, IncidentState? from, IncidentState to, string? note, string? attachments)
    {
        if (note?.Length > MaxNote) throw new Kernel.Errors.ValidationException("note", "too_long", MaxNote);
        (At, By, Action, FromState, ToState, Note, Attachments) = (at, by, action, from, to, note, attachments);
    }

    public long Id { get; private set; }
    public int IncidentId { get; private set; }
    public DateTime At { get; private set; }
    public string By { get; private set; } = "";
    public string Action { get; private set; } = "";
    public IncidentState? FromState { get; private set; }
    public IncidentState ToState { get; private set; }
    public string? Note { get; private set; }
    /// <summary>Stored names of the photos attached to this step, comma-separated.</summary>
    public string? Attachments { get; private set; }
}

/// <summary>A department an incident is dispatched to, as lead or assisting, and when it reported in (报到).</summary>
public sealed class IncidentAssignment
{
    private IncidentAssignment() { }

    public IncidentAssignment(string departmentCode, bool isLead, DateTime at) =>
        (DepartmentCode, IsLead, AssignedAt, IsActive) = (departmentCode, isLead, at, true);

    public long Id { get; private set; }
    public int IncidentId { get; private set; }
    public string DepartmentCode { get; private set; } = "";
    public bool IsLead { get; private set; }
    public DateTime AssignedAt { get; private set; }
    public DateTime? AcknowledgedAt { get; private set; }
    public bool IsActive { get; private set; }

    internal void Acknowledge(DateTime at) => AcknowledgedAt = at;
    internal void End() => IsActive = false;
}
