namespace GridGov.Modules.Cockpit.Contracts;

/// <summary>
/// The cockpit's slot for other modules' panels (a <see cref="Kernel.Modules.SlotPanel"/> with this
/// name): each panel is given the area shown, by its code, null for the reader's own area.
/// </summary>
public static class CockpitSlot
{
    public const string Name = "cockpit";

    /// <summary>The parameter every panel in the slot declares: <c>[Parameter] public string? Area</c>.</summary>
    public const string Area = "Area";
}
