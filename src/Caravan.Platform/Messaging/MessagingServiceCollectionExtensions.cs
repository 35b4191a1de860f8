using Caravan.Platform.Persistence;
using Caravan.Platform.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Caravan.Platform.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// The transactional outbox (<see cref="IOutbox"/>, module <c>messaging</c>), the feed, and webhooks. With
    /// <paramref name="dispatch"/> (a long-running host) the dispatcher and the webhook sender run in the background.
    /// </summary>
    public static IServiceCollection AddCaravanMessaging(this IServiceCollection services, bool dispatch = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IOutbox)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddModuleDbContext<MessagingDbContext, SqliteMessagingDbContext, PostgresMessagingDbContext>(MessagingDbContext.Module);
        services.AddSingleton<IRolePermissions, MessagingRolePermissions>();
        services.AddScoped<IOutbox, Outbox>();
        services.AddScoped<Feed>();
        services.AddScoped<IOutboxSink, WebhookSink>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<WebhookSender>();
        services.AddHttpClient(WebhookSender.ClientName);
        if (dispatch)
        {
            services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
            services.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());
        }

        return services;
    }
}
