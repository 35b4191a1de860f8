using Caravan.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Caravan.Platform.Audit;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteAuditDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAuditDbContext>
{
    public SqliteAuditDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteAuditDbContext>();
        PersistenceServiceCollectionExtensions.ConfigureSqlite(builder, new DatabaseOptions { ConnectionString = "Data Source=design.db" }, AuditDbContext.Module);
        return new SqliteAuditDbContext(builder.Options);
    }
}

internal sealed class PostgresAuditDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAuditDbContext>
{
    public PostgresAuditDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresAuditDbContext>();
        PersistenceServiceCollectionExtensions.ConfigurePostgres(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=design" }, AuditDbContext.Module);
        return new PostgresAuditDbContext(builder.Options);
    }
}
