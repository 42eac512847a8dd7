using System.Text.Json;
using GridGov.Data;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Kernel.Naming;

/// <summary>
/// Finds what the id fields of change-log entries point to and asks the modules' namers for their
/// names, once per type for a whole page. Which type a field points to comes from the model's
/// foreign keys, else from the field's own name (ParentGridId → ParentGrid, then Grid).
/// </summary>
public sealed class RecordNames(GridGovDbContext db, IEnumerable<IRecordNamer> namers)
{
    private readonly Dictionary<string, IRecordNamer> _byType = namers
        .SelectMany(n => n.Types.Select(t => (t, n))).ToDictionary(x => x.t, x => x.n, StringComparer.Ordinal);

    /// <summary>The type an id field of an entity points to, when some namer answers for it.</summary>
    public string? TargetOf(string? entityType, string field)
    {
        if (field.Length <= 2 || !field.EndsWith("Id", StringComparison.Ordinal)) return null;
        var entity = entityType is null ? null : db.Model.GetEntityTypes().FirstOrDefault(e => e.ClrType.Name == entityType);
        var foreignKey = entity?.FindProperty(field)?.GetContainingForeignKeys().FirstOrDefault();
        if (foreignKey is not null && _byType.ContainsKey(foreignKey.PrincipalEntityType.ClrType.Name))
            return foreignKey.PrincipalEntityType.ClrType.Name;
        var stem = field[..^2];
        for (var start = 0; start < stem.Length; start++)
        {
            if (start > 0 && !char.IsUpper(stem[start])) continue;
            if (_byType.ContainsKey(stem[start..])) return stem[start..];
        }
        return null;
    }

    /// <summary>Names for every id the entries hold in a field some namer answers for.</summary>
    public async Task<NameBook> ForChangesAsync(IEnumerable<(string? EntityType, string? Before, string? After)> entries, CancellationToken ct)
    {
        var wanted = new Dictionary<string, HashSet<int>>();
        foreach (var (entityType, before, after) in entries)
        foreach (var json in new[] { before, after })
        foreach (var (field, value) in Fields(json))
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var id) && TargetOf(entityType, field) is { } type)
                (wanted.TryGetValue(type, out var ids) ? ids : wanted[type] = []).Add(id);
        var names = new Dictionary<(string, int), string>();
        foreach (var (type, ids) in wanted)
        foreach (var (id, name) in await _byType[type].NamesAsync(type, ids, ct))
            names[(type, id)] = name;
        return new NameBook(names);
    }

    public static IEnumerable<(string Field, JsonElement Value)> Fields(string? json)
    {
        if (string.IsNullOrEmpty(json)) yield break;
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object) yield break;
        foreach (var p in document.RootElement.EnumerateObject()) yield return (p.Name, p.Value.Clone());
    }
}
