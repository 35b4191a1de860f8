using Xunit;
using System.Net;
using System.Net.Http.Json;
using Caravan.Platform.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Caravan.Testing;

/// <summary>
/// The real web host with its own fresh database on one provider, started and waited for until
/// <c>/health/ready</c> says so. Use one per test class through a provider-specific fixture.
/// </summary>
public class CaravanWebFactory(DatabaseProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public DatabaseProvider Provider { get; } = provider;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>Null when the provider runs here; otherwise the reason the tests of this fixture are skipped.</summary>
    public string? Unavailable { get; } = TestDatabase.Unavailable(provider);

    /// <summary>Settings on top of the database's (e.g. Caravan:Database:MigrateOnStart=false).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>Whether initialisation waits for /health/ready; a test of start-up itself does not.</summary>
    protected virtual bool WaitForReadiness => true;

    /// <summary>Runs on the new, empty database before the host starts on it (e.g. to fill it with simulated history).</summary>
    protected virtual Task PrepareDatabaseAsync(TestDatabase database) => Task.CompletedTask;

    public void SkipUnlessAvailable()
    {
        if (Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    public virtual async ValueTask InitializeAsync()
    {
        if (Unavailable is not null)
        {
            return;
        }

        _database = await TestDatabase.CreateAsync(Provider);
        await PrepareDatabaseAsync(_database);
        using var client = CreateClient();
        if (WaitForReadiness)
        {
            await WaitUntilReadyAsync(client);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var host = new Dictionary<string, string?>
        {
            // The test host speaks plain HTTP; production serves the token endpoint over HTTPS only.
            ["Caravan:Security:AllowHttpTokens"] = "true",
        };
        var settings = Database.Settings.Concat(host).Concat(ExtraSettings).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public static async Task WaitUntilReadyAsync(HttpClient client, int seconds = 90)
    {
        var deadline = TimeSpan.FromSeconds(seconds);
        var started = System.Diagnostics.Stopwatch.StartNew();
        string last = "no answer";
        while (started.Elapsed < deadline)
        {
            var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            last = await response.Content.ReadAsStringAsync();
            await Task.Delay(100);
        }

        throw new TimeoutException($"The host did not become ready within {deadline.TotalSeconds} s: {last}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteWebFactory() : CaravanWebFactory(DatabaseProvider.Sqlite);

public sealed class PostgresWebFactory() : CaravanWebFactory(DatabaseProvider.Postgres);
