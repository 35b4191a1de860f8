using System.Globalization;
using Caravan.Platform.Audit;
using Caravan.Platform.Persistence;
using Caravan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Caravan.Platform.Tests;

/// <summary>
/// The kernel with its audit log, composed as a host composes it, on a fresh migrated database, plus a stand-in
/// module (<see cref="PermitsDbContext"/>) whose changes are audited inside its own transactions.
/// </summary>
internal sealed class AuditTestHost : IAsyncDisposable
{
    /// <summary>A start time with sub-microsecond ticks (…00.1234567), which the log truncates to …00.123456.</summary>
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private readonly ServiceProvider _services;

    private AuditTestHost(TestDatabase database, ServiceProvider services, FakeTimeProvider clock)
    {
        Database = database;
        _services = services;
        Clock = clock;
    }

    public TestDatabase Database { get; }

    public DatabaseProvider Provider => Database.Provider;

    public FakeTimeProvider Clock { get; }

    /// <summary>The audit table as raw SQL names it on this provider.</summary>
    public string Table => Provider == DatabaseProvider.Postgres ? $"{AuditDbContext.Module}.{AuditDbContext.TableName}" : AuditDbContext.TableName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<AuditTestHost> StartAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase.SkipUnlessAvailable(provider);
        var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var host = new AuditTestHost(database, Compose(database, clock), clock);
        if (migrate)
        {
            await host.InScopeAsync(sp => sp.GetRequiredService<DatabaseMigrator>().MigrateAsync(Ct));
            await host.InScopeAsync(async sp =>
            {
                await sp.GetRequiredService<PermitsDbContext>().GetService<IRelationalDatabaseCreator>().CreateTablesAsync(Ct);
                return 0;
            });
        }

        return host;
    }

    /// <summary>What a host registers: the kernel, the audit log, a module. A new provider each call (the CLI disposes its own).</summary>
    public static ServiceProvider Compose(TestDatabase database, TimeProvider clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddCaravanPlatform(configuration);
        services.AddCaravanAudit();
        services.AddScoped(_ =>
        {
            var builder = new DbContextOptionsBuilder<PermitsDbContext>();
            if (database.Provider == DatabaseProvider.Postgres)
            {
                PersistenceServiceCollectionExtensions.ConfigurePostgres(builder, database.Options, PermitsDbContext.Module);
            }
            else
            {
                PersistenceServiceCollectionExtensions.ConfigureSqlite(builder, database.Options, PermitsDbContext.Module);
            }

            return new PermitsDbContext(builder.Options);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<AuditReceipt> AppendAsync(AuditRecord record) =>
        InScopeAsync(sp => sp.GetRequiredService<IAuditLog>().AppendAsync(record, Ct));

    public Task<AuditVerification> VerifyAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<IAuditQuery>().VerifyAsync(Ct));

    public Task<AuditPage> ListAsync(AuditFilter filter, long? before = null, int pageSize = 50) =>
        InScopeAsync(sp => sp.GetRequiredService<IAuditQuery>().ListAsync(filter, before, pageSize, Ct));

    /// <summary>Appends <paramref name="count"/> distinct entries, one clock second apart; returns their receipts.</summary>
    public async Task<IReadOnlyList<AuditReceipt>> AppendSampleAsync(int count)
    {
        var receipts = new List<AuditReceipt>();
        for (var i = 1; i <= count; i++)
        {
            receipts.Add(await AppendAsync(Sample(i)));
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        return receipts;
    }

    /// <summary>A record with every field set, so that tampering with any column can be tried.</summary>
    public static AuditRecord Sample(int i) =>
        new(AuditActorKind.User, $"user-{i}", "access.user.created", "user", $"u-{i:D4}")
        {
            ClientId = "admin-portal",
            OrganisationId = "kz-customs",
            RemoteAddress = $"192.0.2.{i}",
            Change = new { Email = $"person{i}@example.kz", Roles = new[] { "declarant" } },
        };

    /// <summary>Raw SQL against the audit table, as someone with database access would tamper with it; <c>{table}</c> is its name.</summary>
    public Task<int> ExecuteAsync(string sql) =>
        InScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Database.ExecuteSqlRawAsync(sql.Replace("{table}", Table, StringComparison.Ordinal), Ct));

    /// <summary>Every stored value of every audit row, as text, read with plain ADO.NET.</summary>
    public Task<IReadOnlyList<string>> RawValuesAsync() => InScopeAsync<IReadOnlyList<string>>(async sp =>
    {
        var connection = sp.GetRequiredService<AuditDbContext>().Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {Table}";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values.Add(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "");
            }
        }

        return values;
    });

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>A stand-in module whose changes are audited in the same transaction.</summary>
internal sealed class PermitsDbContext(DbContextOptions<PermitsDbContext> options) : DbContext(options)
{
    public const string Module = "permits";

    public DbSet<Permit> Permits => Set<Permit>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Permit>(e =>
        {
            e.ToTable("permits");
            e.HasKey(p => p.Id);
            e.Property(p => p.Holder).HasMaxLength(64);
        });
    }
}

internal sealed class Permit
{
    public int Id { get; set; }

    public required string Holder { get; set; }
}
