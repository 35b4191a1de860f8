using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Caravan.Platform.Persistence;

/// <summary>
/// What `dotnet ef migrations add` uses to build a module's SQLite context: the same configuration as at run time,
/// with a connection string that is never opened. A module derives one line: <c>: SqliteDesignTimeFactory&lt;T&gt;("module")</c>.
/// </summary>
public abstract class SqliteDesignTimeFactory<TContext>(string module) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        PersistenceServiceCollectionExtensions.ConfigureSqlite(builder, new DatabaseOptions { ConnectionString = "Data Source=design.db" }, module);
        return (TContext)Activator.CreateInstance(typeof(TContext), builder.Options)!;
    }
}

/// <summary>The PostgreSQL counterpart of <see cref="SqliteDesignTimeFactory{TContext}"/>.</summary>
public abstract class PostgresDesignTimeFactory<TContext>(string module) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        PersistenceServiceCollectionExtensions.ConfigurePostgres(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=design" }, module);
        return (TContext)Activator.CreateInstance(typeof(TContext), builder.Options)!;
    }
}
