using System.Text.Json;
using Microsoft.Extensions.Configuration;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Net;

namespace Caravan.Platform.Messaging;

/// <summary>NATS settings (<c>Caravan:Messaging:Nats:*</c>); without a URL nothing is published to NATS.</summary>
internal sealed record NatsSettings(string Url, string Stream, string SubjectPrefix)
{
    public const string UrlSetting = "Caravan:Messaging:Nats:Url";

    public static NatsSettings? From(IConfiguration configuration)
    {
        var url = configuration[UrlSetting];
        return string.IsNullOrWhiteSpace(url)
            ? null
            : new NatsSettings(url, configuration["Caravan:Messaging:Nats:Stream"] ?? "CARAVAN", configuration["Caravan:Messaging:Nats:SubjectPrefix"] ?? "caravan");
    }

    /// <summary><c>caravan.KZ.control.created</c>: one subject per country and event type, so a system subscribes to its own.</summary>
    public string Subject(string country, string type) => $"{SubjectPrefix}.{country}.{type}";
}

/// <summary>
/// Publishes each dispatched event to JetStream once per country it concerns, with <c>Nats-Msg-Id</c> = event id and
/// country: when a batch is dispatched again after a crash, the stream's duplicate window drops the copies.
/// </summary>
internal sealed class NatsSink(NatsSettings settings, NatsConnection connection) : IOutboxSink, IAsyncDisposable
{
    private readonly SemaphoreSlim _ready = new(1, 1);
    private INatsJSContext? _js;

    public async Task DeliverAsync(IReadOnlyList<FeedEvent> batch, MessagingDbContext db, CancellationToken cancellationToken)
    {
        var js = await StreamAsync(cancellationToken);
        foreach (var item in batch)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(item, JsonSerializerOptions.Web);
            foreach (var country in item.Countries)
            {
                var ack = await js.PublishAsync(settings.Subject(country, item.Type), body, opts: new NatsJSPubOpts { MsgId = $"{item.Id}.{country}" }, cancellationToken: cancellationToken);
                ack.EnsureSuccess();
            }
        }
    }

    private async Task<INatsJSContext> StreamAsync(CancellationToken cancellationToken)
    {
        if (_js is { } ready)
        {
            return ready;
        }

        await _ready.WaitAsync(cancellationToken);
        try
        {
            if (_js is null)
            {
                var js = connection.CreateJetStreamContext();
                await js.CreateOrUpdateStreamAsync(new StreamConfig(settings.Stream, [$"{settings.SubjectPrefix}.>"]) { DuplicateWindow = TimeSpan.FromMinutes(10), Storage = StreamConfigStorage.File }, cancellationToken);
                _js = js;
            }

            return _js;
        }
        finally
        {
            _ready.Release();
        }
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
