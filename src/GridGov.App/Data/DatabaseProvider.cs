using GridGov.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/gridgov.db";

    public static DatabaseProvider ProviderFrom(IConfiguration config) =>
        string.Equals(config["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    /// <summary>The provider and connection are read from configuration when the context is first needed.</summary>
    public static IServiceCollection AddGridGovDatabase(this IServiceCollection services)
    {
        services.AddDbContext<GridGovDbContext>((sp, o) =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var provider = ProviderFrom(config);
            var connection = config.GetConnectionString("GridGov")
                ?? (provider == DatabaseProvider.Sqlite ? DefaultSqlite : throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:GridGov is not set"));
            Configure(o, provider, connection);
            o.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connection)
    {
        if (provider == DatabaseProvider.Postgres)
            options.UseNpgsql(WithPreparedStatements(connection), o => o.MigrationsAssembly("GridGov.Migrations.Postgres")
                .ExecutionStrategy(d => new RetryOutsideTransactions(d)));
        else
        {
            EnsureSqliteFolder(connection);
            options.UseSqlite(connection, o => o.MigrationsAssembly("GridGov.Migrations.Sqlite"));
        }
    }

    /// <summary>
    /// The app sends the same few hundred statements over and over: prepared on each connection
    /// after their second use, PostgreSQL parses and plans them once instead of on every call.
    /// A connection string that says otherwise is left as it is.
    /// </summary>
    public static string WithPreparedStatements(string connection)
    {
        if (connection.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) return connection;
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        builder.MaxAutoPrepare = 200;
        builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

    /// <summary>A context outside any request (design time, seeding, benchmarks) acts for the system.</summary>
    public static GridGovDbContext CreateForSystem(DatabaseProvider provider, string connection)
    {
        var options = new DbContextOptionsBuilder<GridGovDbContext>();
        Configure(options, provider, connection);
        return new GridGovDbContext(options.Options, CurrentUser.System(), TimeProvider.System);
    }

    private static void EnsureSqliteFolder(string connection)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:") Directory.CreateDirectory(folder);
    }
}
