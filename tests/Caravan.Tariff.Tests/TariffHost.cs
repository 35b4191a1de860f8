using Caravan.Platform;
using Caravan.Platform.Audit;
using Caravan.Platform.Persistence;
using Caravan.Reference;
using Caravan.Reference.Contracts;
using Caravan.Tariff.Contracts;
using Caravan.Tariff.Data;
using Caravan.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Caravan.Tariff.Tests;

/// <summary>The Reference and Tariff modules, composed as the hosts compose them, on a fresh database with the reference data.</summary>
internal sealed class TariffHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TariffHost(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        _services = services;
    }

    public TestDatabase Database { get; }

    public static string Samples => Path.Combine(AppContext.BaseDirectory, "data", "tariff");

    public static async Task<TariffHost> StartAsync(DatabaseProvider provider)
    {
        TestDatabase.SkipUnlessAvailable(provider);
        var database = await TestDatabase.CreateAsync(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero)));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCaravanPlatform(configuration);
        services.AddCaravanAudit();
        services.AddReferenceModule(configuration);
        services.AddTariffModule();
        var host = new TariffHost(database, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
        await host.InScopeAsync(sp => sp.GetRequiredService<DatabaseMigrator>().MigrateAsync());
        await host.InScopeAsync(sp => sp.GetRequiredService<Caravan.Reference.Features.ImportReferenceData.IReferenceDataImport>().ImportAsync(Path.Combine(AppContext.BaseDirectory, "data")));
        return host;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<TariffImportResult> ImportAsync(string text, string file = "test.csv") =>
        InScopeAsync(sp => sp.GetRequiredService<ITariffImport>().ImportAsync(text, file, "test", TestContext.Current.CancellationToken));

    public Task<TariffImportResult> ImportSampleAsync(string file) =>
        InScopeAsync(sp => sp.GetRequiredService<ITariffImport>().ImportAsync(Path.Combine(Samples, file), "test", TestContext.Current.CancellationToken));

    internal Task<T> QueryAsync<T>(Func<TariffDbContext, Task<T>> query) =>
        InScopeAsync(sp => query(sp.GetRequiredService<TariffDbContext>()));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
