using Caravan.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Caravan.Access.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteAccessDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAccessDbContext>
{
    public SqliteAccessDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteAccessDbContext>();
        PersistenceServiceCollectionExtensions.ConfigureSqlite(builder, new DatabaseOptions { ConnectionString = "Data Source=design.db" }, AccessDbContext.Module);
        return new SqliteAccessDbContext(builder.Options);
    }
}

internal sealed class PostgresAccessDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAccessDbContext>
{
    public PostgresAccessDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresAccessDbContext>();
        PersistenceServiceCollectionExtensions.ConfigurePostgres(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=design" }, AccessDbContext.Module);
        return new PostgresAccessDbContext(builder.Options);
    }
}
