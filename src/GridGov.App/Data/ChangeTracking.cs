using System.Text.Json;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Privacy;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GridGov.Data;

/// <summary>The capture-scope guard and the change log, applied to every save.</summary>
internal sealed class ChangeTracking(DbContext db, CurrentUser user, TimeProvider clock)
{
    internal sealed record Pending(EntityEntry Entry, ChangeRecord Record);

    /// <summary>Refuses any change to scoped data outside the capture scope, before or after the change.</summary>
    public void GuardScope()
    {
        foreach (var entry in db.ChangeTracker.Entries<IScopedByPath>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (entry.Entity is IAuditTrail or IFiledUpward && entry.State == EntityState.Added) continue;
            var now = entry.Entity.Path;
            var before = entry.State == EntityState.Added ? now : (string?)entry.OriginalValues[nameof(IScopedByPath.Path)] ?? now;
            if (!user.CanCapture(now) || !user.CanCapture(before)) throw new ForbiddenException("outside_capture_scope");
        }
    }

    /// <summary>Audit records are written once: no save may change or remove one, or a link of their chain.</summary>
    public void GuardAuditTrails()
    {
        foreach (var entry in db.ChangeTracker.Entries())
            if (entry.State is EntityState.Modified or EntityState.Deleted && entry.Entity is ChangeRecord or IAuditTrail or AuditSeal)
                throw new ForbiddenException("audit_append_only");
    }

    /// <summary>
    /// No text longer than its column is saved, whatever path wrote it: a field error, the same on
    /// both providers (PostgreSQL would fail the statement, SQLite store it whole). Domain methods
    /// check their own limits first; this is the net under every path.
    /// </summary>
    public void GuardLengths()
    {
        Dictionary<string, string>? errors = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.ClrType != typeof(string) || property.Metadata.GetMaxLength() is not { } max) continue;
                if (property.Metadata.GetValueConverter() is not null) continue;
                if (property.CurrentValue is string text && text.Length > max)
                    (errors ??= [])[System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name)] = "too_long";
            }
        }
        if (errors is not null) throw new ValidationException(errors);
    }

    /// <summary>Optimistic concurrency: a record's Version goes up by one with each change.</summary>
    public void BumpVersions()
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Metadata.FindProperty("Version");
            if (version is null || version.ClrType != typeof(int)) continue;
            var property = entry.Property("Version");
            property.CurrentValue = (int)property.OriginalValue! + 1;
        }
    }

    public List<Pending> Collect()
    {
        var pending = new List<Pending>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is IAudited))
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            var (before, after) = entry.State switch
            {
                // Keys and foreign keys of added rows are set by the database: the after-image is written in Complete.
                EntityState.Added => (null, ""),
                EntityState.Deleted => (Values(entry, p => p.OriginalValue), null),
                _ => Changed(entry),
            };
            if (entry.State == EntityState.Modified && after is null) continue;
            pending.Add(new Pending(entry, new ChangeRecord
            {
                At = clock.GetUtcNow().UtcDateTime, UserId = user.UserId ?? "", UserName = user.UserName,
                EntityType = entry.Metadata.ClrType.Name, Action = entry.State.ToString(),
                Path = (entry.Entity as IScopedByPath)?.Path ?? "", Before = before, After = after,
            }));
        }
        return pending;
    }

    /// <summary>Fills in keys the database has just generated.</summary>
    public IEnumerable<ChangeRecord> Complete(List<Pending> pending)
    {
        foreach (var (entry, record) in pending)
        {
            record.EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
            if (record is { Action: nameof(EntityState.Added), After: "" }) record.After = Values(entry, p => p.CurrentValue);
            yield return record;
        }
    }

    /// <summary>
    /// The "Added" record SaveChanges would write, for a row a bulk load writes directly: the
    /// same values, key and path, so history reads the same whichever way a row arrived.
    /// </summary>
    internal static ChangeRecord Added(DbContext db, object entity, CurrentUser user, DateTime at)
    {
        // Read through the model's getters rather than a change-tracker entry: a bulk load makes
        // a million of these, and an entry per row costs more than the row's own write.
        var type = db.Model.FindEntityType(entity.GetType())!;
        var logged = LoggedProperties.GetOrAdd(type, t => t.GetProperties().Where(Logged).ToArray())
            .ToDictionary(p => p.Name, p => PersonalData.ForLog(type.ClrType, p.Name, p.GetGetter().GetClrValue(entity)));
        return new ChangeRecord
        {
            At = at, UserId = user.UserId ?? "", UserName = user.UserName, EntityType = type.ClrType.Name, Action = "Added",
            Path = (entity as IScopedByPath)?.Path ?? "", After = JsonSerializer.Serialize(logged, LogJson),
            EntityId = string.Join(",", type.FindPrimaryKey()!.Properties.Select(p => p.GetGetter().GetClrValue(entity))),
        };
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IEntityType, Microsoft.EntityFrameworkCore.Metadata.IProperty[]> LoggedProperties = new();

    /// <summary>Readable Chinese in the log; the concurrency counter is bookkeeping, not a change anyone made.</summary>
    private static readonly JsonSerializerOptions LogJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static bool Logged(PropertyEntry p) => Logged(p.Metadata);

    private static bool Logged(Microsoft.EntityFrameworkCore.Metadata.IProperty p) =>
        !p.IsShadowProperty() && p.Name != "Version" && p.PropertyInfo?.IsDefined(typeof(DerivedAttribute), inherit: false) != true;

    private static string Values(EntityEntry entry, Func<PropertyEntry, object?> pick) =>
        JsonSerializer.Serialize(entry.Properties.Where(Logged).ToDictionary(p => p.Metadata.Name, p => ForLog(p, pick(p))), LogJson);

    /// <summary>Personal data never reaches the log in full.</summary>
    private static object? ForLog(PropertyEntry p, object? value) => PersonalData.ForLog(p.EntityEntry.Metadata.ClrType, p.Metadata.Name, value);

    private static (string?, string?) Changed(EntityEntry entry)
    {
        var changed = entry.Properties.Where(p => Logged(p) && p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
        if (changed.Count == 0) return (null, null);
        return (JsonSerializer.Serialize(changed.ToDictionary(p => p.Metadata.Name, p => ForLog(p, p.OriginalValue)), LogJson),
            JsonSerializer.Serialize(changed.ToDictionary(p => p.Metadata.Name, p => ForLog(p, p.CurrentValue)), LogJson));
    }
}
