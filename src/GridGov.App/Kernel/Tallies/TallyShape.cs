namespace GridGov.Kernel.Tallies;

/// <summary>
/// The shape of a kept tally of change rows and folded rows, each a table of key columns (grain,
/// period, place, and whatever the module cuts by) and count columns. Saves only ever insert change
/// rows, so that concurrent steps never wait on a shared row; <see cref="TallyFold"/> adds them
/// into the tallies, and readers add both, so folding late changes no figure.
/// </summary>
/// <param name="Tallies">The folded table, unique on <paramref name="Keys"/>.</param>
/// <param name="Changes">The change table: the same columns and an ascending <c>Id</c>.</param>
public sealed record TallyShape(string Name, string Tallies, string Changes, IReadOnlyList<string> Keys, IReadOnlyList<string> Counts);
