using Caravan.Platform.Persistence;
using Caravan.Platform.Security;
using Microsoft.Extensions.Configuration;
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
        services.AddScoped<IMessagingStatus, MessagingStatusQuery>();
        services.AddScoped<IOutboxSink, WebhookSink>();
        services.AddMetrics();
        services.AddSingleton<MessagingTelemetry>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<EventConsumerRunner>();
        // Every connection a webhook makes is checked where it lands, after DNS: a name that resolves (or later
        // re-resolves) into the platform's own network is refused unless private networks are allowed.
        services.AddHttpClient(WebhookSender.ClientName).ConfigurePrimaryHttpMessageHandler(sp =>
        {
            var allowPrivate = WebhookSettings.From(sp.GetRequiredService<IConfiguration>()).AllowPrivateNetworks;
            return new System.Net.Http.SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = async (context, cancellationToken) =>
                {
                    var addresses = await System.Net.Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken).ConfigureAwait(false);
                    var usable = addresses.Where(a => allowPrivate || !WebhookSettings.IsPrivate(a)).ToArray();
                    if (usable.Length == 0)
                    {
                        throw new System.Net.Http.HttpRequestException($"{context.DnsEndPoint.Host} resolves only to private or loopback addresses, which webhooks may not reach.");
                    }

                    var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                    try
                    {
                        await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
                        return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            };
        });
        // Published to NATS only when Caravan:Messaging:Nats:Url is set; the feed and webhooks work without it.
        services.AddSingleton(sp => new NatsPublisher(NatsSettings.From(sp.GetRequiredService<IConfiguration>())));
        services.AddScoped<IOutboxSink>(sp => (IOutboxSink?)sp.GetRequiredService<NatsPublisher>().Sink ?? NoSink.Instance);
        services.AddSingleton<DispatchStatus>();
        if (dispatch)
        {
            services.AddHealthChecks().AddCheck<DispatchHealthCheck>("dispatch", tags: [PlatformServiceCollectionExtensions.ReadyTag]);
            // Hosted services stop in reverse order: the consumers stop after the dispatcher has dispatched the rest.
            services.AddHostedService(sp => sp.GetRequiredService<EventConsumerRunner>());
            services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
            services.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());
        }

        return services;
    }

    /// <summary>A consumer inside the platform, with a durable cursor (see <see cref="IEventConsumer"/>).</summary>
    public static IServiceCollection AddEventConsumer<TConsumer>(this IServiceCollection services)
        where TConsumer : class, IEventConsumer
    {
        services.AddScoped<IEventConsumer, TConsumer>();
        return services;
    }

    /// <summary>Declares an event type a module writes to the outbox and the record its payload is.</summary>
    public static IServiceCollection AddEventType<TPayload>(this IServiceCollection services, string type, string description)
    {
        services.AddSingleton(new EventTypeRegistration(type, typeof(TPayload), description));
        return services;
    }
}

/// <summary>The NATS sink's place when NATS is not configured.</summary>
internal sealed class NoSink : IOutboxSink
{
    public static readonly NoSink Instance = new();

    public Task DeliverAsync(IReadOnlyList<FeedEvent> batch, MessagingDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The process's one NATS connection and sink, when NATS is configured.</summary>
internal sealed class NatsPublisher(NatsSettings? settings) : IAsyncDisposable
{
    /// <summary>The stream events go to, or null when NATS is not configured.</summary>
    public string? Stream { get; } = settings?.Stream;

    public NatsSink? Sink { get; } = settings is null
        ? null
        : new NatsSink(settings, () => new NATS.Client.Core.NatsConnection(new NATS.Client.Core.NatsOpts { Url = settings.Url, Name = "caravan" }));

    public async ValueTask DisposeAsync()
    {
        if (Sink is not null)
        {
            await Sink.CloseAsync();
        }
    }
}
