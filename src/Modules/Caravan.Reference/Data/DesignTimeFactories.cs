using Caravan.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Caravan.Reference.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteReferenceDesignTimeFactory : IDesignTimeDbContextFactory<SqliteReferenceDbContext>
{
    public SqliteReferenceDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteReferenceDbContext>();
        PersistenceServiceCollectionExtensions.ConfigureSqlite(builder, new DatabaseOptions { ConnectionString = "Data Source=design.db" }, ReferenceDbContext.Module);
        return new SqliteReferenceDbContext(builder.Options);
    }
}

internal sealed class PostgresReferenceDesignTimeFactory : IDesignTimeDbContextFactory<PostgresReferenceDbContext>
{
    public PostgresReferenceDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresReferenceDbContext>();
        PersistenceServiceCollectionExtensions.ConfigurePostgres(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=design" }, ReferenceDbContext.Module);
        return new PostgresReferenceDbContext(builder.Options);
    }
}
