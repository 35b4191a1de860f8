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
        return new MessagingStatus(
            new OutboxStatus(waiting, Utc(oldest), lastPosition, Utc(last?.DispatchedAt), IsLate(oldest, clock, configuration)),
            names.Select(name => cursors.TryGetValue(name, out var c)
                ? new ConsumerStatus(name, c.Position, Math.Max(0, lastPosition - c.Position), Utc(c.UpdatedAt))
                : new ConsumerStatus(name, 0, lastPosition, null)).ToList(),
            new WebhookStatus(subscriptions, deliveries.FirstOrDefault(d => d.Status == "pending")?.Count ?? 0, deliveries.FirstOrDefault(d => d.Status == "dead")?.Count ?? 0),
            nats.Stream,
            dispatch.LastFailure);
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
