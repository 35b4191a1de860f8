using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Caravan.Platform.Messaging;

/// <summary>Reads the messaging tables for <see cref="IMessagingStatus"/>; a handful of aggregate queries.</summary>
internal sealed class MessagingStatusQuery(MessagingDbContext db, DispatchStatus dispatch, NatsPublisher nats, IEnumerable<IEventConsumer> registered, TimeProvider clock, IConfiguration configuration) : IMessagingStatus
{
    public async Task<MessagingStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var (waiting, oldest) = await BacklogAsync(db, cancellationToken);
        var last = await db.Outbox.AsNoTracking().Where(e => e.Position != null).OrderByDescending(e => e.Position)
            .Select(e => new { Position = e.Position!.Value, e.DispatchedAt }).FirstOrDefaultAsync(cancellationToken);
        var lastPosition = last?.Position ?? 0;
        // Every consumer this host runs, and any cursor left by one it no longer runs; one not yet started is at 0.
        var cursors = await db.Cursors.AsNoTracking().ToDictionaryAsync(c => c.Name, cancellationToken);
        var names = registered.Select(c => c.Name).Concat(cursors.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.Status != "delivered").GroupBy(d => d.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var subscriptions = await db.Webhooks.AsNoTracking().CountAsync(w => w.Active, cancellationToken);
        var troubled = await TroubledWebhooksAsync(cancellationToken);
        return new MessagingStatus(
            new OutboxStatus(waiting, Utc(oldest), lastPosition, Utc(last?.DispatchedAt), IsLate(oldest, clock, configuration)),
            names.Select(name => cursors.TryGetValue(name, out var c)
                ? new ConsumerStatus(name, c.Position, Math.Max(0, lastPosition - c.Position), Utc(c.UpdatedAt))
                : new ConsumerStatus(name, 0, lastPosition, null)).ToList(),
            new WebhookStatus(subscriptions, deliveries.FirstOrDefault(d => d.Status == "pending")?.Count ?? 0, deliveries.FirstOrDefault(d => d.Status == "dead")?.Count ?? 0, troubled),
            nats.Stream,
            dispatch.LastFailure);
    }

    /// <summary>The webhooks with failed deliveries still pending or dead (at most 50, most dead first), with their latest error.</summary>
    private async Task<IReadOnlyList<WebhookTrouble>> TroubledWebhooksAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Deliveries.AsNoTracking()
            .Where(d => d.Status == "dead" || (d.Status == "pending" && d.Attempts > 0))
            .GroupBy(d => d.SubscriptionId)
            .Select(g => new { Webhook = g.Key, Dead = g.Count(d => d.Status == "dead"), Retrying = g.Count(d => d.Status == "pending") })
            .OrderByDescending(g => g.Dead).ThenByDescending(g => g.Retrying).Take(50)
            .ToListAsync(cancellationToken);
        if (counts.Count == 0)
        {
            return [];
        }

        var ids = counts.Select(c => c.Webhook).ToList();
        var webhooks = await db.Webhooks.AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
        var errors = await db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.SubscriptionId) && d.LastError != null && d.Status != "delivered")
            .OrderByDescending(d => d.NextAttemptAt).Take(ids.Count * 20)
            .Select(d => new { d.SubscriptionId, d.LastError, d.NextAttemptAt }).ToListAsync(cancellationToken);
        return counts.Where(c => webhooks.ContainsKey(c.Webhook)).Select(c =>
        {
            var webhook = webhooks[c.Webhook];
            var last = errors.Where(e => e.SubscriptionId == c.Webhook).MaxBy(e => e.NextAttemptAt)?.LastError;
            return new WebhookTrouble(webhook.Id, webhook.Organisation, webhook.Url, webhook.Active, c.Retrying, c.Dead, last);
        }).ToList();
    }

    /// <summary>How many committed events wait for dispatch, and since when the oldest (also the health check's reading).</summary>
    internal static async Task<(int Count, DateTime? Oldest)> BacklogAsync(MessagingDbContext db, CancellationToken cancellationToken)
    {
        var waiting = db.Outbox.AsNoTracking().Where(e => e.Position == null);
        var count = await waiting.CountAsync(cancellationToken);
        return count == 0 ? (0, null) : (count, await waiting.MinAsync(e => (DateTime?)e.OccurredAt, cancellationToken));
    }

    /// <summary>Whether the oldest waiting event (committed at <paramref name="oldest"/>) is past the lag warning.</summary>
    internal static bool IsLate(DateTime? oldest, TimeProvider clock, IConfiguration configuration) =>
        oldest is { } at && clock.GetUtcNow().UtcDateTime - at > TimeSpan.FromSeconds(configuration.GetValue(DispatchHealthCheck.LagSetting, 60.0));

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
