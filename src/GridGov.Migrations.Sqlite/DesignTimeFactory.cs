using GridGov.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace GridGov.Migrations.Sqlite;

/// <summary>Lets 'dotnet ef migrations add' build the model for this provider; no database is touched.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GridGovDbContext>
{
    public GridGovDbContext CreateDbContext(string[] args) =>
        DatabaseSetup.CreateForSystem(DatabaseProvider.Sqlite, "Data Source=design.db");
}
