using GridGov.Data;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Kernel.Tallies;

/// <summary>
/// Adds counts a bulk load already knows straight into a <see cref="TallyShape"/>'s tallies, a few
/// hundred rows per statement: the load knows exactly what it wrote, so counting it again would only cost time.
/// </summary>
public static class TallyUpsert
{
    /// <param name="rows">Each row's values in the shape's order: its keys, then its counts.</param>
    public static async Task AddAsync(GridGovDbContext db, TallyShape shape, IEnumerable<object[]> rows, CancellationToken ct)
    {
        var columns = shape.Keys.Concat(shape.Counts).ToList();
        var width = columns.Count;
        var table = Quote(shape.Tallies);
        var names = string.Join(", ", columns.Select(Quote));
        var sums = string.Join(", ", shape.Counts.Select(c => $"{Quote(c)} = {table}.{Quote(c)} + excluded.{Quote(c)}"));
        foreach (var batch in rows.Chunk(Math.Max(1, 3000 / width)))
        {
            var values = string.Join(", ", batch.Select((_, i) => $"({string.Join(", ", Enumerable.Range(0, width).Select(j => $"{{{width * i + j}}}"))})"));
            object[] args = [.. batch.SelectMany(r => r.Length == width ? r : throw new ArgumentException($"a row of {shape.Name} needs {width} values"))];
            // Only the shape's fixed names and numbered placeholders are spliced in; every value travels as a parameter.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO {table} ({names}) VALUES {values}
                ON CONFLICT ({string.Join(", ", shape.Keys.Select(Quote))}) DO UPDATE SET {sums}
                """, args, ct);
#pragma warning restore EF1002
        }
    }

    private static string Quote(string name) => $"\"{name}\"";
}
