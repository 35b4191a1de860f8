using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Caravan.Cli.Conformance;

/// <summary>One delivery as the listener received it: the raw body and the headers the signature check needs.</summary>
public sealed record ReceivedDelivery(string Path, string Body, string? Signature, string? EventId, string? EventType);

/// <summary>
/// The receiving end of a national system's webhook, started by the kit on <c>--webhook-listen</c>: it answers 200 to
/// every POST and keeps what came, so the kit can verify the signature as docs/api/webhooks.md tells a receiver to.
/// </summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookListener(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedDelivery> Received { get; } = new();

    /// <summary>The address really listened on (port 0 in <c>--webhook-listen</c> picks a free one).</summary>
    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

    /// <exception cref="IOException">The address cannot be listened on (in use, not local).</exception>
    public static async Task<WebhookListener> StartAsync(Uri listen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listen);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"{listen.Scheme}://{listen.Authority}");
        var app = builder.Build();
        var listener = new WebhookListener(app);
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            listener.Received.Enqueue(new ReceivedDelivery(request.Path.Value ?? "/", body, request.Headers["Caravan-Signature"], request.Headers["Caravan-Event-Id"], request.Headers["Caravan-Event-Type"]));
            return Results.Ok();
        });
        await app.StartAsync(cancellationToken);
        return listener;
    }

    /// <summary>
    /// The receiver's check of docs/api/webhooks.md, written from the document rather than borrowed from the platform:
    /// split <c>t=…,v1=…</c>, refuse a timestamp more than five minutes from our clock, and compare
    /// HMAC-SHA256(secret, t + "." + body) in lower-case hex in constant time. Returns null when valid, else why not.
    /// </summary>
    public static string? VerifySignature(string secret, string? header, string body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(header))
        {
            return "no Caravan-Signature header";
        }

        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).GroupBy(p => p[0].Trim()).ToDictionary(g => g.Key, g => g.First()[1].Trim());
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || !parts.TryGetValue("v1", out var v1))
        {
            return $"the header '{header}' is not t=<unix seconds>,v1=<hex>";
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > TimeSpan.FromMinutes(5))
        {
            return $"t={t} is more than five minutes from this machine's clock";
        }

        var mac = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}")));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(mac), Encoding.ASCII.GetBytes(v1)) ? null : "v1 does not match HMAC-SHA256(secret, t.body)";
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
