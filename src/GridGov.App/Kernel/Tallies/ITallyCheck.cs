namespace GridGov.Kernel.Tallies;

/// <summary>One place where a kept tally and a recount of its rows disagree.</summary>
public sealed record TallyDifference(string Tally, string Cell, string Kept, string Recounted);

/// <summary>
/// A module's proof that what it keeps equals what a recount of its rows gives: every kept tally
/// registers one, and one test runs them all after driving every write path, so a new module's
/// tally is checked by declaring it.
/// </summary>
public interface ITallyCheck
{
    string Tally { get; }

    /// <summary>Every cell where kept and recounted differ, over the whole deployment; empty when they agree.</summary>
    Task<IReadOnlyList<TallyDifference>> DifferencesAsync(CancellationToken ct);
}
