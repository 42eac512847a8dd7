using GridGov.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace GridGov.Migrations.Postgres;

/// <summary>Lets 'dotnet ef migrations add' build the model for this provider; no database is touched.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GridGovDbContext>
{
    public GridGovDbContext CreateDbContext(string[] args) =>
        DatabaseSetup.CreateForSystem(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=5433;Username=postgres;Database=gridgov_design");
}
