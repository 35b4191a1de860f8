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
/// <remarks>
/// After a failed batch the connection is dropped and the next batch opens a new one and declares the stream again:
/// NATS.Net disposes a connection whose first connect fails, so keeping it would fail every later batch even once
/// the server is back, and a stream deleted under the platform is only made again by declaring it. So dispatch
/// resumes by itself after NATS was down, stalled, unreachable when the host started, or lost its stream. Not
/// disposed by DI scopes: the process's <see cref="NatsPublisher"/> owns it.
/// </remarks>
internal sealed class NatsSink(NatsSettings settings, Func<NatsConnection> connect) : IOutboxSink
{
    private readonly SemaphoreSlim _ready = new(1, 1);
    private (NatsConnection Connection, INatsJSContext Js)? _current;

    public async Task DeliverAsync(IReadOnlyList<FeedEvent> batch, MessagingDbContext db, CancellationToken cancellationToken)
    {
        var (connection, js) = await StreamAsync(cancellationToken);
        try
        {
            foreach (var item in batch)
            {
                var body = JsonSerializer.SerializeToUtf8Bytes(item, JsonSerializerOptions.Web);
                foreach (var country in item.Countries)
                {
                    // The request's trace context travels with the message, so a national system can continue that trace.
                    var headers = item.TraceParent is { } trace ? new NatsHeaders { ["traceparent"] = trace } : null;
                    var ack = await js.PublishAsync(settings.Subject(country, item.Type), body, opts: new NatsJSPubOpts { MsgId = $"{item.Id}.{country}" }, headers: headers, cancellationToken: cancellationToken);
                    ack.EnsureSuccess();
                }
            }
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await DropAsync(connection);
            throw;
        }
    }

    /// <summary>The live connection and JetStream context, opened and the stream declared when there is none.</summary>
    private async Task<(NatsConnection Connection, INatsJSContext Js)> StreamAsync(CancellationToken cancellationToken)
    {
        await _ready.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } current)
            {
                return current;
            }

            var connection = connect();
            try
            {
                var js = connection.CreateJetStreamContext();
                await js.CreateOrUpdateStreamAsync(new StreamConfig(settings.Stream, [$"{settings.SubjectPrefix}.>"]) { DuplicateWindow = TimeSpan.FromMinutes(10), Storage = StreamConfigStorage.File }, cancellationToken);
                _current = (connection, js);
                return (connection, js);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
        finally
        {
            _ready.Release();
        }
    }

    /// <summary>
    /// After a failed publish: forgets <paramref name="connection"/>, so the next batch opens a new one and declares
    /// the stream again. A closed or disposed connection never recovers, and a stream deleted or changed under the
    /// platform is only made again by declaring it; reconnecting costs little against the dispatcher's back-off.
    /// </summary>
    private async Task DropAsync(NatsConnection connection)
    {
        bool drop;
        await _ready.WaitAsync(CancellationToken.None);
        try
        {
            drop = _current?.Connection == connection;
            if (drop)
            {
                _current = null;
            }
        }
        finally
        {
            _ready.Release();
        }

        if (drop)
        {
            await DisposeQuietlyAsync(connection);
        }
    }

    /// <summary>Closes the connection in use, if any (at host shutdown).</summary>
    public async ValueTask CloseAsync()
    {
        if (_current is { } current)
        {
            _current = null;
            await DisposeQuietlyAsync(current.Connection);
        }
    }

    private static async Task DisposeQuietlyAsync(NatsConnection connection)
    {
        try
        {
            await connection.DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
            // NATS.Net already disposed it after a failed connect.
        }
    }
}
