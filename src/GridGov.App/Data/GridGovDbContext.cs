using System.Linq.Expressions;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Kernel.Modules;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Data;

/// <summary>
/// The one DbContext. Every entity that lives on the territory tree (<see cref="IScopedByPath"/>)
/// gets a query filter on the user's view scope here, and every save is checked against the
/// capture scope and written to the change log in <see cref="ChangeTracking"/>; modules never
/// repeat either check.
/// </summary>
public sealed class GridGovDbContext(DbContextOptions<GridGovDbContext> options, CurrentUser user, TimeProvider clock,
    IEnumerable<ISaveHook>? hooks = null)
    : IdentityDbContext<AppUser>(options)
{
    private readonly ISaveHook[] _hooks = hooks?.ToArray() ?? [];

    /// <summary>Who the context acts for; module query filters read it per query.</summary>
    public CurrentUser User => user;

    /// <summary>Read by the query filters at execution time; null hides everything.</summary>
    public string? ScopeViewPath => user.ViewPath;

    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GridGovDbContext).Assembly);

        var isPostgres = Database.IsNpgsql();
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IScopedByPath).IsAssignableFrom(e.ClrType)).ToList())
        {
            var path = builder.Entity(entity.ClrType).Property(nameof(IScopedByPath.Path)).HasMaxLength(256).IsRequired();
            // Byte order makes LIKE 'prefix%' and ordered scans use the B-tree on PostgreSQL.
            if (isPostgres) path.UseCollation("C");
            builder.Entity(entity.ClrType).HasQueryFilter(ScopeFilterName, ScopeFilter(entity.ClrType));
        }
        // Personal data is encrypted at rest by declaration: every [Personal] property of every entity.
        foreach (var entity in builder.Model.GetEntityTypes().ToList())
            foreach (var property in entity.GetProperties().Where(p => p.PropertyInfo is { } pi && pi.IsDefined(typeof(Kernel.Privacy.PersonalAttribute), false)).ToList())
            {
                property.SetValueConverter(new Kernel.Privacy.EncryptedAtRest());
                property.SetMaxLength(Kernel.Privacy.EncryptedAtRest.StoredLength);
            }
        var settings = new ModelSettings(this, isPostgres);
        foreach (var module in ModuleCatalog.All) module.ConfigureModel(builder, settings);
    }

    public const string ScopeFilterName = QueryFilters.Scope;

    private LambdaExpression ScopeFilter(Type type)
    {
        var name = typeof(ISeenFromBelow).IsAssignableFrom(type) ? nameof(SeenFromBelowFilterOf) : nameof(ScopeFilterOf);
        var method = typeof(GridGovDbContext).GetMethod(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        return (LambdaExpression)method.MakeGenericMethod(type).Invoke(this, null)!;
    }

    private Expression<Func<T, bool>> ScopeFilterOf<T>() where T : IScopedByPath =>
        e => ScopeViewPath != null && e.Path.StartsWith(ScopeViewPath);

    private Expression<Func<T, bool>> SeenFromBelowFilterOf<T>() where T : ISeenFromBelow =>
        e => ScopeViewPath != null && (e.Path.StartsWith(ScopeViewPath) || ScopeViewPath.StartsWith(e.Path));

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        // A save is all or nothing in its transaction and no caller carries on in a transaction after
        // a failed save, so the savepoint EF would set around each save would be two round trips for nothing.
        Database.AutoSavepointsEnabled = false;
        var tracking = new ChangeTracking(this, user, clock);
        tracking.GuardScope();
        tracking.GuardAuditTrails();
        tracking.GuardLengths();
        tracking.BumpVersions();
        var pending = tracking.Collect();
        var afterSave = _hooks.Select(h => h.Prepare(ChangeTracker)).OfType<Func<GridGovDbContext, CancellationToken, Task>>().ToList();
        if (pending.Count == 0 && afterSave.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            foreach (var work in afterSave) await work(this, ct);
            ChangeRecords.AddRange(tracking.Complete(pending));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return written;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }
}
