using System.Text.RegularExpressions;
using Caravan.Access;
using Caravan.Platform.Health;
using Caravan.Simulation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Caravan.Web.Infrastructure;

/// <summary>
/// <c>Caravan:Demo:LiveTraffic</c>: a demo host that plays the simulator's traffic against itself, so that the
/// pages and the feed show consignments lodged, decided and crossing borders while someone watches (README, "Demo").
/// </summary>
internal static class LiveTraffic
{
    public const string Setting = "Caravan:Demo:LiveTraffic";

    /// <summary>How many times faster than real time the traffic is played (1: a model hour takes an hour).</summary>
    public const string ScaleSetting = "Caravan:Demo:LiveTrafficScale";

    /// <summary>Registers the player only on a demo platform that asks for it: it acts as the demo clients, which only a demo has.</summary>
    public static IServiceCollection AddCaravanLiveTraffic(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(AccessModule.DemoSetting) && configuration.GetValue<bool>(Setting))
        {
            services.AddHostedService<LiveTrafficService>();
        }

        return services;
    }
}

/// <summary>
/// Plays the traffic model in windows of <see cref="WindowDays"/> model days, each through the host's own public API
/// over loopback HTTP (the same path as any national system's calls: authorization, validation, audit, outbox), as the
/// demo trader and the six customs systems. It starts once the server listens and the platform is ready.
/// </summary>
internal sealed partial class LiveTrafficService(
    IServer server,
    IHostApplicationLifetime lifetime,
    StartupState startup,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<LiveTrafficService> logger) : BackgroundService
{
    /// <summary>A window's length: journeys still under way when it ends are left there, a small share of a month's.</summary>
    private const int WindowDays = 30;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WhenStartedAsync(stoppingToken);
            while (!startup.Completed)
            {
                if (startup.Failure is not null)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), clock, stoppingToken);
            }

            if (LoopbackAddress() is not { } address)
            {
                LogNoAddress(logger);
                return;
            }

            var speed = configuration.GetValue(LiveTraffic.ScaleSetting, 1.0);
            if (speed <= 0)
            {
                speed = 1.0;
            }

            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            LogStarting(logger, address, speed);
            while (!stoppingToken.IsCancellationRequested)
            {
                await PlayWindowAsync(http, speed, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops.
        }
    }

    private async Task PlayWindowAsync(HttpClient http, double speed, CancellationToken stoppingToken)
    {
        var api = new PlatformApi(http, clock);
        var seed = unchecked((int)clock.GetUtcNow().ToUnixTimeSeconds());
        var simulator = new TrafficSimulator(api, new RealTimePace(clock, speed), new TrafficModel(), new SimulationOptions(WindowDays, 1.0, seed), TextWriter.Null);
        try
        {
            var summary = await simulator.RunAsync(stoppingToken);
            LogWindow(logger, summary.Lodged, summary.Calls, summary.FailedCalls);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
        {
            // No token (a database without the demo clients) or no answer: say so, and try again a little later.
            LogFailed(logger, e);
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
        }

        foreach (var failure in api.Failures)
        {
            LogCallFailed(logger, failure);
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    /// <summary>Where this host listens, as a client on the same machine reaches it; plain HTTP preferred (no certificate to trust).</summary>
    private Uri? LoopbackAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
        if (chosen is null || AddressPattern().Match(chosen) is not { Success: true } match)
        {
            return null;
        }

        var host = match.Groups["host"].Value;
        if (host is "+" or "*" or "0.0.0.0" or "[::]")
        {
            host = "localhost";
        }

        return new Uri($"{match.Groups["scheme"].Value}://{host}:{match.Groups["port"].Value}/");
    }

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>\[[^\]]+\]|[^:/]+):(?<port>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex AddressPattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Live demo traffic: playing the traffic model against {Address} at {Speed}× real time")]
    private static partial void LogStarting(ILogger logger, Uri address, double speed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live demo traffic: the server reports no address to call; no traffic is played")]
    private static partial void LogNoAddress(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live demo traffic: a window ended with {Lodged} consignments lodged, {Calls} calls ({Failed} failed)")]
    private static partial void LogWindow(ILogger logger, int lodged, int calls, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Live demo traffic stopped; it tries again in a minute")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live demo traffic: a call failed: {Failure}")]
    private static partial void LogCallFailed(ILogger logger, string failure);
}
