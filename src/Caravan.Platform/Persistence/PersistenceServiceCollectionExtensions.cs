using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Caravan.Platform.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Binds <see cref="DatabaseOptions"/> and registers the migrator. Called once by the host.</summary>
    public static IServiceCollection AddCaravanPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Validate(o => o.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Caravan:Database:ConnectionString is required when Caravan:Database:Provider is Postgres.")
            .ValidateOnStart();
        services.TryAddSingleton<ModuleDatabases>();
        services.TryAddScoped<DatabaseMigrator>();
        return services;
    }

    /// <summary>
    /// Registers a module's context. The module writes one model (<typeparamref name="TContext"/>) and one
    /// subclass per provider, each holding that provider's migrations; the subclass for the configured provider
    /// is what callers receive when they ask for <typeparamref name="TContext"/>.
    /// </summary>
    /// <param name="module">The module's name: its PostgreSQL schema and the suffix of its migrations history table.</param>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(this IServiceCollection services, string module)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        // Options are built once per process (they are immutable); a context is created per scope.
        services.AddKeyedSingleton<DbContextOptions>(typeof(TContext), (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return options.Provider == DatabaseProvider.Postgres
                ? Build<TPostgres>(b => ConfigurePostgres(b, options, module))
                : Build<TSqlite>(b => ConfigureSqlite(b, options, module));
        });
        services.AddScoped<TContext>(sp => sp.GetRequiredKeyedService<DbContextOptions>(typeof(TContext)) switch
        {
            DbContextOptions<TPostgres> postgres => ActivatorUtilities.CreateInstance<TPostgres>(sp, postgres),
            var sqlite => ActivatorUtilities.CreateInstance<TSqlite>(sp, (DbContextOptions<TSqlite>)sqlite),
        });

        services.AddSingleton(new ModuleDatabase(typeof(TContext)));
        return services;
    }

    private static DbContextOptions<T> Build<T>(Action<DbContextOptionsBuilder> configure)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        configure(builder);
        return builder.Options;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder builder, DatabaseOptions options, string module)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Directory.CreateDirectory(options.ResolveDataDirectory());
        }

        // SQLite has no schemas: the modules share one file and each keeps its own history table.
        builder.UseSqlite(options.ResolveConnectionString(), o => o.MigrationsHistoryTable($"__migrations_{module}"))
            .AddInterceptors(SqliteWalInterceptor.Instance);
    }

    public static void ConfigurePostgres(DbContextOptionsBuilder builder, DatabaseOptions options, string module)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.UseNpgsql(options.ResolveConnectionString(), o => o.MigrationsHistoryTable("__migrations", module));
    }
}
