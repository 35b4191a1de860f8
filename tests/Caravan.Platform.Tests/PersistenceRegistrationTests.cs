using Caravan.Platform.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Caravan.Platform.Tests;

/// <summary>
/// The kernel's registration as a host composes it: options bound from configuration and validated, a module's
/// context resolved to the configured provider's subclass, and migrated on a real SQLite file.
/// </summary>
public sealed class PersistenceRegistrationTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("caravan-platform-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _root.Delete(recursive: true);
    }

    private static ServiceProvider Services(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCaravanPlatform(configuration);
        services.AddModuleDbContext<ConvoyDbContext, SqliteConvoyDbContext, PostgresConvoyDbContext>(ConvoyDbContext.Module);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    private ServiceProvider SqliteServices(string dataDirectory) =>
        Services(("Caravan:Database:Provider", "Sqlite"), ("Caravan:Database:DataDirectory", dataDirectory));

    private static async Task<string> ScalarAsync(string databasePath, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    [Fact]
    public void Postgres_without_a_connection_string_fails_validation_naming_the_setting()
    {
        using var services = Services(("Caravan:Database:Provider", "Postgres"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        Assert.Contains("Caravan:Database:ConnectionString is required when Caravan:Database:Provider is Postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_context_on_postgres_without_a_connection_string_fails_with_the_validation_message()
    {
        using var services = Services(("Caravan:Database:Provider", "postgres"));
        using var scope = services.CreateScope();

        var error = Assert.Throws<OptionsValidationException>(() => scope.ServiceProvider.GetRequiredService<ConvoyDbContext>());

        Assert.Contains("Caravan:Database:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_on_postgres_without_a_connection_string_refuses_to_start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("Caravan:Database:Provider", "Postgres")]);
        builder.Services.AddCaravanPlatform(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Caravan:Database:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_name_is_refused_naming_the_setting()
    {
        using var services = Services(("Caravan:Database:Provider", "Oracle"));

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        Assert.Contains("Caravan:Database:Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_sqlite_a_module_context_is_its_sqlite_subclass_in_a_data_directory_created_for_it()
    {
        var dataDirectory = Path.Combine(_root.FullName, "not", "yet", "there");
        using var services = SqliteServices(dataDirectory);
        using var scope = services.CreateScope();

        var context = scope.ServiceProvider.GetRequiredService<ConvoyDbContext>();

        Assert.IsType<SqliteConvoyDbContext>(context);
        Assert.True(context.Database.IsSqlite());
        Assert.True(Directory.Exists(dataDirectory));
        Assert.Equal(Path.Combine(dataDirectory, "caravan.db"), new SqliteConnectionStringBuilder(context.Database.GetConnectionString()).DataSource);
    }

    [Fact]
    public void On_postgres_a_module_context_is_its_postgres_subclass_in_the_modules_schema()
    {
        using var services = Services(("Caravan:Database:Provider", "Postgres"), ("Caravan:Database:ConnectionString", "Host=127.0.0.1;Database=caravan"));
        using var scope = services.CreateScope();

        var context = scope.ServiceProvider.GetRequiredService<ConvoyDbContext>();

        Assert.IsType<PostgresConvoyDbContext>(context);
        Assert.True(context.Database.IsNpgsql());
        Assert.Equal("convoy", context.Model.GetDefaultSchema());
    }

    [Fact]
    public void Each_scope_gets_its_own_context()
    {
        using var services = SqliteServices(_root.FullName);
        using var first = services.CreateScope();
        using var second = services.CreateScope();

        var context = first.ServiceProvider.GetRequiredService<ConvoyDbContext>();

        Assert.Same(context, first.ServiceProvider.GetRequiredService<ConvoyDbContext>());
        Assert.NotSame(context, second.ServiceProvider.GetRequiredService<ConvoyDbContext>());
    }

    [Fact]
    public void The_migrator_knows_every_registered_module_database()
    {
        using var services = SqliteServices(_root.FullName);

        Assert.Equal([typeof(ConvoyDbContext)], services.GetRequiredService<ModuleDatabases>().ContextTypes);
    }

    [Fact]
    public async Task Migrating_creates_the_sqlite_file_in_write_ahead_logging_mode()
    {
        using var services = SqliteServices(_root.FullName);
        var databasePath = Path.Combine(_root.FullName, "caravan.db");

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(databasePath));
        Assert.Equal("wal", await ScalarAsync(databasePath, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Migrating_reports_what_it_applied_once_and_then_nothing_is_pending()
    {
        using var services = SqliteServices(_root.FullName);
        var databasePath = Path.Combine(_root.FullName, "caravan.db");

        IReadOnlyList<AppliedMigrations> pendingBefore, first, second, pendingAfter;
        await using (var scope = services.CreateAsyncScope())
        {
            var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
            pendingBefore = await migrator.PendingAsync(TestContext.Current.CancellationToken);
            first = await migrator.MigrateAsync(TestContext.Current.CancellationToken);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
            second = await migrator.MigrateAsync(TestContext.Current.CancellationToken);
            pendingAfter = await migrator.PendingAsync(TestContext.Current.CancellationToken);
        }

        var pending = Assert.Single(pendingBefore);
        Assert.Equal(nameof(SqliteConvoyDbContext), pending.Context);
        Assert.Equal([CreateConvoys.Id], pending.Migrations);
        Assert.Equal([CreateConvoys.Id], Assert.Single(first).Migrations);
        Assert.Empty(Assert.Single(second).Migrations);
        Assert.Empty(pendingAfter);
        Assert.Equal(CreateConvoys.Id, await ScalarAsync(databasePath, "SELECT MigrationId FROM __migrations_convoy"));
        Assert.Equal("convoys", await ScalarAsync(databasePath, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'convoys'"));
    }

    [Fact]
    public async Task A_migrated_module_database_stores_and_reads_back_rows()
    {
        using var services = SqliteServices(_root.FullName);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
            var context = scope.ServiceProvider.GetRequiredService<ConvoyDbContext>();
            context.Convoys.Add(new Convoy { Name = "Khorgos run" });
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var names = await scope.ServiceProvider.GetRequiredService<ConvoyDbContext>().Convoys.Select(c => c.Name).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["Khorgos run"], names);
        }
    }
}
