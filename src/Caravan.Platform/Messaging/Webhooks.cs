using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Caravan.Platform.Health;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Caravan.Platform.Messaging;

/// <summary>Webhook settings (<c>Caravan:Messaging:Webhooks:*</c>).</summary>
internal sealed record WebhookSettings(int MaxAttempts, TimeSpan RetryBase, TimeSpan Timeout, TimeSpan Interval, bool AllowHttp, TimeSpan Lease, bool AllowPrivateNetworks)
{
    public static WebhookSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Caravan:Messaging:Webhooks");
        return new WebhookSettings(
            section.GetValue("MaxAttempts", 8),
            TimeSpan.FromSeconds(section.GetValue("RetryBaseSeconds", 30.0)),
            TimeSpan.FromSeconds(section.GetValue("TimeoutSeconds", 10.0)),
            TimeSpan.FromMilliseconds(section.GetValue("IntervalMilliseconds", 1000)),
            section.GetValue("AllowHttp", false),
            // A delivery taken for sending is not taken again before this; after a crash mid-send it is retried then.
            TimeSpan.FromSeconds(section.GetValue("LeaseSeconds", 300.0)),
            // Loopback, private and link-local addresses are refused (no reaching the platform's own network through
            // a webhook) unless allowed; development and tests that allow plain HTTP allow them too by default.
            section.GetValue("AllowPrivateNetworks", section.GetValue("AllowHttp", false)));
    }

    /// <summary>Whether an address is one a webhook may not reach: loopback, private (RFC 1918, unique-local), link-local, unspecified.</summary>
    public static bool IsPrivate(System.Net.IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (System.Net.IPAddress.IsLoopback(address) || address.Equals(System.Net.IPAddress.Any) || address.Equals(System.Net.IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] == 0;
    }

    /// <summary>Attempt n failed: wait base × 2^(n−1) before the next (30 s, 1 min, 2 min, … by default).</summary>
    public TimeSpan Backoff(int attempts) => RetryBase * Math.Pow(2, Math.Max(0, attempts - 1));
}

/// <summary>
/// How bodies are signed (docs/api/webhooks.md): header <c>Caravan-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>
/// where hex is HMAC-SHA256 with the subscription's secret over "&lt;t&gt;.&lt;raw body&gt;" (UTF-8). A receiver
/// recomputes it, compares in constant time, and refuses a timestamp more than five minutes old.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Caravan-Signature";

    public static string Sign(string secret, long unixSeconds, string body) => $"t={unixSeconds},v1={Mac(secret, unixSeconds, body)}";

    private static string Mac(string secret, long unixSeconds, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{body}")));

    /// <summary>What a receiver does; the platform's own tests use it.</summary>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, out var seconds) || !parts.TryGetValue("v1", out var given))
        {
            return false;
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }

        var expected = Mac(secret, seconds, body);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
    }
}

/// <summary>At dispatch: one pending delivery per matching webhook, in the dispatch transaction.</summary>
internal sealed class WebhookSink : IOutboxSink
{
    public async Task DeliverAsync(IReadOnlyList<FeedEvent> batch, MessagingDbContext db, CancellationToken cancellationToken)
    {
        var subscriptions = await db.Webhooks.AsNoTracking().Where(w => w.Active).ToListAsync(cancellationToken);
        if (subscriptions.Count == 0)
        {
            return;
        }

        foreach (var item in batch)
        {
            foreach (var subscription in subscriptions.Where(s => Concerns(s, item)))
            {
                db.Deliveries.Add(new WebhookDelivery
                {
                    Id = Guid.NewGuid(),
                    SubscriptionId = subscription.Id,
                    Position = item.Position,
                    Status = "pending",
                    NextAttemptAt = item.OccurredAt.UtcDateTime,
                });
            }
        }
    }

    internal static bool Concerns(WebhookSubscription subscription, FeedEvent item) =>
        (subscription.EventTypes == "*" || subscription.EventTypes.Split(',').Contains(item.Type, StringComparer.Ordinal))
        && ((subscription.Country is { } country && item.Countries.Contains(country, StringComparer.Ordinal))
            || (subscription.ForOrganisation is { } organisation && item.Organisation == organisation));
}

/// <summary>
/// Posts due deliveries, signed; a failure waits longer each time and ends in the dead-letter list after the last
/// attempt. A delivery is leased before it is sent, so a crash mid-send retries it (at least once).
/// </summary>
internal sealed partial class WebhookSender(IServiceScopeFactory scopes, StartupState startup, MessagingTelemetry telemetry, TimeProvider clock, IConfiguration configuration, IHttpClientFactory http, IDataProtectionProvider protection, ILogger<WebhookSender> logger) : BackgroundService
{
    public const string ClientName = "caravan-webhooks";
    public const string ProtectorPurpose = "Caravan.Messaging.WebhookSecret";

    /// <summary>"CRVNHOOK".</summary>
    private const long SendLockKey = 0x4352564E484F4F4B;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = WebhookSettings.From(configuration);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (startup.Completed && startup.Failure is null)
            {
                try
                {
                    await SendDueAsync(settings, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, e);
                }
            }

            try
            {
                await Task.Delay(settings.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal async Task<int> SendDueAsync(WebhookSettings settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        List<WebhookDelivery> due;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (db.Database.IsNpgsql() && !await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({SendLockKey}) AS \"Value\"").SingleAsync(cancellationToken))
            {
                return 0;
            }

            due = await db.Deliveries.Where(d => d.Status == "pending" && d.NextAttemptAt <= now).OrderBy(d => d.NextAttemptAt).Take(20).ToListAsync(cancellationToken);
            foreach (var delivery in due)
            {
                delivery.NextAttemptAt = now + settings.Lease;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var protector = protection.CreateProtector(ProtectorPurpose);
        foreach (var delivery in due)
        {
            var subscription = await db.Webhooks.AsNoTracking().SingleAsync(w => w.Id == delivery.SubscriptionId, cancellationToken);
            var entry = await db.Outbox.AsNoTracking().SingleAsync(e => e.Position == delivery.Position, cancellationToken);
            var body = JsonSerializer.Serialize(OutboxDispatcher.ToFeedEvent(entry), JsonSerializerOptions.Web);
            var (ok, status, error) = await PostAsync(subscription, protector.Unprotect(subscription.ProtectedSecret), entry, body, settings, cancellationToken);
            delivery.Attempts++;
            delivery.LastStatusCode = status;
            delivery.LastError = error is { Length: > 500 } ? error[..500] : error;
            var after = clock.GetUtcNow().UtcDateTime;
            if (ok)
            {
                delivery.Status = "delivered";
                delivery.DeliveredAt = after;
            }
            else if (delivery.Attempts >= settings.MaxAttempts || !subscription.Active)
            {
                delivery.Status = "dead";
            }
            else
            {
                delivery.NextAttemptAt = after + settings.Backoff(delivery.Attempts);
            }

            await db.SaveChangesAsync(cancellationToken);
            telemetry.WebhookAttempted(delivery.Status == "pending" ? "retry" : delivery.Status);
        }

        return due.Count;
    }

    private async Task<(bool Ok, int? Status, string? Error)> PostAsync(WebhookSubscription subscription, string secret, OutboxEntry entry, string body, WebhookSettings settings, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(secret, clock.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.TryAddWithoutValidation("Caravan-Event-Id", entry.MessageId.ToString());
        request.Headers.TryAddWithoutValidation("Caravan-Event-Type", entry.Type);
        // The delivery belongs to the trace of the request that caused the event, as NATS messages do: with tracing on,
        // its span is a child of that request's and the HTTP client sends the child's context; without, the header is
        // the request's own. Either way the receiving system continues that trace.
        var parent = entry.TraceParent is { } trace && ActivityContext.TryParse(trace, null, out var context) ? context : default;
        using var activity = MessagingTelemetry.Activities.StartActivity("webhook deliver", ActivityKind.Producer, parent);
        if (activity is null && entry.TraceParent is not null)
        {
            request.Headers.TryAddWithoutValidation("traceparent", entry.TraceParent);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await http.CreateClient(ClientName).SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? (true, (int)response.StatusCode, null) : (false, (int)response.StatusCode, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (false, null, e is TaskCanceledException ? $"no answer within {settings.Timeout.TotalSeconds} s" : e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending webhooks failed; due deliveries are tried again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
