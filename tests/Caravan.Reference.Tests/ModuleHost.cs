using Caravan.Platform;
using Caravan.Platform.Audit;
using Caravan.Platform.Persistence;
using Caravan.Reference.Data;
using Caravan.Reference.Features.ImportReferenceData;
using Caravan.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Caravan.Reference.Tests;

/// <summary>The Reference module alone, composed as the hosts compose it, on a fresh migrated database.</summary>
internal sealed class ModuleHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ModuleHost(TestDatabase database, ServiceProvider services, FakeTimeProvider clock)
    {
        Database = database;
        _services = services;
        Clock = clock;
    }

    public TestDatabase Database { get; }

    /// <summary>The clock the module reads; tests move it.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The data folder the build copies beside the tests (the repository's data/).</summary>
    public static string ShippedData => Path.Combine(AppContext.BaseDirectory, "data");

    public static async Task<ModuleHost> StartAsync(DatabaseProvider provider)
    {
        TestDatabase.SkipUnlessAvailable(provider);
        var database = await TestDatabase.CreateAsync(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        services.AddSingleton<TimeProvider>(clock);
        services.AddCaravanPlatform(configuration);
        services.AddCaravanAudit();
        services.AddReferenceModule(configuration);
        var host = new ModuleHost(database, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), clock);
        await host.InScopeAsync(sp => sp.GetRequiredService<DatabaseMigrator>().MigrateAsync());
        return host;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<IReadOnlyList<DatasetImportResult>> ImportAsync(string folder) =>
        InScopeAsync(sp => sp.GetRequiredService<IReferenceDataImport>().ImportAsync(folder, TestContext.Current.CancellationToken));

    internal Task<T> QueryAsync<T>(Func<ReferenceDbContext, Task<T>> query) =>
        InScopeAsync(sp => query(sp.GetRequiredService<ReferenceDbContext>()));

    /// <summary>A private copy of the shipped data folder that a test may edit.</summary>
    public string CopyOfData()
    {
        var folder = Path.Combine(Database.Directory, "data-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(ShippedData, "*.csv"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
