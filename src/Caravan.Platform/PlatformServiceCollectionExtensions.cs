using Caravan.Platform.Health;
using Caravan.Platform.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Caravan.Platform;

public static class PlatformServiceCollectionExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>The kernel for any process (web host, CLI, tests): options, persistence, clock.</summary>
    public static IServiceCollection AddCaravanPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddCaravanPersistence(configuration);
        return services;
    }

    /// <summary>What a long-running host adds: start-up tasks and the readiness check that waits for them.</summary>
    public static IServiceCollection AddCaravanStartup(this IServiceCollection services)
    {
        services.TryAddSingleton<StartupState>();
        services.AddHostedService<StartupTaskRunner>();
        services.AddHealthChecks()
            .AddCheck<DatabaseReadinessCheck>("database", tags: [ReadyTag]);
        return services;
    }
}
