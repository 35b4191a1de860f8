using Caravan.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Caravan.Cli.Simulation;

/// <summary>
/// The real web host (the composition of <see cref="CaravanWebApp"/>), in this process on an in-memory server and on
/// the simulator's clock, with the demo organisations and clients. Every call the simulator makes goes through the
/// public API: validation, authorization, the audit log and the outbox are those of production.
/// </summary>
internal sealed class SimulatedHost(WebApplication app, HttpClient client) : IAsyncDisposable
{
    public HttpClient Client => client;

    public static async Task<SimulatedHost> StartAsync(IConfiguration configuration, TimeProvider clock, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Caravan:Security:AllowHttpTokens"] = "true",
            // One in-memory caller asks for tokens for seven clients over a simulated month: no per-minute limit, and
            // tokens that live an hour of simulated time unless configured otherwise (they still expire and are renewed).
            ["Caravan:Security:TokenRequestsPerMinute"] = "1000000",
            ["Caravan:Security:AccessTokenLifetimeSeconds"] = configuration["Caravan:Security:AccessTokenLifetimeSeconds"] ?? "3600",
            // A demo database: migrated and loaded like the embedded default, whichever provider.
            ["Caravan:Database:MigrateOnStart"] = "true",
            ["Caravan:ReferenceData:ImportOnStart"] = "true",
            // The simulator is the only traffic: the host does not also play live traffic of its own.
            ["Caravan:Demo:LiveTraffic"] = "false",
        };
        var options = new WebApplicationOptions { ApplicationName = typeof(CaravanWebApp).Assembly.GetName().Name, ContentRootPath = AppContext.BaseDirectory };
        var builder = CaravanWebApp.CreateBuilder(["--demo"], options, b =>
        {
            b.Configuration.AddConfiguration(configuration);
            b.Configuration.AddInMemoryCollection(settings);
            b.WebHost.UseTestServer();
            b.Logging.ClearProviders();
        });
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton(clock);

        var app = CaravanWebApp.Build(builder);
        await app.StartAsync(cancellationToken);
        var client = app.GetTestClient();
        var host = new SimulatedHost(app, client);
        try
        {
            await host.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var last = string.Empty;
        while (waited.Elapsed < TimeSpan.FromSeconds(180))
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            last = await response.Content.ReadAsStringAsync(cancellationToken);
            await Task.Delay(100, cancellationToken);
        }

        throw new InvalidOperationException($"The platform did not become ready: {last}");
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
